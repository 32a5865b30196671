// The synthetic market: snapshots and the depth updates that continue them, the other market
// channels, the public REST answers, and determinism with a seed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultAccount } from '../../src/backend.js';
import { messages, rest, setup, T0, ws } from './harness.js';

describe('the mock exchange market', () => {
  afterEach(() => vi.useRealTimers());

  it('continues the REST and WebSocket depth snapshot with updates seqnum + 1, + 2, ...', () => {
    const { exchange, events } = setup();
    const restSnapshot = rest(exchange, 'getDepth', { symbol: 'BTC/USDT' }).data;
    const [wsSnapshot] = ws(exchange, { op: 'req', action: 'depth-snapshot', args: { symbol: 'BTC/USDT' } });
    expect(wsSnapshot!.data.seqnum).toBe(restSnapshot.data.seqnum);
    const book = {
      asks: new Map<string, string>(restSnapshot.data.asks),
      bids: new Map<string, string>(restSnapshot.data.bids),
    };
    for (let i = 0; i < 5; i++) exchange.stepMarket();
    const updates = messages(events, 'depth:BTC/USDT');
    expect(updates.map((u) => u.data.seqnum)).toEqual([1, 2, 3, 4, 5].map((k) => restSnapshot.data.seqnum + k));
    // Applying the updates to the snapshot gives the book the exchange serves now; size 0 removes a level.
    for (const update of updates) {
      expect(update.data.asks.length + update.data.bids.length).toBeGreaterThanOrEqual(2);
      for (const side of ['asks', 'bids'] as const)
        for (const [price, size] of update.data[side] as [string, string][])
          if (size === '0') book[side].delete(price);
          else book[side].set(price, size);
    }
    expect(
      updates.some((u) => [...u.data.asks, ...u.data.bids].some(([, size]: [string, string]) => size === '0')),
    ).toBe(true);
    const now = rest(exchange, 'getDepth', { symbol: 'BTC/USDT' }).data.data;
    expect(new Map(now.asks)).toEqual(book.asks);
    expect(new Map(now.bids)).toEqual(book.bids);
    expect(messages(events, 'depth-realtime:BTC/USDT').map((u) => u.data.seqnum)).toEqual(
      updates.map((u) => u.data.seqnum),
    );
  });

  it('publishes bbo, trades (bigint seqnums), one-minute bars and reference prices', () => {
    const { exchange, events } = setup();
    exchange.stepMarket();
    exchange.stepMarket();
    const trades = messages(events, 'trades:ETH/USDT');
    expect(trades).toHaveLength(2);
    const [first, second] = trades.map((t) => t.data[0].seqnum as bigint);
    expect(typeof first).toBe('bigint');
    expect(first! > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    expect(second).toBe(first! + 1n);
    expect(messages(events, 'bar:1:ETH/USDT').at(-1)!.data).toMatchObject({
      i: '1',
      ts: Math.floor(T0 / 60_000) * 60_000,
    });
    expect(messages(events, 'ref-px:ETH')).toHaveLength(2);
    const ticker = rest(exchange, 'getTicker', { symbol: 'ETH/USDT' }).data;
    expect(ticker.close).toBe(trades.at(-1)!.data[0].p);
  });

  it('steps on a timer between startMarket and stopMarket', () => {
    vi.useFakeTimers();
    const { exchange, events } = setup();
    exchange.startMarket(100);
    vi.advanceTimersByTime(350);
    exchange.stopMarket();
    vi.advanceTimersByTime(1000);
    expect(messages(events, 'depth:ASD/USDT')).toHaveLength(3);
  });

  it('keeps a scripted book still and publishes the scripted change as one update', () => {
    const { exchange, events } = setup();
    const before = rest(exchange, 'getDepth', { symbol: 'BTC/USDT' }).data.data;
    exchange.setBook('BTC/USDT', { asks: [['41000', '2']], bids: [['40000', '1.5']] });
    const [update] = messages(events, 'depth:BTC/USDT');
    expect(update!.data.seqnum).toBe(before.seqnum + 1);
    expect(update!.data.asks).toContainEqual(['41000', '2']);
    expect(update!.data.asks.filter(([, s]: string[]) => s === '0')).toHaveLength(before.asks.length);
    expect(messages(events, 'bbo:BTC/USDT').at(-1)!.data).toMatchObject({ ask: ['41000', '2'], bid: ['40000', '1.5'] });
    exchange.stepMarket();
    expect(messages(events, 'depth:BTC/USDT')).toHaveLength(1);
    expect(rest(exchange, 'getDepth', { symbol: 'BTC/USDT' }).data.data).toMatchObject({
      asks: [['41000', '2']],
      bids: [['40000', '1.5']],
    });
    expect(() => exchange.setBook('NOPE/USDT', { asks: [], bids: [] })).toThrow(/unknown symbol/);
  });

  it('answers the public market data and account operations in the spec shapes', () => {
    const { exchange } = setup();
    expect(rest(exchange, 'getTicker', { symbol: 'BTC/USDT' }).data.symbol).toBe('BTC/USDT');
    expect(rest(exchange, 'getTicker', { symbol: 'BTC/USDT,ETH/USDT' }).data).toHaveLength(2);
    expect(rest(exchange, 'getTicker').data).toHaveLength(3);
    expect(rest(exchange, 'getTicker', { symbol: 'NOPE/USDT' })).toMatchObject({
      code: 100008,
      reason: 'SYMBOL_ERROR',
    });
    const cashProducts = rest(exchange, 'listProducts', { accountCategory: 'cash' }).data;
    expect(cashProducts.map((p: { symbol: string }) => p.symbol)).toEqual(['BTC/USDT', 'ETH/USDT', 'ASD/USDT']);
    expect(rest(exchange, 'listProducts', { accountCategory: 'margin' }).data).toHaveLength(2);
    expect(rest(exchange, 'listProductsLegacy').data[0]).toMatchObject({
      symbol: 'BTC/USDT',
      tickSize: '0.01',
      lotSize: '0.00001',
    });
    expect(rest(exchange, 'getMarketTrades', { symbol: 'BTC/USDT', n: '3' }).data.data).toHaveLength(3);
    const bars = rest(exchange, 'getBarHistory', { symbol: 'BTC/USDT', interval: '5', n: '4' }).data;
    expect(bars.map((b: { data: { ts: number } }) => b.data.ts)).toEqual(
      [3, 2, 1, 0].map((k) => Math.floor(T0 / 300_000) * 300_000 - k * 300_000),
    );
    expect(rest(exchange, 'getBarHistory', { symbol: 'BTC/USDT', interval: '5', n: '4' }).data).toEqual(bars);
    expect(rest(exchange, 'getAccountInfo').data).toMatchObject({
      userUID: defaultAccount.userUID,
      cashAccount: [defaultAccount.cashAccountId],
    });
    expect(rest(exchange, 'getFeeBySymbol').data.productFee[0]).toEqual({
      symbol: 'BTC/USDT',
      fee: { maker: '0.001', taker: '0.001' },
    });
    expect(rest(exchange, 'getVipFeeSchedule').data.genericFee.largeCap.maker).toBe('0.001');
    expect(
      exchange.handleRest({ operationId: 'listAssets', params: {}, body: undefined, account: undefined } as never),
    ).toBeUndefined();
  });

  it('is deterministic for a seed, and different for another seed', () => {
    const run = (seed: number) => {
      const { exchange, events } = setup({ seed });
      for (let i = 0; i < 3; i++) exchange.stepMarket();
      const order = rest(
        exchange,
        'placeOrder',
        { accountCategory: 'cash' },
        {
          time: T0,
          symbol: 'BTC/USDT',
          orderPrice: '40000',
          orderQty: '0.1',
          orderType: 'limit',
          side: 'buy',
        },
      );
      return JSON.stringify(
        { depth: rest(exchange, 'getDepth', { symbol: 'ETH/USDT' }), events, id: order.data.info.orderId },
        (_, v) => (typeof v === 'bigint' ? v.toString() : v),
      );
    };
    expect(run(42)).toBe(run(42));
    expect(run(42)).not.toBe(run(43));
  });
});
