// Every operation through the client against the mocks: the request on the wire (method, URL with
// group and category, query, body, auth headers) is the one written by hand in expected-requests.ts,
// validates against the operation's strict request schema and its signature verifies; the typed
// result equals the mock's payload.
import { describe, it, expect, beforeAll, afterAll, afterEach } from 'vitest';
import { setupServer } from 'msw/node';
import { createHttpHandlers, defaultAccount, mockOperations } from '@ascendex-toolkit/mocks';
import * as validators from '@ascendex-toolkit/validators';
import { parseJson } from '@ascendex-toolkit/validators';
import { checkRestParams } from '@ascendex-toolkit/validators/exchange';
import { checkSignature } from '@ascendex-toolkit/validators/auth';
import { AscendexClient, operationTable, type OperationId } from '../../src/operations.js';
import { recordRequests } from './wire.js';
import { expectedRequests, GROUP, TIME } from './expected-requests.js';

const server = setupServer(...createHttpHandlers({ clock: () => TIME }));
const wire = recordRequests(server);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const client = new AscendexClient({
  apiKey: defaultAccount.apiKey,
  secret: defaultAccount.secret,
  accountGroup: GROUP,
  retry: false,
  clock: () => TIME,
});

/** The strict guard `is<Op><Part>` of the validators package. */
function guard(operationId: string, part: 'Params' | 'Body'): (value: unknown) => boolean {
  const name = `is${operationId[0]!.toUpperCase()}${operationId.slice(1)}${part}`;
  const fn = (validators as unknown as Record<string, (value: unknown) => boolean>)[name];
  if (!fn) throw new Error(`no ${name}`);
  return fn;
}

/**
 * The mock's default success body, reduced to its payload. exchange-info is the exception: the mock
 * answers it from its clock (TIME), echoing the request time, so that `syncClock()` measures the
 * mock's clock and not the example's date.
 */
function mockPayload(operationId: OperationId): unknown {
  if (operationId === 'getExchangeLatency') {
    const requestTime = expectedRequests.getExchangeLatency.input.requestTime;
    return { requestTimeEcho: requestTime, requestReceiveAt: TIME, latency: TIME - requestTime };
  }
  const mock = mockOperations[operationId];
  const example = mock.example as Record<string, unknown>;
  switch (mock.payload) {
    case 'data':
      return example.data;
    case 'info':
      return example.info;
    case 'body':
      return example;
    default:
      return undefined;
  }
}

describe('every operation through AscendexClient against the mocks', () => {
  it('covers every operation of the table and of the mocks', () => {
    expect(defaultAccount.accountGroup).toBe(GROUP);
    expect(Object.keys(expectedRequests).sort()).toEqual(Object.keys(operationTable).sort());
    expect(Object.keys(mockOperations).sort()).toEqual(Object.keys(operationTable).sort());
  });

  for (const operationId of Object.keys(operationTable) as OperationId[]) {
    it(operationId, async () => {
      const expected = expectedRequests[operationId];
      const input = expected.input as Record<string, unknown>;
      wire.length = 0;
      const result = await (client.request as (id: string, params: unknown) => Promise<unknown>)(operationId, input);
      expect(result).toEqual(mockPayload(operationId));

      expect(wire).toHaveLength(1);
      const sent = wire[0]!;
      expect(sent.method).toBe(expected.method);
      expect(sent.url.origin).toBe('https://ascendex.com');
      expect(decodeURIComponent(sent.url.pathname)).toBe(expected.path);
      const query = Object.fromEntries(sent.url.searchParams);
      expect(query).toEqual(expected.query);

      // Read back as the exchange reads it, the request passes the strict check.
      const category = String(input.accountCategory ?? '');
      const read = checkRestParams(operationId, {
        ...query,
        ...(category ? { accountCategory: category } : {}),
        ...(expected.path.startsWith(`/${GROUP}/`) ? { accountGroup: String(GROUP) } : {}),
      });
      expect(read.ok).toBe(true);
      if (read.ok) expect(guard(operationId, 'Params')(read.value)).toBe(true);

      if (expected.body !== undefined) {
        expect(sent.headers.get('content-type')).toBe('application/json');
        const body = parseJson(await sent.body);
        expect(body).toEqual(expected.body);
        expect(guard(operationId, 'Body')(body)).toBe(true);
      } else {
        expect(await sent.body).toBe('');
      }

      if (expected.prehash !== undefined) {
        expect(sent.headers.get('x-auth-key')).toBe(defaultAccount.apiKey);
        expect(sent.headers.get('x-auth-timestamp')).toBe(String(TIME));
        const problem = await checkSignature({
          secret: defaultAccount.secret,
          timestamp: sent.headers.get('x-auth-timestamp'),
          signature: sent.headers.get('x-auth-signature'),
          prehashes: [expected.prehash],
          now: TIME,
        });
        expect(problem).toBeUndefined();
      } else {
        expect(sent.headers.has('x-auth-key')).toBe(false);
        expect(sent.headers.has('x-auth-signature')).toBe(false);
      }
    });
  }
});
