// A whole order's life through the client against the stateful mock exchange: place, query, fill
// in part, cancel; balances (held, filled, released) and the histories checked at each step.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { setupServer } from 'msw/node';
import { createHttpHandlers, createMockExchange, defaultAccount } from '@ascendex-toolkit/mocks';
import type { GetCashBalanceData } from '@ascendex-toolkit/types';
import { AscendexClient } from '../../src/operations.js';

const exchange = createMockExchange({ seed: 7 });
const server = setupServer(...createHttpHandlers({ backend: exchange }));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

// No accountGroup: the client discovers it from the mock exchange.
const client = new AscendexClient({ apiKey: defaultAccount.apiKey, secret: defaultAccount.secret, retry: false });

/** `{ asset: [total, available] }` of the cash account. */
async function balances(): Promise<Record<string, [string, string]>> {
  const rows: GetCashBalanceData = await client.getCashBalance();
  return Object.fromEntries(rows.map((b) => [b.asset, [b.totalBalance, b.availableBalance]]));
}

describe('an order through the client against the mock exchange', () => {
  it('places, queries, fills in part and cancels, with balances and histories at each step', async () => {
    expect(await balances()).toMatchObject({ USDT: ['100000', '100000'], BTC: ['5', '5'] });

    // Place: 0.1 BTC at 40000 holds 4000 USDT plus the 0.1 % commission reserve.
    const placed = await client.placeOrder({
      accountCategory: 'cash',
      id: 'flowtest0001',
      symbol: 'BTC/USDT',
      orderType: 'limit',
      side: 'buy',
      orderPrice: '40000',
      orderQty: '0.1',
      respInst: 'ACCEPT',
    });
    expect(placed).toMatchObject({ ac: 'CASH', action: 'place-order', status: 'ACCEPT', info: { status: 'New' } });
    const orderId = placed.info.orderId;
    expect(await balances()).toMatchObject({ USDT: ['100000', '95996'], BTC: ['5', '5'] });

    // Query: the order is open, one id gives one order.
    const status = await client.getOrderStatus({ accountCategory: 'cash', orderId });
    expect(status).toMatchObject({ orderId, status: 'New', cumFilledQty: '0', price: '40000', orderQty: '0.1' });
    const open = await client.listOpenOrders({ accountCategory: 'cash' });
    expect(open.map((o) => [o.orderId, o.status])).toEqual([[orderId, 'New']]);
    expect(await client.listCurrentHistoryOrders({ accountCategory: 'cash', symbol: 'BTC/USDT' })).toEqual([]);

    // Fill 0.04 at the order's price: 1600 USDT plus a 1.6 USDT fee leave; 0.04 BTC arrive.
    exchange.fill(orderId, { qty: '0.04' });
    expect(await balances()).toMatchObject({ USDT: ['98398.4', '95996'], BTC: ['5.04', '5.04'] });
    expect(await client.getOrderStatus({ accountCategory: 'cash', orderId })).toMatchObject({
      status: 'PartiallyFilled',
      cumFilledQty: '0.04',
      avgPx: '40000',
      cumFee: '1.6',
    });

    // Cancel: the rest of the hold is released; the order leaves the open orders for the histories.
    const cancelled = await client.cancelOrder({ accountCategory: 'cash', orderId, symbol: 'BTC/USDT' });
    expect(cancelled).toMatchObject({ action: 'cancel-order', status: 'Ack', info: { orderId } });
    expect(await balances()).toMatchObject({ USDT: ['98398.4', '98398.4'], BTC: ['5.04', '5.04'] });
    expect(await client.listOpenOrders({ accountCategory: 'cash' })).toEqual([]);
    const recent = await client.listCurrentHistoryOrders({ accountCategory: 'cash', symbol: 'BTC/USDT' });
    expect(recent.map((o) => [o.orderId, o.status, o.cumFilledQty, o.cumFee])).toEqual([
      [orderId, 'Canceled', '0.04', '1.6'],
    ]);
    const history = await client.listHistoryOrdersV2({ account: 'cash', symbol: 'BTC/USDT' });
    expect(history.map((o) => [o.orderId, o.status, o.fillQty, o.fee, o.avgFillPrice])).toEqual([
      [orderId, 'Canceled', '0.04', '1.6', '40000'],
    ]);
    // Cancelling again is refused by the exchange (the order is no longer open).
    await expect(client.cancelOrder({ accountCategory: 'cash', orderId, symbol: 'BTC/USDT' })).rejects.toMatchObject({
      code: 300019,
      operationId: 'cancelOrder',
    });
    expect(client.accountGroup).toBe(defaultAccount.accountGroup);
  });
});
