// The client pointed at the standalone mock server over real HTTP (the README's example).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startMockServer, type MockServer } from '@ascendex-toolkit/mocks/server';
import { AscendexClient } from '../../src/operations.js';

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({
    marketIntervalMs: 0,
    account: { apiKey: 'my-key', secret: 'my-secret', accountGroup: 6 },
  });
});
afterAll(() => server.close());

describe('the client against the standalone mock server', () => {
  it('reads public data, places and cancels an order', async () => {
    const client = new AscendexClient({ baseUrl: server.restUrl, apiKey: 'my-key', secret: 'my-secret', retry: false });
    const depth = await client.getDepth({ symbol: 'BTC/USDT' });
    expect(depth.symbol).toBe('BTC/USDT');
    const placed = await client.placeOrder({
      accountCategory: 'cash',
      symbol: 'BTC/USDT',
      orderType: 'limit',
      side: 'buy',
      orderPrice: '40000',
      orderQty: '0.1',
    });
    expect(client.accountGroup).toBe(6);
    const orderId = placed.info.orderId;
    expect(await client.getOrderStatus({ accountCategory: 'cash', orderId })).toMatchObject({ orderId, status: 'New' });
    await client.cancelOrder({ accountCategory: 'cash', orderId, symbol: 'BTC/USDT' });
    expect(await client.listOpenOrders({ accountCategory: 'cash' })).toEqual([]);
  });
});
