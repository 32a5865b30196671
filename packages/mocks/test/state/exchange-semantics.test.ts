// Exchange behaviour the mock once lacked (issue 15): post-only orders that would take are
// rejected, FOK fills whole or not at all, stop orders trigger on the market price, every bar
// interval is listed, answered and streamed, the v2 history starts from the latest, finished
// orders are kept up to a bound, and the cancel refusal carries the catalog's (absent) reason.
import { describe, expect, it } from 'vitest';
import { defaultAccount } from '../../src/backend.js';
import { INTERVAL_MS } from '../../src/exchange/index.js';
import { limit, messages, rest, setup, T0 } from './harness.js';

const cash = { accountCategory: 'cash' };
const book = {
  asks: [
    ['40100', '0.1'],
    ['40200', '1'],
  ] as [string, string][],
  bids: [['39900', '1']] as [string, string][],
};

describe('post-only', () => {
  it('rejects a post-only order that would take: Canceled to default sessions, Rejected PostOnlyWouldTake to Ready Ack ones, funds released', () => {
    const { exchange, events } = setup();
    exchange.setBook('BTC/USDT', book);
    const placed = rest(exchange, 'placeOrder', cash, limit({ orderPrice: '40100', postOnly: true, id: 'postOnly01' }));
    expect(placed.data.status).toBe('Ack');
    const orderId = placed.data.info.orderId;
    expect(rest(exchange, 'getOrderStatus', { ...cash, orderId }).data).toMatchObject({
      status: 'Rejected',
      errorCode: 'PostOnlyWouldTake',
      execInst: 'Post',
      cumFilledQty: '0',
    });
    const seenNew = messages(events, 'order:cash', 'new')
      .filter((m) => m.m === 'order')
      .map((m) => m.data.st);
    const seenReady = messages(events, 'order:cash', 'ready').filter((m) => m.m === 'order');
    expect(seenNew).toEqual(['New', 'Canceled']);
    expect(seenReady.map((m) => [m.data.st, m.data.err])).toEqual([['Rejected', 'PostOnlyWouldTake']]);
    expect(exchange.balances(defaultAccount, 'cash').get('USDT')).toEqual({ total: '100000', available: '100000' });
    // Nothing traded: the book is as scripted.
    expect(rest(exchange, 'getDepth', { symbol: 'BTC/USDT' }).data.data.asks).toEqual(book.asks);
  });

  it('rests a post-only order that does not cross, on a scripted and on a synthetic book', () => {
    const { exchange } = setup();
    exchange.setBook('BTC/USDT', book);
    const resting = rest(exchange, 'placeOrder', cash, limit({ orderPrice: '40000', postOnly: true }));
    expect(rest(exchange, 'getOrderStatus', { ...cash, orderId: resting.data.info.orderId }).data.status).toBe('New');
    const bestAsk = rest(exchange, 'getDepth', { symbol: 'ETH/USDT' }).data.data.asks[0][0];
    const crossing = rest(
      exchange,
      'placeOrder',
      cash,
      limit({ symbol: 'ETH/USDT', orderPrice: bestAsk, orderQty: '0.01', postOnly: true }),
    );
    expect(rest(exchange, 'getOrderStatus', { ...cash, orderId: crossing.data.info.orderId }).data.status).toBe(
      'Rejected',
    );
  });
});

describe('time in force', () => {
  it('fills a FOK order whole when the book can, and not at all (cancelled, book untouched) when it cannot', () => {
    const { exchange } = setup();
    exchange.setBook('BTC/USDT', book);
    const short = rest(exchange, 'placeOrder', cash, limit({ orderPrice: '40200', orderQty: '2', timeInForce: 'FOK' }));
    expect(rest(exchange, 'getOrderStatus', { ...cash, orderId: short.data.info.orderId }).data).toMatchObject({
      status: 'Canceled',
      cumFilledQty: '0',
    });
    expect(rest(exchange, 'getDepth', { symbol: 'BTC/USDT' }).data.data.asks).toEqual(book.asks);
    const whole = rest(
      exchange,
      'placeOrder',
      cash,
      limit({ orderPrice: '40200', orderQty: '1.1', timeInForce: 'FOK' }),
    );
    expect(rest(exchange, 'getOrderStatus', { ...cash, orderId: whole.data.info.orderId }).data).toMatchObject({
      status: 'Filled',
      cumFilledQty: '1.1',
    });
    expect(rest(exchange, 'getDepth', { symbol: 'BTC/USDT' }).data.data.asks).toEqual([]);
  });

  it('cancels IOC and FOK limit orders on a synthetic book at once (nothing there fills on arrival)', () => {
    const { exchange } = setup();
    for (const timeInForce of ['IOC', 'FOK']) {
      const placed = rest(exchange, 'placeOrder', cash, limit({ orderPrice: '30000', timeInForce }));
      expect(rest(exchange, 'getOrderStatus', { ...cash, orderId: placed.data.info.orderId }).data.status).toBe(
        'Canceled',
      );
    }
    expect(exchange.balances(defaultAccount, 'cash').get('USDT')).toEqual({ total: '100000', available: '100000' });
  });
});

describe('stop orders', () => {
  it('waits until the market price reaches the stop price, then acts as the market or limit order it becomes', () => {
    const { exchange, events } = setup();
    exchange.setBook('BTC/USDT', book);
    const last = () => rest(exchange, 'getMarketTrades', { symbol: 'BTC/USDT', n: '1' }).data.data.at(-1).p as string;
    // Someone buys the 40100 ask: the last price is 40100, below the stop price.
    const { orderPrice: _p, ...market } = limit({ orderType: 'market', orderQty: '0.1' });
    rest(exchange, 'placeOrder', cash, market);
    expect(last()).toBe('40100');
    const stopBuy = rest(
      exchange,
      'placeOrder',
      cash,
      limit({ orderType: 'stop_limit', stopPrice: '40150', orderPrice: '40200', orderQty: '0.2', id: 'stopLimit01' }),
    ).data.info.orderId;
    expect(rest(exchange, 'getOrderStatus', { ...cash, orderId: stopBuy }).data.status).toBe('New');
    expect(() => exchange.fill(stopBuy)).toThrow(/not triggered/);
    // A trade at 40200 reaches it.
    rest(exchange, 'placeOrder', cash, { ...market, orderQty: '0.1' });
    expect(last()).toBe('40200');
    // Triggered by that trade: a limit buy at 40200 takes 0.2 of what is left at 40200.
    expect(rest(exchange, 'getOrderStatus', { ...cash, orderId: stopBuy }).data).toMatchObject({
      status: 'Filled',
      cumFilledQty: '0.2',
      avgPx: '40200',
    });
    const reports = messages(events, 'order:cash').filter((m) => m.m === 'order' && m.data.orderId === stopBuy);
    expect(reports.map((m) => m.data.st)).toEqual(['New', 'New', 'Filled']);
  });

  it('triggers a stop already reached at once, and one above the market on the step that reaches it', () => {
    const { exchange } = setup();
    const stop = rest(
      exchange,
      'placeOrder',
      cash,
      limit({ orderType: 'stop_market', stopPrice: '99999', orderQty: '0.01', side: 'sell' }),
    ).data.info.orderId;
    // A sell stop above the market is reached already: it becomes a market order, which waits for fill().
    const order = exchange.order(defaultAccount, 'cash', stop)!;
    expect(order.triggered).toBe(true);
    exchange.fill(stop);
    expect(order.status).toBe('Filled');
    // A buy stop at the best ask (above the last price) triggers on the step whose trade reaches it, not before.
    while (Number(exchange.market.lastPrice('BTC/USDT')) >= Number(exchange.market.best('BTC/USDT').ask![0]))
      exchange.stepMarket();
    const stopPrice = exchange.market.best('BTC/USDT').ask![0];
    const waiting = rest(
      exchange,
      'placeOrder',
      cash,
      limit({ orderType: 'stop_market', stopPrice, orderQty: '0.01', side: 'buy' }),
    ).data.info.orderId;
    const watched = exchange.order(defaultAccount, 'cash', waiting)!;
    let steps = 0;
    while (!watched.triggered && steps < 100) {
      expect(Number(exchange.market.lastPrice('BTC/USDT'))).toBeLessThan(Number(stopPrice));
      exchange.stepMarket();
      steps++;
    }
    expect(watched.triggered).toBe(true);
    expect(Number(exchange.market.lastPrice('BTC/USDT'))).toBeGreaterThanOrEqual(Number(stopPrice));
  });
});

describe('bars of every interval', () => {
  it('lists every interval, answers bar history for each, and streams each live bar on bar:<interval>:<symbol>', () => {
    const { exchange, events } = setup();
    const listed = rest(exchange, 'listBarIntervals').data;
    expect(listed.map((i: { name: string }) => i.name)).toEqual(Object.keys(INTERVAL_MS));
    for (const { name, intervalInMillis } of listed) {
      const bars = rest(exchange, 'getBarHistory', { symbol: 'BTC/USDT', interval: name, n: '3', to: String(T0) }).data;
      expect(bars).toHaveLength(3);
      expect(bars[2].data.ts - bars[1].data.ts).toBe(intervalInMillis);
    }
    exchange.stepMarket();
    for (const name of Object.keys(INTERVAL_MS)) expect(messages(events, `bar:${name}:BTC/USDT`), name).toHaveLength(1);
  });
});

describe('order lists', () => {
  it('answers v2 history from the latest without seqNum or startTime, and from the oldest with them', () => {
    const { exchange, clock } = setup();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      clock.now += 1000;
      const id = rest(exchange, 'placeOrder', cash, limit({ time: clock.now, orderPrice: String(30000 + i) })).data.info
        .orderId;
      rest(exchange, 'cancelOrder', cash, { orderId: id, symbol: 'BTC/USDT', time: clock.now });
      ids.push(id);
    }
    const latest = rest(exchange, 'listHistoryOrdersV2', { account: 'cash', limit: '2' }).data;
    expect(latest.map((o: { orderId: string }) => o.orderId)).toEqual([ids[4], ids[3]]);
    const fromStart = rest(exchange, 'listHistoryOrdersV2', { account: 'cash', startTime: '0', limit: '2' }).data;
    expect(fromStart.map((o: { orderId: string }) => o.orderId)).toEqual([ids[0], ids[1]]);
    const next = rest(exchange, 'listHistoryOrdersV2', {
      account: 'cash',
      seqNum: String(fromStart[1].seqNum + 1),
    }).data;
    expect(next.map((o: { orderId: string }) => o.orderId)).toEqual(ids.slice(2));
  });

  it('keeps at most maxFinishedOrders finished orders, forgetting the oldest, and every list agrees', () => {
    const { exchange } = setup({ maxFinishedOrders: 3 });
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const id = rest(exchange, 'placeOrder', cash, limit({ time: T0 + i, orderPrice: String(30000 + i) })).data.info
        .orderId;
      rest(exchange, 'cancelOrder', cash, { orderId: id, symbol: 'BTC/USDT', time: T0 + i });
      ids.push(id);
    }
    const open = rest(exchange, 'placeOrder', cash, limit({ time: T0 + 10 })).data.info.orderId;
    expect(exchange.orderCount).toBe(4);
    expect(rest(exchange, 'getOrderStatus', { ...cash, orderId: ids[0] })).toMatchObject({ code: 300006 });
    expect(rest(exchange, 'getOrderStatus', { ...cash, orderId: ids[5] }).data.status).toBe('Canceled');
    const current = rest(exchange, 'listCurrentHistoryOrders', { ...cash, n: '50' }).data;
    expect(current.map((o: { orderId: string }) => o.orderId)).toEqual([ids[5], ids[4], ids[3]]);
    expect(rest(exchange, 'listHistoryOrders', {}).data.data).toHaveLength(3);
    expect(rest(exchange, 'listOpenOrders', cash).data.map((o: { orderId: string }) => o.orderId)).toEqual([open]);
  });

  it('answers a cancel of an order that is not open with 300019 and no reason, as the catalog has none', () => {
    const { exchange } = setup();
    const answer = rest(exchange, 'cancelOrder', cash, {
      orderId: 'a18bcfe5a800U1234567890nothere00',
      symbol: 'BTC/USDT',
      time: T0,
    });
    expect(answer).toMatchObject({ code: 300019, message: 'Trying to cancel non-open order' });
    expect('reason' in answer).toBe(false);
  });
});
