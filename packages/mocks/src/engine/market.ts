// The synthetic market of the mock exchange: per symbol an order book with a sequence number,
// recent trades, a live bar of every interval and 24-hour figures. `step()` moves every book a
// little and publishes what changed; `setBook()` scripts a symbol's book (it then stays still and
// orders cross against it); `take()` consumes a scripted book when an order crosses it.
import type { BarData, BarInterval, DepthData, PriceLevel, Ticker, TradeRecord } from '@ascendex-toolkit/types';
import { add, cmp, fromUnits, max, min, mul, sub, toUnits } from '@ascendex-toolkit/validators/orders';
import { MockExchangeError } from './errors.js';
import type { EngineEvent } from './events.js';
import type { MockProduct } from './products.js';
import { createPrng, type Prng } from './prng.js';

/** One side of a scripted book: `[price, size]` levels in any order. @public */
export interface ScriptedBook {
  readonly asks: readonly PriceLevel[];
  readonly bids: readonly PriceLevel[];
}

/** A fill against the book: price and size. */
export interface BookFill {
  readonly price: string;
  readonly qty: string;
}

/** Where the market publishes what changed. */
export type MarketPublish = (event: EngineEvent) => void;

const LEVELS_PER_SIDE = 20;
const KEPT_TRADES = 100;
/** Trade sequence numbers are above 2^53 on the exchange (the docs' sample 144115191800016553). */
const FIRST_TRADE_SEQNUM = 144115191800016553n;
/** Bars a history answer holds at most (the spec's cap of `n`). */
const MAX_BARS = 500;
/** Every bar interval the exchange lists (`listBarIntervals`), in milliseconds. */
export const INTERVAL_MS: Readonly<Record<BarInterval, number>> = {
  '1': 60_000,
  '5': 300_000,
  '15': 900_000,
  '30': 1_800_000,
  '60': 3_600_000,
  '120': 7_200_000,
  '240': 14_400_000,
  '360': 21_600_000,
  '720': 43_200_000,
  '1d': 86_400_000,
  '1w': 604_800_000,
  '1m': 2_592_000_000,
};

interface SymbolMarket {
  readonly product: MockProduct;
  readonly asks: Map<string, string>;
  readonly bids: Map<string, string>;
  /** Distance between two synthetic levels. */
  readonly levelStep: string;
  seqnum: number;
  scripted: boolean;
  readonly trades: TradeRecord[];
  nextTradeSeqnum: bigint;
  open: string;
  high: string;
  low: string;
  close: string;
  volume: string;
  /** The live bar of each interval. */
  readonly bars: Map<BarInterval, BarData>;
}

function sortedLevels(levels: Map<string, string>, descending: boolean): PriceLevel[] {
  const list = [...levels].map(([p, s]): PriceLevel => [p, s]);
  return list.sort((a, b) => (descending ? cmp(b[0], a[0]) : cmp(a[0], b[0])));
}

function roundToStep(value: string, step: string): string {
  const s = toUnits(step);
  return fromUnits((toUnits(value) / s) * s);
}

/** 32-bit FNV-1a: turns a key into a seed, so bars depend on their time only, not on call order. */
function hashSeed(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export class Market {
  private readonly symbols = new Map<string, SymbolMarket>();

  constructor(
    products: readonly MockProduct[],
    private readonly seed: number,
    private readonly prng: Prng,
    private readonly clock: () => number,
    private readonly publish: MarketPublish,
  ) {
    products.forEach((product, index) => this.symbols.set(product.symbol, this.createSymbol(product, index)));
  }

  has(symbol: string): boolean {
    return this.symbols.has(symbol);
  }

  private get(symbol: string): SymbolMarket {
    const market = this.symbols.get(symbol);
    if (!market) throw new MockExchangeError(`unknown symbol ${symbol}`);
    return market;
  }

  private randomSize(product: MockProduct): string {
    return mul(product.lotSize, String(this.prng.int(1000, 500_000)));
  }

  private createSymbol(product: MockProduct, index: number): SymbolMarket {
    const tick = toUnits(product.tickSize);
    const wanted = toUnits(product.referencePrice) / 10_000n;
    const levelStep = fromUnits(wanted > tick ? (wanted / tick) * tick : tick);
    const mid = roundToStep(product.referencePrice, product.tickSize);
    const market: SymbolMarket = {
      product,
      asks: new Map(),
      bids: new Map(),
      levelStep,
      seqnum: 1_000_000 * (index + 1) + this.prng.int(0, 99_999),
      scripted: false,
      trades: [],
      nextTradeSeqnum: FIRST_TRADE_SEQNUM + BigInt(index) * 1_000_000n,
      open: mid,
      high: mid,
      low: mid,
      close: mid,
      volume: '0',
      bars: new Map(),
    };
    for (let i = 1; i <= LEVELS_PER_SIDE; i++) {
      market.asks.set(add(mid, mul(levelStep, String(i))), this.randomSize(product));
      market.bids.set(sub(mid, mul(levelStep, String(i))), this.randomSize(product));
    }
    for (let i = 0; i < 20; i++) this.recordTrade(market, this.prng.next() < 0.5, this.smallQty(product), false);
    return market;
  }

  private smallQty(product: MockProduct): string {
    return mul(product.lotSize, String(this.prng.int(100, 20_000)));
  }

  /** Best ask and best bid levels, if any. */
  best(symbol: string): { ask: PriceLevel | undefined; bid: PriceLevel | undefined } {
    const m = this.get(symbol);
    return { ask: sortedLevels(m.asks, false)[0], bid: sortedLevels(m.bids, true)[0] };
  }

  /** The price market orders are valued at: the middle of the book, or the last trade. */
  referencePrice(symbol: string): string {
    const m = this.get(symbol);
    const { ask, bid } = this.best(symbol);
    if (ask && bid) return roundToStep(fromUnits((toUnits(ask[0]) + toUnits(bid[0])) / 2n), m.product.tickSize);
    return ask?.[0] ?? bid?.[0] ?? m.close;
  }

  /** The market price stop orders trigger on: the last trade's price. */
  lastPrice(symbol: string): string {
    return this.get(symbol).close;
  }

  /** How much of the book's other side an order could take at prices no worse than `limit` (any when undefined). */
  available(symbol: string, side: 'Buy' | 'Sell', limit: string | undefined): string {
    const m = this.get(symbol);
    let total = '0';
    for (const [price, size] of sortedLevels(side === 'Buy' ? m.asks : m.bids, side === 'Sell')) {
      if (limit !== undefined && (side === 'Buy' ? cmp(price, limit) > 0 : cmp(price, limit) < 0)) break;
      total = add(total, size);
    }
    return total;
  }

  isScripted(symbol: string): boolean {
    return this.get(symbol).scripted;
  }

  depth(symbol: string, levels = 500): DepthData {
    const m = this.get(symbol);
    return {
      seqnum: m.seqnum,
      ts: this.clock(),
      asks: sortedLevels(m.asks, false).slice(0, levels),
      bids: sortedLevels(m.bids, true).slice(0, levels),
    };
  }

  ticker(symbol: string): Ticker {
    const m = this.get(symbol);
    const { ask, bid } = this.best(symbol);
    return {
      symbol,
      open: m.open,
      close: m.close,
      high: m.high,
      low: m.low,
      volume: m.volume,
      ask: ask ?? ['0', '0'],
      bid: bid ?? ['0', '0'],
    };
  }

  symbolList(): string[] {
    return [...this.symbols.keys()];
  }

  /** The `n` most recent trades, oldest first. */
  recentTrades(symbol: string, n: number): TradeRecord[] {
    return this.get(symbol).trades.slice(-n);
  }

  /**
   * `n` bars of `interval` ending with the one that contains `to` (none before the epoch); each
   * bar depends only on the seed, symbol and its time. At most 500, whatever `n` says, and counted
   * by index, so no value of `to` can make the loop run long.
   */
  bars(symbol: string, interval: BarInterval, to: number, n: number): BarData[] {
    const m = this.get(symbol);
    const length = INTERVAL_MS[interval];
    if (!Number.isSafeInteger(to) || to < 0) return [];
    const last = Math.floor(to / length) * length;
    const count = Math.min(Math.max(Math.floor(n), 1), MAX_BARS, Math.floor(last / length) + 1);
    const result: BarData[] = [];
    for (let i = count - 1; i >= 0; i--) {
      const ts = last - i * length;
      const rng = createPrng(hashSeed(`${this.seed}:${symbol}:${interval}:${ts}`));
      const ticks = (spread: number): string => mul(m.levelStep, String(rng.int(-spread, spread)));
      const o = max(m.product.tickSize, add(m.product.referencePrice, ticks(50)));
      const c = max(m.product.tickSize, add(o, ticks(10)));
      const h = add(max(o, c), mul(m.levelStep, String(rng.int(0, 5))));
      const l = max(m.product.tickSize, sub(min(o, c), mul(m.levelStep, String(rng.int(0, 5)))));
      const v = mul(m.product.lotSize, String(rng.int(1000, 1_000_000)));
      result.push({
        i: interval,
        ts,
        o: roundToStep(o, m.product.tickSize),
        c: roundToStep(c, m.product.tickSize),
        h: roundToStep(h, m.product.tickSize),
        l: roundToStep(l, m.product.tickSize),
        v,
      });
    }
    return result;
  }

  /** Records a trade, updates the day's figures and the live bar, and publishes them when asked to. */
  private recordTrade(m: SymbolMarket, buyerIsMaker: boolean, qty: string, publish: boolean, at?: string): TradeRecord {
    const { ask, bid } = { ask: sortedLevels(m.asks, false)[0], bid: sortedLevels(m.bids, true)[0] };
    const price = at ?? (buyerIsMaker ? bid?.[0] : ask?.[0]) ?? m.close;
    const ts = this.clock();
    const trade: TradeRecord = { seqnum: m.nextTradeSeqnum, p: price, q: qty, ts, bm: buyerIsMaker };
    m.nextTradeSeqnum += 1n;
    m.trades.push(trade);
    if (m.trades.length > KEPT_TRADES) m.trades.shift();
    m.close = price;
    m.high = max(m.high, price);
    m.low = min(m.low, price);
    m.volume = add(m.volume, qty);
    for (const interval of Object.keys(INTERVAL_MS) as BarInterval[]) {
      const start = Math.floor(ts / INTERVAL_MS[interval]) * INTERVAL_MS[interval];
      const bar = m.bars.get(interval);
      m.bars.set(
        interval,
        !bar || bar.ts !== start
          ? { i: interval, ts: start, o: price, c: price, h: price, l: price, v: qty }
          : { ...bar, c: price, h: max(bar.h, price), l: min(bar.l, price), v: add(bar.v, qty) },
      );
    }
    if (publish) {
      const symbol = m.product.symbol;
      this.publish({ kind: 'trade', symbol, trade });
      for (const bar of m.bars.values()) this.publish({ kind: 'bar', symbol, bar });
      this.publish({ kind: 'ref-px', asset: m.product.baseAsset, price: this.referencePrice(symbol), ts });
    }
    return trade;
  }

  /** Publishes a change of levels as the next depth (and depth-realtime) update, and the bbo when the top moved. */
  private publishDepth(m: SymbolMarket, asks: PriceLevel[], bids: PriceLevel[], topBefore: string): void {
    m.seqnum += 1;
    const symbol = m.product.symbol;
    const ts = this.clock();
    this.publish({ kind: 'depth', symbol, seqnum: m.seqnum, ts, asks, bids });
    const { ask, bid } = this.best(symbol);
    if (ask && bid && JSON.stringify([ask, bid]) !== topBefore) this.publish({ kind: 'bbo', symbol, ts, bid, ask });
  }

  private top(symbol: string): string {
    const { ask, bid } = this.best(symbol);
    return JSON.stringify([ask, bid]);
  }

  /** Moves every unscripted book: one level resized, one removed, one added; and prints a trade. */
  step(): void {
    for (const m of this.symbols.values()) {
      if (m.scripted) continue;
      const topBefore = this.top(m.product.symbol);
      const changes = { asks: new Map<string, string>(), bids: new Map<string, string>() };
      const resizeSide = this.prng.next() < 0.5 ? 'asks' : 'bids';
      const resized = this.prng.pick([...m[resizeSide].keys()]);
      const size = this.randomSize(m.product);
      m[resizeSide].set(resized, size);
      changes[resizeSide].set(resized, size);
      const churnSide = this.prng.next() < 0.5 ? 'asks' : 'bids';
      const levels = sortedLevels(m[churnSide], churnSide === 'bids');
      const removed = levels[this.prng.int(0, levels.length - 1)]![0];
      m[churnSide].delete(removed);
      changes[churnSide].set(removed, '0');
      const mid = fromUnits(
        (toUnits(levels[0]![0]) +
          toUnits(
            sortedLevels(m[churnSide === 'asks' ? 'bids' : 'asks'], churnSide === 'asks')[0]?.[0] ?? levels[0]![0],
          )) /
          2n,
      );
      for (let attempt = 0; attempt < 50; attempt++) {
        const k = String(this.prng.int(1, LEVELS_PER_SIDE + 5));
        const price = roundToStep(
          churnSide === 'asks' ? add(mid, mul(m.levelStep, k)) : sub(mid, mul(m.levelStep, k)),
          m.product.tickSize,
        );
        const crosses =
          churnSide === 'asks'
            ? [...m.bids.keys()].some((b) => cmp(b, price) >= 0)
            : [...m.asks.keys()].some((a) => cmp(a, price) <= 0);
        if (cmp(price, '0') <= 0 || m[churnSide].has(price) || crosses || price === removed) continue;
        const added = this.randomSize(m.product);
        m[churnSide].set(price, added);
        changes[churnSide].set(price, added);
        break;
      }
      this.publishDepth(m, sortedLevels(changes.asks, false), sortedLevels(changes.bids, true), topBefore);
      this.recordTrade(m, this.prng.next() < 0.5, this.smallQty(m.product), true);
    }
  }

  /** Replaces a symbol's book with a scripted one; it stays still under `step()` and orders cross it. */
  setBook(symbol: string, book: ScriptedBook): void {
    const m = this.get(symbol);
    const topBefore = this.top(symbol);
    const diff = (side: Map<string, string>, levels: readonly PriceLevel[]): Map<string, string> => {
      const next = new Map(
        levels
          .filter(([, s]) => cmp(s, '0') > 0)
          .map(([p, s]): [string, string] => [fromUnits(toUnits(p)), fromUnits(toUnits(s))]),
      );
      const changes = new Map<string, string>();
      for (const price of side.keys()) if (!next.has(price)) changes.set(price, '0');
      for (const [price, size] of next) if (side.get(price) !== size) changes.set(price, size);
      side.clear();
      for (const [price, size] of next) side.set(price, size);
      return changes;
    };
    const asks = diff(m.asks, book.asks);
    const bids = diff(m.bids, book.bids);
    m.scripted = true;
    this.publishDepth(m, sortedLevels(asks, false), sortedLevels(bids, true), topBefore);
  }

  /**
   * Takes up to `qty` from the scripted book's other side at prices no worse than `limit` (any price
   * when undefined), best first; publishes the depth change and the trades.
   */
  take(symbol: string, side: 'Buy' | 'Sell', qty: string, limit: string | undefined): BookFill[] {
    const m = this.get(symbol);
    if (!m.scripted) return [];
    const bookSide = side === 'Buy' ? m.asks : m.bids;
    const topBefore = this.top(symbol);
    const fills: BookFill[] = [];
    const changes = new Map<string, string>();
    let left = qty;
    for (const [price, size] of sortedLevels(bookSide, side === 'Sell')) {
      if (cmp(left, '0') <= 0) break;
      if (limit !== undefined && (side === 'Buy' ? cmp(price, limit) > 0 : cmp(price, limit) < 0)) break;
      const taken = min(size, left);
      left = sub(left, taken);
      const rest = sub(size, taken);
      if (cmp(rest, '0') === 0) bookSide.delete(price);
      else bookSide.set(price, rest);
      changes.set(price, rest);
      fills.push({ price, qty: taken });
    }
    if (fills.length === 0) return fills;
    const levels = sortedLevels(changes, side === 'Sell');
    this.publishDepth(m, side === 'Buy' ? levels : [], side === 'Sell' ? levels : [], topBefore);
    for (const fill of fills) this.recordTrade(m, side === 'Sell', fill.qty, true, fill.price);
    return fills;
  }
}
