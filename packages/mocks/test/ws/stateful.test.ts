// One mock exchange behind both MSW transports, used as another team would: plain `fetch` and a
// plain global `WebSocket`. Place over REST and over the socket, see the orders open, fill them,
// check balances (fees included, exact) and histories, cancel; every answer and frame validates.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import {
  parseJson,
  isPlaceOrderResponse,
  isListOpenOrdersResponse,
  isGetCashBalanceResponse,
  isListCurrentHistoryOrdersResponse,
  isCancelOrderResponse,
  isGetOrderStatusResponse,
  validateServerMessage,
} from '@ascendex-toolkit/validators';
import {
  createHttpHandlers,
  createMockExchange,
  createWsHandlers,
  defaultAccount,
  sign,
  signedMessage,
  type MockExchange,
} from '../../src/index.js';
import { allFrames, connect, type TestClient } from './helpers.js';

/** Every frame any client received that is not a valid server message. */
const invalidFrames = () => allFrames.filter((text) => !validateServerMessage(parseJson(text)).ok);

const { accountGroup: GROUP, apiKey, secret } = defaultAccount;
const REST = 'https://ascendex.com';
const STREAM = `wss://ascendex.com/${GROUP}/api/pro/v1/stream`;

const server = setupServer();
let exchange: MockExchange;
const clients: TestClient[] = [];

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  for (const c of clients.splice(0)) c.socket.close();
  server.resetHandlers();
});
afterAll(() => server.close());

function start() {
  exchange = createMockExchange({ seed: 3, makerFee: '0.001', takerFee: '0.002' });
  server.use(...createHttpHandlers({ backend: exchange }), ...createWsHandlers({ backend: exchange }).handlers);
}

async function rest(method: string, path: string, prehash?: string, body?: unknown) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (prehash) {
    const t = String(exchange.now());
    Object.assign(headers, {
      'x-auth-key': apiKey,
      'x-auth-timestamp': t,
      'x-auth-signature': await sign(secret, signedMessage(t, prehash)),
    });
  }
  const response = await fetch(`${REST}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return parseJson(await response.text()) as any;
}

async function authedClient(): Promise<TestClient> {
  const c = await connect(STREAM);
  clients.push(c);
  await c.next((f) => f.m === 'connected');
  const t = exchange.now();
  c.send({ op: 'auth', id: 'a', t, key: apiKey, sig: await sign(secret, signedMessage(t, 'stream')) });
  await c.next((f) => f.m === 'auth' && f.code === 0);
  c.send({ op: 'sub', id: 's', ch: 'order:cash' });
  await c.next((f) => f.m === 'sub' && f.id === 's');
  return c;
}

const cashBalance = async (asset: string) => {
  const body = await rest('GET', `/${GROUP}/api/pro/v1/cash/balance?asset=${asset}`, 'balance');
  expect(isGetCashBalanceResponse(body)).toBe(true);
  return body.data.find((b: any) => b.asset === asset) as { totalBalance: string; availableBalance: string };
};

describe('a stateful mock exchange behind MSW', () => {
  it('places over REST, reports on the socket, fills with fees, lists history, and cancels', async () => {
    start();
    const c = await authedClient();
    const before = await cashBalance('USDT');

    const order = {
      time: exchange.now(),
      symbol: 'BTC/USDT',
      orderPrice: '20000',
      orderQty: '0.05',
      orderType: 'limit',
      side: 'buy',
      id: 'abc123456',
    };
    const placed = await rest('POST', `/${GROUP}/api/pro/v1/cash/order`, 'order', order);
    expect(isPlaceOrderResponse(placed)).toBe(true);
    const orderId: string = placed.data.info.orderId;
    expect(orderId.endsWith('abc123456')).toBe(true);

    const open = await rest('GET', `/${GROUP}/api/pro/v1/cash/order/open`, 'order/open');
    expect(isListOpenOrdersResponse(open)).toBe(true);
    expect(open.data.map((o: any) => o.orderId)).toEqual([orderId]);
    // Held: 0.05 * 20000 = 1000 USDT plus the commission reserve; total unchanged.
    const held = await cashBalance('USDT');
    expect(held.totalBalance).toBe(before.totalBalance);
    expect(held.availableBalance).not.toBe(before.availableBalance);

    exchange.fill(orderId, { qty: '0.02' });
    await c.next((f) => f.m === 'order' && f.data?.orderId === orderId && f.data.st === 'PartiallyFilled');
    exchange.fill(orderId);
    await c.next((f) => f.m === 'order' && f.data?.orderId === orderId && f.data.st === 'Filled');

    // Bought 0.05 BTC for 1000 USDT; maker fee 0.1% of the quote notional (commission type Quote).
    const after = await cashBalance('USDT');
    expect(before.totalBalance).toBe('100000');
    expect(after.totalBalance).toBe('98999');
    expect(after.availableBalance).toBe(after.totalBalance);
    expect((await cashBalance('BTC')).totalBalance).toBe('5.05');

    const status = await rest('GET', `/${GROUP}/api/pro/v1/cash/order/status?orderId=${orderId}`, 'order/status');
    expect(isGetOrderStatusResponse(status)).toBe(true);
    expect(status.data.status).toBe('Filled');
    const history = await rest(
      'GET',
      `/${GROUP}/api/pro/v1/cash/order/hist/current?symbol=BTC/USDT`,
      'order/hist/current',
    );
    expect(isListCurrentHistoryOrdersResponse(history)).toBe(true);
    expect(history.data.map((o: any) => o.orderId)).toContain(orderId);

    const second = await rest('POST', `/${GROUP}/api/pro/v1/cash/order`, 'order', {
      ...order,
      id: 'def123456',
      time: exchange.now(),
    });
    const cancelled = await rest('DELETE', `/${GROUP}/api/pro/v1/cash/order`, 'order', {
      orderId: second.data.info.orderId,
      symbol: 'BTC/USDT',
      time: exchange.now(),
    });
    expect(isCancelOrderResponse(cancelled)).toBe(true);
    expect(cancelled.code).toBe(0);
    expect((await rest('GET', `/${GROUP}/api/pro/v1/cash/order/open`, 'order/open')).data).toEqual([]);
    expect(invalidFrames()).toEqual([]);
  });

  it('places over the socket, sees it over REST, refuses rule and balance violations with their codes', async () => {
    start();
    const c = await authedClient();
    c.send({
      op: 'req',
      action: 'place-order',
      account: 'cash',
      id: 'w1',
      args: {
        time: exchange.now(),
        symbol: 'ETH/USDT',
        orderPrice: '1500',
        orderQty: '1',
        orderType: 'limit',
        side: 'buy',
      },
    });
    const ack = await c.next((f) => f.m === 'order' && f.action === 'place-order' && f.id === 'w1');
    expect(ack.status).toBe('Ack');
    expect(ack.info.orderId.startsWith('s')).toBe(true);
    const open = await rest('GET', `/${GROUP}/api/pro/v1/cash/order/open`, 'order/open');
    expect(open.data.map((o: any) => o.orderId)).toEqual([ack.info.orderId]);

    const base = { time: exchange.now(), symbol: 'BTC/USDT', orderType: 'limit', side: 'buy' };
    const refusals = [
      [{ ...base, orderPrice: '20000.001', orderQty: '0.01' }, 'INVALID_PRICE'],
      [{ ...base, orderPrice: '20000', orderQty: '0.000001' }, 'INVALID_QTY'],
      [{ ...base, orderPrice: '20000', orderQty: '0.0001' }, 'INVALID_NOTIONAL'],
      [{ ...base, orderPrice: '20000', orderQty: '10' }, 'INVALID_BALANCE'],
    ] as const;
    for (const [args, reason] of refusals) {
      const body = await rest('POST', `/${GROUP}/api/pro/v1/cash/order`, 'order', args);
      expect(isPlaceOrderResponse(body)).toBe(true);
      expect(body.reason ?? body.data?.info?.reason, JSON.stringify(body)).toBe(reason);
    }
    c.send({ op: 'req', action: 'cancel-all', account: 'cash', id: 'w2', args: { time: exchange.now() } });
    await c.next((f) => f.m === 'order' && f.action === 'cancel-all' && f.id === 'w2');
    await c.next((f) => f.m === 'order' && f.data?.orderId === ack.info.orderId && f.data.st === 'Canceled');
    expect(invalidFrames()).toEqual([]);
  });
});
