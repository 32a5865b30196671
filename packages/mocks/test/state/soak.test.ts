// The soak (issue 15), on simulated time: 100,000 orders placed and cancelled keep the exchange
// within its retention bound, with every list still right; the lists read only what their page
// needs from the indexes, however many orders are kept (counted, not timed); sockets that close
// at every point of the handshake leave no listener behind. Heap and list latency figures come
// from bench/soak.mjs (printed, not asserted: machines are noisy).
import { describe, expect, it, vi } from 'vitest';
import { once } from 'node:events';
import WebSocket from 'ws';
import { defaultAccount, sign, signedMessage } from '../../src/index.js';
import type { RestOperationId } from '@ascendex-toolkit/validators/exchange';
import { createMockExchange, DEFAULT_MAX_FINISHED_ORDERS, type FinishedList } from '../../src/exchange/index.js';
import { startMockServer } from '../../src/server/server.js';
import { rest, T0 } from './harness.js';

/**
 * An exchange that keeps every order, with `count` orders placed and cancelled (BTC/USDT and
 * ETH/USDT in turn), and `reads(...)`: a REST answer and how many finished orders it read from
 * the engine's indexes to build it.
 */
function keepingEverything(count: number) {
  const clock = { now: T0 };
  const exchange = createMockExchange({ seed: 5, clock: () => clock.now, maxFinishedOrders: Number.POSITIVE_INFINITY });
  for (let i = 0; i < count; i++) {
    clock.now += 1;
    const symbol = i % 2 ? 'ETH/USDT' : 'BTC/USDT';
    const args = { time: clock.now, symbol, orderPrice: i % 2 ? '2000' : '30000', orderQty: '0.01' } as const;
    const placed = exchange.placeOrder(defaultAccount, 'cash', { ...args, orderType: 'limit', side: 'buy' }, 'rest');
    if (!placed.ok) throw new Error(placed.error.message);
    exchange.cancel(defaultAccount, 'cash', { orderId: placed.value.orderId, symbol, time: clock.now }, 'rest');
  }
  let read = 0;
  const finishedOrders = exchange.finishedOrders.bind(exchange);
  vi.spyOn(exchange, 'finishedOrders').mockImplementation((...args): FinishedList => {
    const list = finishedOrders(...args);
    return {
      length: list.length,
      at: (i) => {
        read++;
        return list.at(i);
      },
    };
  });
  return {
    exchange,
    reads(operationId: RestOperationId, params: Record<string, unknown>) {
      read = 0;
      const answer = rest(exchange, operationId, params);
      return { read, answer };
    },
  };
}

describe('soak', { timeout: 300_000 }, () => {
  it('keeps 100,000 placed-and-cancelled orders within the retention bound, every list still right', () => {
    const clock = { now: T0 };
    const exchange = createMockExchange({ seed: 5, clock: () => clock.now });
    const symbols = ['BTC/USDT', 'ETH/USDT'] as const;
    const price = { 'BTC/USDT': '30000', 'ETH/USDT': '2000' };
    let last = '';
    for (let i = 0; i < 100_000; i++) {
      clock.now += 1;
      const symbol = symbols[i % 2]!;
      const placed = exchange.placeOrder(
        defaultAccount,
        'cash',
        { time: clock.now, symbol, orderPrice: price[symbol], orderQty: '0.01', orderType: 'limit', side: 'buy' },
        'rest',
      );
      if (!placed.ok) throw new Error(placed.error.message);
      const cancelled = exchange.cancel(
        defaultAccount,
        'cash',
        { orderId: placed.value.orderId, symbol, time: clock.now },
        'rest',
      );
      if (!cancelled.ok) throw new Error(cancelled.error.message);
      last = placed.value.orderId;
    }
    expect(exchange.orderCount).toBe(DEFAULT_MAX_FINISHED_ORDERS);
    expect(exchange.openOrders(defaultAccount, 'cash')).toEqual([]);
    expect(exchange.balances(defaultAccount, 'cash').get('USDT')).toEqual({ total: '100000', available: '100000' });
    const cash = { accountCategory: 'cash' };
    expect(rest(exchange, 'listCurrentHistoryOrders', { ...cash, n: '1' }).data[0].orderId).toBe(last);
    const eth = rest(exchange, 'listCurrentHistoryOrders', { ...cash, symbol: 'ETH/USDT', n: '50' }).data;
    expect(eth).toHaveLength(50);
    expect(eth.every((o: { symbol: string }) => o.symbol === 'ETH/USDT')).toBe(true);
    const v2 = rest(exchange, 'listHistoryOrdersV2', { account: 'cash', limit: '1000' }).data;
    expect(v2).toHaveLength(1000);
    expect(v2[0].orderId).toBe(last);
    const oldest = exchange.finishedOrders(defaultAccount, 'cash').at(0);
    const fromOldest = rest(exchange, 'listHistoryOrdersV2', {
      account: 'cash',
      seqNum: String(oldest.seqNum),
      limit: '3',
    }).data;
    expect(fromOldest[0].orderId).toBe(oldest.orderId);
    expect(rest(exchange, 'listHistoryOrders', { page: '25', pageSize: '20' }).data).toMatchObject({ hasNext: false });
  });

  it('reads every order list from its index: what a page needs, however many orders are kept', () => {
    const small = keepingEverything(2_000);
    const large = keepingEverything(8_000);
    expect([small.exchange.orderCount, large.exchange.orderCount]).toEqual([2_000, 8_000]);
    const cash = { accountCategory: 'cash' };
    const pages: [RestOperationId, Record<string, unknown>, number][] = [
      ['listCurrentHistoryOrders', { ...cash, n: '50' }, 50],
      ['listCurrentHistoryOrders', { ...cash, symbol: 'ETH/USDT', n: '50' }, 50],
      ['listHistoryOrdersV2', { account: 'cash', limit: '500' }, 500],
      ['listHistoryOrdersV2', { account: 'cash', symbol: 'BTC/USDT', limit: '20' }, 20],
      // The deprecated history reads one order more than its page (is there a next page?).
      ['listHistoryOrders', { page: '1', pageSize: '20' }, 21],
      ['listHistoryOrders', { page: '3', pageSize: '50' }, 151],
    ];
    for (const [operationId, params, wanted] of pages)
      for (const { reads } of [small, large]) expect(reads(operationId, params).read, operationId).toBe(wanted);
    // From a sequence number: a binary search, then the page.
    for (const { exchange, reads } of [small, large]) {
      const list = exchange.finishedOrders(defaultAccount, 'cash');
      const from = list.at(list.length - 100);
      const { read, answer } = reads('listHistoryOrdersV2', {
        account: 'cash',
        seqNum: String(from.seqNum),
        limit: '10',
      });
      expect(answer.data[0].orderId).toBe(from.orderId);
      expect(read).toBeLessThanOrEqual(10 + Math.ceil(Math.log2(list.length)) + 1);
    }
  });

  it('leaves no listener after sockets close at every point of the header-authenticated handshake', async () => {
    const server = await startMockServer({ marketIntervalMs: 0 });
    const listeners = server.exchange.listenerCount;
    const t = Date.now();
    const headers = {
      'x-auth-key': defaultAccount.apiKey,
      'x-auth-timestamp': String(t),
      'x-auth-signature': await sign(defaultAccount.secret, signedMessage(t, 'stream')),
    };
    // Closed right after the upgrade is requested, on open, on the first frame, and after a subscription.
    const points = ['request', 'open', 'greeting', 'subscribed'] as const;
    await Promise.all(
      Array.from({ length: 200 }, async (_, i) => {
        const point = points[i % points.length]!;
        const socket = new WebSocket(server.wsUrl, { headers });
        socket.on('error', () => undefined);
        // Listening from the start: the greeting can arrive with the upgrade answer, before 'open' is awaited.
        let frames = 0;
        socket.on('message', () => frames++);
        const frame = async (n: number) => {
          while (frames < n) await once(socket, 'message');
        };
        if (point === 'request') return socket.terminate();
        await once(socket, 'open');
        if (point === 'open') return socket.terminate();
        await frame(1);
        if (point === 'greeting') return socket.close();
        socket.send(JSON.stringify({ op: 'sub', id: 's', ch: 'order:cash' }));
        await frame(2);
        socket.close();
      }),
    );
    // The server hears of the last closes a moment after the clients: wait for that, then nothing is left.
    await vi.waitFor(() => expect(server.stats().sessions).toBe(0), { timeout: 30_000 });
    expect(server.exchange.listenerCount).toBe(listeners);
    await server.close();
  });
});
