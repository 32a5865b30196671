// The soak (issue 15), on simulated time: 100,000 orders placed and cancelled keep the exchange
// within its retention bound, with every list still right; sockets that close at every point of
// the handshake leave no listener behind. Heap and list latency figures come from
// bench/soak.mjs (printed, not asserted: machines are noisy).
import { describe, expect, it, vi } from 'vitest';
import { once } from 'node:events';
import WebSocket from 'ws';
import { defaultAccount, sign, signedMessage } from '../../src/index.js';
import { createMockExchange, DEFAULT_MAX_FINISHED_ORDERS } from '../../src/exchange/index.js';
import { startMockServer } from '../../src/server/server.js';
import { rest, T0 } from './harness.js';

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
