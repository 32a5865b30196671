// Retries through the client, counted on the wire: a GET is retried on 429, 5xx and network
// failures; placing or cancelling an order never is, whatever the failure.
import { describe, it, expect, beforeAll, afterAll, afterEach } from 'vitest';
import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { createHttpHandlers, defaultAccount, mockOperations } from '@ascendex-toolkit/mocks';
import { AscendexApiError, AscendexNetworkError } from '../../src/core/errors.js';
import { AscendexClient } from '../../src/operations.js';

const server = setupServer(...createHttpHandlers());
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const client = new AscendexClient({
  apiKey: defaultAccount.apiKey,
  secret: defaultAccount.secret,
  accountGroup: defaultAccount.accountGroup,
  retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 2 },
});
const order = {
  accountCategory: 'cash',
  symbol: 'BTC/USDT',
  orderPrice: '20000',
  orderQty: '0.01',
  orderType: 'limit',
  side: 'buy',
} as const;

/** Answers `path` from a script of failures, then the mock's default body; counts the requests. */
function script(method: 'get' | 'post' | 'delete', path: string, steps: (number | 'network')[], body: unknown) {
  let count = 0;
  server.use(
    http[method](path, () => {
      const step = steps[count++];
      if (step === 'network') return HttpResponse.error();
      if (typeof step === 'number') return HttpResponse.json({ code: 100101 }, { status: step });
      return HttpResponse.json(body as never);
    }),
  );
  return () => count;
}

describe('retries through the client', () => {
  it('retries a GET on 429 and 503, then returns the answer', async () => {
    const count = script('get', 'https://ascendex.com/api/pro/v1/depth', [429, 503], mockOperations.getDepth.example);
    await expect(client.getDepth({ symbol: 'ASD/USDT' })).resolves.toBeDefined();
    expect(count()).toBe(3);
  });

  it('retries a GET on network failures, up to the policy, then throws AscendexNetworkError', async () => {
    const count = script(
      'get',
      'https://ascendex.com/api/pro/v1/depth',
      ['network', 'network', 'network', 'network'],
      null,
    );
    await expect(client.getDepth({ symbol: 'ASD/USDT' })).rejects.toBeInstanceOf(AscendexNetworkError);
    expect(count()).toBe(3);
  });

  it('never retries placing an order: one request on a 503, one on a dropped connection', async () => {
    const path = `https://ascendex.com/${defaultAccount.accountGroup}/api/pro/v1/cash/order`;
    const failing = script('post', path, [503, 503, 503], mockOperations.placeOrder.example);
    const error = await client.placeOrder(order).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AscendexApiError);
    expect((error as AscendexApiError).status).toBe(503);
    expect(failing()).toBe(1);
    server.resetHandlers();
    const dropped = script('post', path, ['network', 'network'], mockOperations.placeOrder.example);
    await expect(client.placeOrder(order)).rejects.toBeInstanceOf(AscendexNetworkError);
    expect(dropped()).toBe(1);
  });

  it('never retries cancelling an order', async () => {
    const path = `https://ascendex.com/${defaultAccount.accountGroup}/api/pro/v1/cash/order`;
    const count = script('delete', path, ['network', 'network'], mockOperations.cancelOrder.example);
    await expect(
      client.cancelOrder({ accountCategory: 'cash', orderId: 'a1', symbol: 'BTC/USDT' }),
    ).rejects.toBeInstanceOf(AscendexNetworkError);
    expect(count()).toBe(1);
  });
});
