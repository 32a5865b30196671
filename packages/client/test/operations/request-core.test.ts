// The request core's behaviour through the client's public methods: strict refusal before sending,
// order times from the clock, one shared account-group discovery, response validation on and off,
// exact int64, error envelopes, singleOrList results, the clock offset and what a client reveals.
import { describe, it, expect, expectTypeOf, beforeAll, afterAll, afterEach } from 'vitest';
import { inspect } from 'node:util';
import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import {
  createHttpHandlers,
  defaultAccount,
  handleGetTicker,
  handleGetOrderStatus,
  mockOperations,
} from '@ascendex-toolkit/mocks';
import { AscendexError, JsonParseError, ValidationError, parseJson, stringifyJson } from '@ascendex-toolkit/validators';
import type { OrderDetail, Ticker } from '@ascendex-toolkit/types';
import {
  AscendexApiError,
  AscendexHttpError,
  AscendexRateLimitError,
  AscendexRequestError,
  AscendexResponseError,
  AscendexUnavailableError,
} from '../../src/core/errors.js';
import { AscendexClient, ClientCore, getDepth, getTicker } from '../../src/operations.js';
import { recordRequests } from './wire.js';

const T = 1_700_000_000_000;
const server = setupServer(...createHttpHandlers({ clock: () => T }));
const wire = recordRequests(server);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  wire.length = 0;
});
afterAll(() => server.close());

const signed = (extra: Partial<ConstructorParameters<typeof AscendexClient>[0]> = {}) =>
  new AscendexClient({
    apiKey: defaultAccount.apiKey,
    secret: defaultAccount.secret,
    accountGroup: 6,
    clock: () => T,
    retry: false,
    ...extra,
  });

describe('strict request validation', () => {
  const client = signed();
  const refusals: [string, () => Promise<unknown>][] = [
    ['an unknown query field', () => client.getDepth({ symbol: 'BTC/USDT', depth: 5 } as never)],
    ['an out-of-range query value (n above the cap)', () => client.getMarketTrades({ symbol: 'BTC/USDT', n: 101 })],
    ['a missing required field', () => client.getDepth({} as never)],
    [
      'an unknown body field',
      () => client.cancelOrder({ accountCategory: 'cash', orderId: 'x', symbol: 'BTC/USDT', force: true } as never),
    ],
    [
      'a number where a decimal string belongs',
      () =>
        client.placeOrder({
          accountCategory: 'cash',
          symbol: 'BTC/USDT',
          orderType: 'market',
          side: 'buy',
          orderQty: 1,
        } as never),
    ],
    ['an unknown account category', () => client.listOpenOrders({ accountCategory: 'futures' } as never)],
    ['accountGroup in the call (the client sets it)', () => client.getCashBalance({ accountGroup: 7 } as never)],
  ];
  for (const [what, attempt] of refusals) {
    it(`refuses ${what} before sending anything`, async () => {
      const error = await attempt().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AscendexRequestError);
      expect(error).toBeInstanceOf(AscendexError);
      expect((error as AscendexRequestError).detail).toBeInstanceOf(ValidationError);
      expect(wire).toHaveLength(0);
    });
  }

  it('refuses a signed call without credentials, before sending', async () => {
    const error = await new AscendexClient({ accountGroup: 6 }).getCashBalance().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AscendexRequestError);
    expect((error as Error).message).toMatch(/apiKey and secret/);
    expect(wire).toHaveLength(0);
  });

  it('sends what it would refuse when validation is off', async () => {
    const client = new AscendexClient({ validate: false, retry: false });
    await client.getMarketTrades({ symbol: 'ASD/USDT', n: 101 });
    expect(wire[0]!.url.searchParams.get('n')).toBe('101');
  });
});

describe('order times', () => {
  it('fills time from the clock when absent and keeps a given one', async () => {
    const client = signed();
    await client.placeOrder({
      accountCategory: 'cash',
      symbol: 'BTC/USDT',
      orderType: 'market',
      side: 'buy',
      orderQty: '0.1',
    });
    await client.cancelOrder({ accountCategory: 'cash', orderId: 'a1', symbol: 'BTC/USDT', time: T - 5 });
    await client.placeBatchOrders({
      accountCategory: 'cash',
      orders: [
        { symbol: 'BTC/USDT', orderType: 'market', side: 'buy', orderQty: '0.1' },
        { symbol: 'BTC/USDT', orderType: 'market', side: 'sell', orderQty: '0.1', time: T - 7 },
      ],
    });
    const bodies = await Promise.all(wire.map(async (w) => parseJson(await w.body) as Record<string, unknown>));
    expect(bodies[0]!.time).toBe(T);
    expect(bodies[1]!.time).toBe(T - 5);
    expect((bodies[2]!.orders as { time: number }[]).map((o) => o.time)).toEqual([T, T - 7]);
  });
});

describe('account group', () => {
  it('is discovered once through getAccountInfo, shared by concurrent first calls, then cached', async () => {
    const client = signed({ accountGroup: undefined });
    expect(client.accountGroup).toBeUndefined();
    await Promise.all([
      client.getCashBalance(),
      client.getMarginBalance(),
      client.listOpenOrders({ accountCategory: 'cash' }),
    ]);
    await client.getMarginRisk();
    const discoveries = wire.filter((w) => w.url.pathname === '/api/pro/v1/info');
    expect(discoveries).toHaveLength(1);
    const group = (mockOperations.getAccountInfo.example as { data: { accountGroup: number } }).data.accountGroup;
    expect(client.accountGroup).toBe(group);
    // Concurrent calls reach the wire in any order.
    const grouped = wire
      .filter((w) => w.url.pathname !== '/api/pro/v1/info')
      .map((w) => w.url.pathname)
      .sort();
    expect(grouped).toEqual(
      [
        `/${group}/api/pro/v1/cash/balance`,
        `/${group}/api/pro/v1/margin/balance`,
        `/${group}/api/pro/v1/cash/order/open`,
        `/${group}/api/pro/v1/margin/risk`,
      ].sort(),
    );
  });

  it('is not discovered when given, and a failed discovery is retried by the next call', async () => {
    await signed().getCashBalance();
    expect(wire.map((w) => w.url.pathname)).toEqual(['/6/api/pro/v1/cash/balance']);
    wire.length = 0;
    const client = signed({ accountGroup: undefined });
    server.use(
      http.get(
        'https://ascendex.com/api/pro/v1/info',
        () => HttpResponse.json({ code: 200001, reason: 'AUTHENTICATION_FAILED', message: 'no' }),
        { once: true },
      ),
    );
    await expect(client.getCashBalance()).rejects.toMatchObject({ code: 200001, operationId: 'getAccountInfo' });
    await client.getCashBalance();
    expect(wire.filter((w) => w.url.pathname === '/api/pro/v1/info')).toHaveLength(2);
  });
});

describe('answers', () => {
  const depthUrl = 'https://ascendex.com/api/pro/v1/depth';
  const invalidDepth = { code: 0, data: { m: 'depth-snapshot', symbol: 'ASD/USDT', data: { asks: 'none' } } };

  it('refuses an answer that is not the response schema (validation on by default)', async () => {
    server.use(http.get(depthUrl, () => HttpResponse.json(invalidDepth)));
    const error = await new AscendexClient().getDepth({ symbol: 'ASD/USDT' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AscendexResponseError);
    expect(error).toMatchObject({ operationId: 'getDepth', status: 200 });
    expect((error as AscendexResponseError).detail).toBeInstanceOf(ValidationError);
  });

  it("names the success shape's fields only (not the error envelope's /code), an integer above 2^53 as such", async () => {
    const text =
      '{"code":0,"data":{"m":"depth-snapshot","symbol":"ASD/USDT","data":' +
      '{"seqnum":5068757,"ts":12345678901234567890,"asks":"none","bids":[]}}}';
    server.use(http.get(depthUrl, () => new HttpResponse(text, { headers: { 'content-type': 'application/json' } })));
    const error = await new AscendexClient().getDepth({ symbol: 'ASD/USDT' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AscendexResponseError);
    expect(((error as AscendexResponseError).detail as ValidationError).issues).toEqual([
      {
        path: '/data/data/ts',
        keyword: 'type',
        message:
          'must be an integer within ±(2^53 − 1); got 12345678901234567890, which only sequence numbers (int64) may exceed',
      },
      { path: '/data/data/asks', keyword: 'type', message: 'must be array' },
    ]);
  });

  it('refuses a sequence number written with a fraction beyond 2^53 rather than rounding it', async () => {
    const text =
      '{"code":0,"data":{"m":"depth-snapshot","symbol":"ASD/USDT","data":' +
      '{"seqnum":9007199254740993.0,"ts":1573165838976,"asks":[],"bids":[]}}}';
    server.use(http.get(depthUrl, () => new HttpResponse(text, { headers: { 'content-type': 'application/json' } })));
    const error = await new AscendexClient().getDepth({ symbol: 'ASD/USDT' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AscendexResponseError);
    const issues = ((error as AscendexResponseError).detail as ValidationError).issues;
    expect(issues.map((i) => i.path)).toEqual(['/data/data/seqnum']);
    expect(issues[0]!.message).toMatch(/^must be an exact int64/);
  });

  it('returns it as it is with validation off', async () => {
    server.use(http.get(depthUrl, () => HttpResponse.json(invalidDepth)));
    expect(await new AscendexClient({ validate: false }).getDepth({ symbol: 'ASD/USDT' })).toEqual(invalidDepth.data);
  });

  it('refuses text that is not JSON', async () => {
    server.use(http.get(depthUrl, () => new HttpResponse('<html>', { status: 200 })));
    const error = await new AscendexClient({ retry: false }).getDepth({ symbol: 'ASD/USDT' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AscendexResponseError);
    expect(error).toMatchObject({ status: 200 });
    expect((error as AscendexResponseError).detail).toBeInstanceOf(JsonParseError);
  });

  it('calls an HTTP error status without the envelope by its class: rate limit, outage, other', async () => {
    const client = new AscendexClient({ retry: false });
    const cases = [
      [429, 'text/plain', AscendexRateLimitError],
      [502, 'text/html', AscendexUnavailableError],
      [404, 'application/json', AscendexHttpError],
    ] as const;
    for (const [status, type, ErrorClass] of cases) {
      server.use(
        http.get(
          depthUrl,
          () =>
            new HttpResponse(type === 'application/json' ? '{"error":"no route"}' : 'busy', {
              status,
              headers: { 'content-type': type, 'retry-after': '7', 'x-request-id': `r-${status}` },
            }),
          { once: true },
        ),
      );
      const error = await client.getDepth({ symbol: 'ASD/USDT' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ErrorClass);
      expect(error).toMatchObject({
        status,
        method: 'GET',
        url: depthUrl,
        retryAfterMs: 7000,
        requestId: `r-${status}`,
      });
      expect((error as AscendexHttpError).headers.get('content-type')).toBe(type);
    }
  });

  it('throws the API error of a non-zero code answered with HTTP 200, with the headers and request id', async () => {
    server.use(
      http.post('https://ascendex.com/6/api/pro/v1/cash/order', () =>
        HttpResponse.json(
          {
            code: 300011,
            reason: 'INVALID_BALANCE',
            message: 'Not Enough Account Balance',
            info: { symbol: 'BTC/USDT' },
          },
          { headers: { 'x-request-id': 'req-42' } },
        ),
      ),
    );
    const refused = await signed()
      .placeOrder({ accountCategory: 'cash', symbol: 'BTC/USDT', orderType: 'market', side: 'buy', orderQty: '1' })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AscendexApiError);
    expect(refused).toMatchObject({
      code: 300011,
      reason: 'INVALID_BALANCE',
      status: 200,
      operationId: 'placeOrder',
      requestId: 'req-42',
    });
    expect((refused as AscendexApiError).headers?.get('x-request-id')).toBe('req-42');
  });

  it('keeps integers above 2^53 exact', async () => {
    const example = structuredClone(mockOperations.listHistoryOrdersV2.example) as {
      data: { seqNum: number | bigint }[];
    };
    example.data[0]!.seqNum = 9007199254740993n;
    server.use(
      http.get(
        'https://ascendex.com/api/pro/data/v2/order/hist',
        () => new HttpResponse(stringifyJson(example), { headers: { 'content-type': 'application/json' } }),
      ),
    );
    const orders = await signed().listHistoryOrdersV2({ account: 'cash' });
    expect(orders[0]!.seqNum).toBe(9007199254740993n);
  });

  it('extracts the payload by its kind: none gives undefined, body the whole body', async () => {
    const client = signed();
    expect(
      await client.transferBalance({ amount: '1', asset: 'USDT', fromAccount: 'cash', toAccount: 'margin' }),
    ).toBeUndefined();
    const snapshot = await client.getBalanceSnapshot({ accountCategory: 'cash', date: '2021-03-31' });
    expect(snapshot).toEqual(mockOperations.getBalanceSnapshot.example);
  });
});

describe('singleOrList', () => {
  const ticker = (symbol: string): Ticker => ({
    ...(mockOperations.getTicker.example as unknown as { data: Ticker }).data,
    symbol,
  });

  it('gives one object for one symbol and an array for a list, typed by the input', async () => {
    server.use(
      handleGetTicker({
        response: ({ params }) => {
          const symbol = params.symbol;
          return symbol && !symbol.includes(',')
            ? { code: 0, data: ticker(symbol) }
            : { code: 0, data: (symbol ?? 'BTC/USDT,ETH/USDT').split(',').filter(Boolean).map(ticker) };
        },
      }),
    );
    const client = new AscendexClient();
    const one = await client.getTicker({ symbol: 'ASD/USDT' });
    expectTypeOf(one).toEqualTypeOf<Ticker>();
    expect(one.symbol).toBe('ASD/USDT');
    const list = await client.getTicker({ symbol: 'ASD/USDT,BTC/USDT' });
    expectTypeOf(list).toEqualTypeOf<Ticker[]>();
    expect(list.map((t) => t.symbol)).toEqual(['ASD/USDT', 'BTC/USDT']);
    const forced = await getTicker(client, { symbol: 'ASD/USDT,' });
    expectTypeOf(forced).toEqualTypeOf<Ticker[]>();
    expect(forced.map((t) => t.symbol)).toEqual(['ASD/USDT']);
    const symbol: string = 'ASD/USDT';
    expectTypeOf(await client.getTicker({ symbol })).toEqualTypeOf<Ticker | Ticker[]>();
  });

  it('does the same for order status', async () => {
    const order = (mockOperations.getOrderStatus.example as { data: OrderDetail[] }).data[0]!;
    server.use(
      handleGetOrderStatus(
        {
          response: ({ params }) => {
            const ids = params.orderId ?? '';
            const orders = ids
              .split(',')
              .filter(Boolean)
              .map((orderId) => ({ ...order, orderId }));
            return {
              code: 0,
              accountCategory: 'CASH',
              accountId: defaultAccount.cashAccountId,
              data: ids.includes(',') ? orders : orders[0]!,
            };
          },
        },
        { clock: () => T },
      ),
    );
    const client = signed();
    const one = await client.getOrderStatus({ accountCategory: 'cash', orderId: 'a1' });
    expectTypeOf(one).toEqualTypeOf<OrderDetail>();
    expect(one.orderId).toBe('a1');
    const two = await client.getOrderStatus({ accountCategory: 'cash', orderId: 'a1,a2' });
    expectTypeOf(two).toEqualTypeOf<OrderDetail[]>();
    expect(two.map((o) => o.orderId)).toEqual(['a1', 'a2']);
  });
});

describe('standalone functions', () => {
  it('run on a bare ClientCore, the same as the method', async () => {
    const core = new ClientCore();
    expect(await getDepth(core, { symbol: 'ASD/USDT' })).toEqual(
      await new AscendexClient().getDepth({ symbol: 'ASD/USDT' }),
    );
  });

  it('refuse something that is not a client with a toolkit error', async () => {
    await expect(getDepth({} as ClientCore, { symbol: 'ASD/USDT' })).rejects.toBeInstanceOf(AscendexError);
  });
});

describe('clock offset', () => {
  it('is measured against getExchangeLatency and applied to signatures and order times', async () => {
    const serverTime = (mockOperations.getExchangeLatency.example as { data: { requestReceiveAt: number } }).data
      .requestReceiveAt;
    const local = serverTime - 45_000; // 45 s behind: signatures would be refused
    server.use(...createHttpHandlers({ clock: () => serverTime }));
    const client = signed({ clock: () => local });
    await expect(client.getCashBalance()).rejects.toMatchObject({ reason: 'INVALID_TIMESTAMP' });
    expect(await client.syncClock()).toBe(45_000);
    expect(client.clockOffsetMs).toBe(45_000);
    wire.length = 0;
    await client.getCashBalance();
    await client.cancelAllOrders({ accountCategory: 'cash' });
    expect(wire.map((w) => w.headers.get('x-auth-timestamp'))).toEqual([String(serverTime), String(serverTime)]);
    expect((parseJson(await wire[1]!.body) as { time: number }).time).toBe(serverTime);
  });
});

describe('what a client reveals', () => {
  it('shows neither the API key nor the secret when inspected or serialised', () => {
    const client = signed();
    const shown = [
      inspect(client, { showHidden: true, depth: 10 }),
      JSON.stringify(client),
      String(client),
      Object.keys(client).join(),
    ];
    for (const text of shown) {
      expect(text).not.toContain(defaultAccount.apiKey);
      expect(text).not.toContain(defaultAccount.secret);
    }
    expect(JSON.parse(JSON.stringify(client))).toEqual({
      baseUrl: 'https://ascendex.com',
      accountGroup: 6,
      signed: true,
    });
    expect(Object.values(client)).toEqual([]);
  });
});
