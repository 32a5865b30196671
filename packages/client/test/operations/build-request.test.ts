// The pure step of the request core, table-tested without I/O: every operation's input becomes the
// request written by hand in expected-requests.ts (method, URL, headers, body, what is signed), and
// what the step refuses it refuses before anything could be sent.
import { describe, it, expect } from 'vitest';
import { AscendexError, ValidationError } from '@ascendex-toolkit/validators';
import { AscendexRequestError } from '../../src/core/errors.js';
import { buildRequest, operationTable, type OperationId } from '../../src/operations.js';
import { expectedRequests, GROUP, TIME } from './expected-requests.js';

const BASE = 'https://ascendex.com';
const KEY = 'test-api-key-0123456789';
const context = { baseUrl: BASE, accountGroup: GROUP, timestamp: TIME, apiKey: KEY };

describe('buildRequest: every operation, against hand-written expectations', () => {
  it('has an expectation for every operation of the table', () => {
    expect(Object.keys(expectedRequests).sort()).toEqual(Object.keys(operationTable).sort());
  });

  for (const id of Object.keys(expectedRequests) as OperationId[]) {
    it(id, () => {
      const expected = expectedRequests[id];
      const { request, prehash } = buildRequest(operationTable[id], expected.input, context);
      const url = new URL(request.url);
      expect(request.method).toBe(expected.method);
      expect(url.origin).toBe(BASE);
      expect(decodeURIComponent(url.pathname)).toBe(expected.path);
      expect(Object.fromEntries(url.searchParams)).toEqual(expected.query);
      expect(request.body === undefined ? undefined : JSON.parse(request.body)).toEqual(expected.body);
      expect(prehash).toBe(expected.prehash);
      expect(request.signed).toBe(expected.prehash !== undefined);
      const auth = expected.prehash === undefined ? {} : { 'x-auth-key': KEY, 'x-auth-timestamp': String(TIME) };
      const json = expected.body === undefined ? {} : { 'content-type': 'application/json' };
      expect(request.headers).toEqual({ accept: 'application/json', ...json, ...auth });
    });
  }
});

describe('buildRequest: the details', () => {
  const refusal = (run: () => unknown): ValidationError => {
    try {
      run();
    } catch (e) {
      expect(e).toBeInstanceOf(AscendexRequestError);
      return (e as AscendexRequestError).detail;
    }
    return expect.fail('not refused');
  };

  const rows: [string, () => void, string][] = [
    [
      'a field the operation does not take',
      () => buildRequest(operationTable.getDepth, { symbol: 'BTC/USDT', depth: 5 }, context),
      '/depth',
    ],
    [
      'accountGroup given by the caller',
      () => buildRequest(operationTable.getCashBalance, { accountGroup: 7 }, context),
      '/accountGroup',
    ],
    ['an input that is not an object', () => buildRequest(operationTable.getDepth, ['BTC/USDT'], context), ''],
    [
      'a number price on a limit order: only the limit shape speaks',
      () =>
        buildRequest(
          operationTable.placeOrder,
          {
            accountCategory: 'cash',
            symbol: 'BTC/USDT',
            orderType: 'limit',
            side: 'buy',
            orderQty: '1',
            orderPrice: 1,
          },
          context,
        ),
      '/orderPrice',
    ],
    [
      'a signed operation without an API key',
      () => buildRequest(operationTable.getCashBalance, {}, { ...context, apiKey: undefined }),
      '',
    ],
  ];
  for (const [what, run, path] of rows)
    it(`refuses ${what}`, () => {
      expect(refusal(run).issues.map((i) => i.path)).toEqual([path]);
    });

  it('sends what it would refuse when validation is off', () => {
    const { request } = buildRequest(
      operationTable.getMarketTrades,
      { symbol: 'BTC/USDT', n: 101 },
      { ...context, validate: false },
    );
    expect(new URL(request.url).searchParams.get('n')).toBe('101');
  });

  it('drops undefined fields, keeps a given time, encodes the category and the query', () => {
    const { request } = buildRequest(
      operationTable.cancelOrder,
      { accountCategory: 'cash', orderId: 'a1', symbol: 'BTC/USDT', id: undefined, time: TIME - 5 },
      context,
    );
    expect(JSON.parse(request.body!)).toEqual({ orderId: 'a1', symbol: 'BTC/USDT', time: TIME - 5 });
    const ticker = buildRequest(operationTable.getTicker, { symbol: 'BTC/USDT,ETH/USDT' }, context).request;
    expect(ticker.url).toBe(`${BASE}/api/pro/v1/spot/ticker?symbol=BTC%2FUSDT%2CETH%2FUSDT`);
  });

  it('needs the account group of a grouped route (the I/O step looks it up first)', () => {
    expect(() => buildRequest(operationTable.getCashBalance, {}, { ...context, accountGroup: undefined })).toThrow(
      AscendexError,
    );
  });

  it('is pure: the same input gives the same request, and the input is not modified', () => {
    const input = { accountCategory: 'cash' as const, orders: [{ orderId: 'a1', symbol: 'BTC/USDT' }] };
    const copy = structuredClone(input);
    const first = buildRequest(operationTable.cancelBatchOrders, input, context);
    expect(buildRequest(operationTable.cancelBatchOrders, input, context)).toEqual(first);
    expect(input).toEqual(copy);
  });
});
