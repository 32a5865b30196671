// The HTTP mocks read requests as the exchange does and answer as configured: accepted variants,
// refusals with the exchange's codes, signature problems, overrides, latency, a backend, unknown paths.
import { describe, it, expect, beforeAll, afterAll, afterEach, vi } from 'vitest';
import { setupServer } from 'msw/node';
import { isGetMarketTradesResponse, isGetAccountInfoSuccess, isPlaceOrderResponse } from '@ascendex-toolkit/validators';
import type { PlaceOrderResponse } from '@ascendex-toolkit/types';
import { defaultAccount, type MockBackend, type RestRequest } from '../../src/backend.js';
import {
  createHttpHandlers,
  handleGetAccountInfo,
  handleGetMarketTrades,
  handlePlaceOrder,
  handleCancelOrder,
  handlePlaceBatchOrders,
  mockOperations,
} from '../../src/http/index.js';
import { BASE, DOCS_SIGNATURE, DOCS_TIME, send, validRequest } from './support.js';

const clock = () => DOCS_TIME;
const handlers = createHttpHandlers({ clock });
const server = setupServer(...handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
// Some tests replace the handlers themselves (resetHandlers(...) with other options): each test
// after them starts from these again, whatever the order the tests run in.
afterEach(() => server.resetHandlers(...handlers));
afterAll(() => server.close());

const info = validRequest('getAccountInfo');
const order = validRequest('placeOrder');

describe('requests the exchange accepts', () => {
  it('ignores an unknown body field', async () => {
    const { body } = await send({ ...order, body: { ...(order.body as object), comment: 'extra' } });
    expect(body.code).toBe(0);
    expect(isPlaceOrderResponse(body)).toBe(true);
  });

  it('caps n=1000 on trades at the documented maximum', async () => {
    let seen: unknown;
    server.use(
      handleGetMarketTrades({
        response: (request) => {
          seen = request.params.n;
          return mockOperations.getMarketTrades.example;
        },
      }),
    );
    const { body } = await send({ ...validRequest('getMarketTrades'), query: { symbol: 'BTC/USDT', n: '1000' } });
    expect(isGetMarketTradesResponse(body)).toBe(true);
    expect(seen).toBe(100);
  });

  it('coerces string values in the body ("time" as a string)', async () => {
    let seen: unknown;
    server.use(
      handlePlaceOrder(
        { response: (request) => ((seen = request.body.time), mockOperations.placeOrder.example) },
        { clock },
      ),
    );
    const { body } = await send({ ...order, body: { ...(order.body as object), time: String(DOCS_TIME) } });
    expect(body.code).toBe(0);
    expect(seen).toBe(DOCS_TIME);
  });
});

describe('requests the exchange refuses', () => {
  it('answers an invalid price with INVALID_PRICE and HTTP 200', async () => {
    const { status, body } = await send({ ...order, body: { ...(order.body as object), orderPrice: 'abc' } });
    expect(status).toBe(200);
    expect(body).toMatchObject({ code: 300001, reason: 'INVALID_PRICE' });
    expect(isPlaceOrderResponse(body)).toBe(true);
  });

  it('answers a missing required query parameter with INVALID_REQUEST_DATA', async () => {
    const { body } = await send({ ...validRequest('getMarketTrades'), query: {} });
    expect(body).toMatchObject({ code: 100004, reason: 'INVALID_REQUEST_DATA' });
  });

  it('answers a body that is not JSON with INVALID_JSON_FORMAT', async () => {
    const { body } = await send({ ...order, body: undefined });
    expect(body).toMatchObject({ code: 150001, reason: 'INVALID_JSON_FORMAT' });
  });
});

describe('signatures', () => {
  it("accepts the docs' sample signature at its time", async () => {
    const { body } = await send(info, { signature: DOCS_SIGNATURE });
    expect(isGetAccountInfoSuccess(body)).toBe(true);
  });

  it('accepts a timestamp 30 s off and signs {accountCategory} like the URL', async () => {
    expect((await send(info, { timestamp: DOCS_TIME - 30_000 })).body.code).toBe(0);
    const snapshot = validRequest('getBalanceSnapshot');
    expect(snapshot.prehash).toBe('data/v1/cash/balance/snapshot');
    expect((await send(snapshot)).body.code).toBeUndefined(); // payload `body`: no envelope
  });

  it.each([
    ['missing', { signed: false }, 100009, 'AUTHORIZATION_NEEDED'],
    ['no signature header', { signature: null }, 100009, 'AUTHORIZATION_NEEDED'],
    ['malformed', { signature: 'not-base64!' }, 200001, 'AUTHENTICATION_FAILED'],
    ['stale', { timestamp: DOCS_TIME - 30_001 }, 100011, 'INVALID_TIMESTAMP'],
    ['wrong', { signature: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=' }, 200001, 'AUTHENTICATION_FAILED'],
    ['unknown key', { account: { ...defaultAccount, apiKey: 'unknown-key' } }, 200001, 'AUTHENTICATION_FAILED'],
  ] as const)('answers a %s signature with its envelope', async (_kind, options, code, reason) => {
    const { status, body } = await send(info, options);
    expect(status).toBe(200);
    expect(body).toMatchObject({ code, reason });
    expect(typeof body.message).toBe('string');
    expect(JSON.stringify(body)).not.toContain(defaultAccount.secret);
  });

  it('answers a signature made with another secret as wrong', async () => {
    const { body } = await send(info, { account: { ...defaultAccount, secret: 'another-secret' } });
    expect(body).toMatchObject({ code: 200001 });
  });

  it('accepts anything when signature checking is off, and uses the configured account group', async () => {
    const account = { ...defaultAccount, accountGroup: 9 };
    server.use(...createHttpHandlers({ clock, verifySignatures: false, account }));
    expect((await send(info, { signed: false })).body.code).toBe(0);
    let group: unknown;
    server.use(
      handleCancelOrder(
        { response: (r) => ((group = r.params.accountGroup), mockOperations.cancelOrder.example) },
        { verifySignatures: false, account },
      ),
    );
    const cancel = validRequest('cancelOrder');
    await send({ ...cancel, path: cancel.path.replace(/^\/\d+/, '') }, { signed: false });
    expect(group).toBe(9);
  });
});

describe('answers', () => {
  it('answers an override value', async () => {
    const value: PlaceOrderResponse = {
      code: 0,
      data: {
        ac: 'CASH',
        accountId: 'cshOverride',
        action: 'place-order',
        status: 'Ack',
        info: {
          id: 'override1',
          orderId: 'a16e85b4d9b9aU1234567890override',
          orderType: 'Limit',
          symbol: 'BTC/USDT',
          timestamp: DOCS_TIME,
        },
      },
    };
    server.use(handlePlaceOrder({ response: value }, { clock }));
    const { body } = await send(order);
    expect(body.data.accountId).toBe('cshOverride');
    expect(isPlaceOrderResponse(body)).toBe(true);
  });

  it('gives a resolver the checked request and its account', async () => {
    let request: RestRequest<'placeOrder'> | undefined;
    server.use(handlePlaceOrder({ response: (r) => ((request = r), mockOperations.placeOrder.example) }, { clock }));
    await send(order);
    expect(request?.account?.apiKey).toBe(defaultAccount.apiKey);
    expect(request?.params).toEqual({ accountGroup: defaultAccount.accountGroup, accountCategory: 'cash' });
    expect(request?.body.symbol).toBe('BTC/USDT');
  });

  it('answers the chosen error scenario (INVALID_BALANCE, INVALID_ORDER_ID, the batch error)', async () => {
    server.use(
      handlePlaceOrder({ error: 'INVALID_BALANCE' }, { clock }),
      handleCancelOrder({ error: 'INVALID_ORDER_ID' }, { clock }),
      handlePlaceBatchOrders({ error: 'INVALID_BATCH_ORDER' }, { clock }),
    );
    expect((await send(order)).body).toMatchObject({ code: 300011, reason: 'INVALID_BALANCE' });
    expect((await send(validRequest('cancelOrder'))).body).toMatchObject({ code: 300006 });
    const batch = (await send(validRequest('placeBatchOrders'))).body;
    expect(batch).toMatchObject({ code: 300013, reason: 'INVALID_BATCH_ORDER' });
    expect(batch.info.length).toBe(2);
  });

  it('waits the configured latency on the clock it is given (no answer before it, the answer at it)', async () => {
    const waits: { ms: number; release: () => void }[] = [];
    const wait = (ms: number) => new Promise<void>((release) => waits.push({ ms, release }));
    server.use(handleGetAccountInfo({ latencyMs: 150 }, { clock, wait }));
    let answered = false;
    const first = send(info).then(() => (answered = true));
    await vi.waitFor(() => expect(waits).toHaveLength(1));
    expect(waits[0]!.ms).toBe(150);
    expect(answered).toBe(false);
    waits[0]!.release();
    await first;
    server.resetHandlers(...createHttpHandlers({ clock, latencyMs: 120, wait }));
    const second = send(validRequest('listAssets'));
    await vi.waitFor(() => expect(waits).toHaveLength(2));
    expect(waits[1]!.ms).toBe(120);
    waits[1]!.release();
    expect((await second).body.code).toBe(0);
  });

  it("prefers a backend's answer to the example, and falls back to it when the backend has none", async () => {
    const seen: string[] = [];
    const backend: MockBackend = {
      now: () => DOCS_TIME,
      account: (key) => (key === defaultAccount.apiKey ? defaultAccount : undefined),
      handleRest: (request) => {
        seen.push(request.operationId);
        return request.operationId === 'getAccountInfo'
          ? {
              body: {
                code: 0,
                data: { ...(mockOperations.getAccountInfo.example.data as object), userUID: 'U0000000001' },
              },
            }
          : undefined;
      },
      handleWsRequest: () => undefined,
      subscribe: () => () => {},
    };
    server.use(...createHttpHandlers({ backend }));
    const { body } = await send(info);
    expect(body.data.userUID).toBe('U0000000001');
    expect(isGetAccountInfoSuccess(body)).toBe(true);
    expect((await send(validRequest('listAssets'))).body).toEqual(mockOperations.listAssets.example);
    expect(seen).toEqual(['getAccountInfo', 'listAssets']);
  });

  it('answers paths the spec does not have with 404 and the error envelope', async () => {
    const response = await fetch(`${BASE}/api/pro/v1/no-such-thing`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ code: 100001, reason: 'INVALID_HTTP_INPUT', message: 'no such API path' });
  });

  it('answers any origin with baseUrl "*", and only its origin otherwise', async () => {
    server.resetHandlers(...createHttpHandlers({ clock, baseUrl: '*' }));
    expect((await send(info, { base: 'http://127.0.0.1:4000' })).body.code).toBe(0);
    server.resetHandlers(...createHttpHandlers({ clock, baseUrl: 'http://mock.test/' }));
    expect((await send(info, { base: 'http://mock.test' })).body.code).toBe(0);
    await expect(send(info)).rejects.toThrow();
  });
});
