// Answers of the `market-data` tag: products, ticker, depth, trades and bars, from the engine's market.
import type { BarInterval } from '@ascendex-toolkit/types';
import { INTERVAL_MS } from '../../engine/market.js';
import { legacyProductRecord, productRecord } from '../../wire/products.js';
import type { RestAnswerTable } from './types.js';
import { categoryOf, clampCount, ok, unknownSymbol } from './types.js';

export const marketDataAnswers: RestAnswerTable = {
  listProducts: (request, engine) => {
    const category = categoryOf(request);
    return ok({
      data: [...engine.products.values()].filter((p) => category === 'cash' || p.marginTradable).map(productRecord),
    });
  },
  listProductsLegacy: (_request, engine) => ok({ data: [...engine.products.values()].map(legacyProductRecord) }),
  listBarIntervals: () =>
    ok({
      data: (Object.entries(INTERVAL_MS) as [BarInterval, number][]).map(([name, intervalInMillis]) => ({
        name,
        intervalInMillis,
      })),
    }),
  getTicker: (request, engine) => {
    const symbolParam = request.params.symbol;
    const market = engine.market;
    if (symbolParam === undefined) return ok({ data: market.symbolList().map((s) => market.ticker(s)) });
    const symbols = symbolParam.split(',').filter((s) => s !== '');
    const unknown = symbols.find((s) => !market.has(s));
    if (unknown !== undefined) return unknownSymbol(unknown);
    // One symbol without a comma answers an object, anything else a list (x-ascendex.singleOrList).
    if (symbols.length === 1 && !symbolParam.includes(',')) return ok({ data: market.ticker(symbols[0]!) });
    return ok({ data: symbols.map((s) => market.ticker(s)) });
  },
  getDepth: (request, engine) => {
    const { symbol } = request.params;
    if (!engine.market.has(symbol)) return unknownSymbol(symbol);
    return ok({ data: { m: 'depth-snapshot', symbol, data: engine.market.depth(symbol) } });
  },
  getMarketTrades: (request, engine) => {
    const { symbol } = request.params;
    if (!engine.market.has(symbol)) return unknownSymbol(symbol);
    const n = clampCount(request.params.n, 10, 100);
    return ok({ data: { m: 'trades', symbol, data: engine.market.recentTrades(symbol, n) } });
  },
  getBarHistory: (request, engine) => {
    const { symbol, interval, from, to } = request.params;
    if (!engine.market.has(symbol)) return unknownSymbol(symbol);
    const n = clampCount(request.params.n, 10, 500);
    const bars = engine.market.bars(symbol, interval, to ?? engine.now(), n);
    return ok({
      data: bars.filter((b) => from === undefined || b.ts >= from).map((data) => ({ m: 'bar', s: symbol, data })),
    });
  },
};
