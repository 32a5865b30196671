// Secrets hygiene: drives every error path of the client (the exchange's refusals of each group,
// signing with a wrong secret, network failure, timeout, abort, an answer that fails validation or
// is not JSON, a request that fails validation or the pre-flight check) and looks for the API key,
// the secrets and the signatures sent in each error's message, stack, String(), util.inspect() and
// JSON.stringify(). Every other test file is watched by test/support/leak-recorder.ts; the last
// test proves that watcher fails a file that leaks.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import {
  createHttpHandlers,
  createMockExchange,
  defaultAccount,
  defaultProducts,
  handleGetDepth,
  handleGetTicker,
  handlePlaceBatchOrders,
  handlePlaceOrder,
} from '@ascendex-toolkit/mocks';
import { assertGetCashBalanceResponse, assertPlaceOrderBody, ValidationError } from '@ascendex-toolkit/validators';
import { parseJson } from '@ascendex-toolkit/validators/json';
import { send, type HttpRequest } from '../../src/core/transport.js';
import type { AscendexError } from '@ascendex-toolkit/validators';
import { AscendexApiError, AscendexRequestError, AscendexResponseError } from '../../src/core/errors.js';
import { preflightOrder, serverOrderId } from '../../src/errors-and-helpers.js';
import { findLeaks, textsOf, type Credential } from '../support/leaks.js';
import { call, sentSignatures } from './http.js';

const WRONG_SECRET = 'wrong-secret-0123456789abcdefghijklmnopqrstuvwxyz';
const errors: { path: string; error: unknown }[] = [];

/** Runs one error path and keeps what it threw (it must throw a toolkit error). */
async function collect(path: string, run: () => unknown): Promise<void> {
  const error = await (async () => run())().then(
    () => expect.fail(`${path}: did not throw`),
    (e: unknown) => e,
  );
  errors.push({ path, error });
}

function credentials(): Credential[] {
  return [
    { kind: 'API key', value: defaultAccount.apiKey },
    { kind: 'secret', value: defaultAccount.secret },
    { kind: 'secret', value: WRONG_SECRET },
    ...sentSignatures.map((value) => ({ kind: 'signature' as const, value })),
  ];
}

/** A signed request as the request core sends it (credentials in the headers). */
const signedRequest: HttpRequest = {
  operationId: 'getCashBalance',
  method: 'GET',
  url: 'https://ascendex.com/6/api/pro/v1/cash/balance',
  headers: {
    'x-auth-key': defaultAccount.apiKey,
    'x-auth-timestamp': '1700000000000',
    'x-auth-signature': 'c2lnbmF0dXJlLW9mLXRoZS1yZXF1ZXN0LTAxMjM0NTY3OA==',
  },
};
const transport = { timeoutMs: 1000, retry: false as const };

describe('no credential in any error of the client', () => {
  const server = setupServer(...createHttpHandlers({ backend: createMockExchange({ seed: 5 }) }));
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  it("the exchange's refusals of each group, over HTTP with signed requests", async () => {
    const order = {
      symbol: 'BTC/USDT',
      time: Date.now(),
      orderQty: '1',
      orderPrice: '43000',
      orderType: 'limit',
      side: 'buy',
    };
    server.use(handleGetDepth({ error: 'INVALID_REQUEST_DATA' }));
    await collect('GeneralError', () => call('getDepth', { query: { symbol: 'BTC/USDT' } }));
    await collect('AuthError (wrong secret)', () =>
      call('getCashBalance', { account: { ...defaultAccount, secret: WRONG_SECRET } }),
    );
    server.use(handlePlaceOrder({ error: 'INVALID_BALANCE' }));
    await collect('OrderError', () => call('placeOrder', { body: order }));
    server.use(handlePlaceBatchOrders({ error: 'INVALID_BATCH_ORDER' }));
    await collect('OrderError (batch)', () => call('placeBatchOrders', { body: { orders: [order] } }));
    server.resetHandlers();
    await collect('MarginError', () =>
      call('placeOrder', { accountCategory: 'margin', body: { ...order, symbol: 'ASD/USDT', orderPrice: '0.05' } }),
    );
    for (const [code, reason] of [
      [150001, 'INVALID_JSON_FORMAT'],
      [510001, 'SERVER_ERROR'],
      [900001, 'HUMAN_CHALLENGE'],
    ] as const) {
      server.use(handleGetTicker({ response: { code, reason, message: 'told to' } }));
      await collect(reason, () => call('getTicker', { query: { symbol: 'BTC/USDT' } }));
    }
    expect(errors.every((e) => e.error instanceof AscendexApiError)).toBe(true);
    expect(sentSignatures.length).toBeGreaterThanOrEqual(4);
  });

  it('network failures, timeouts and aborts of a signed request', async () => {
    const failing = (error: Error) => (async () => Promise.reject(error)) as unknown as typeof fetch;
    await collect('network', () =>
      send(signedRequest, {
        ...transport,
        fetch: failing(new TypeError('fetch failed', { cause: new Error('ECONNRESET') })),
      }),
    );
    // undici quotes an invalid header value in its error, e.g. an API key read with a stray control character.
    await collect('network (invalid header value)', () =>
      send(
        { ...signedRequest, headers: { ...signedRequest.headers, 'x-auth-key': `${defaultAccount.apiKey}\n\0` } },
        { ...transport, fetch },
      ),
    );
    const hanging = ((_url: string, init: RequestInit) =>
      new Promise((_resolve, reject) =>
        init.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
      )) as typeof fetch;
    await collect('timeout', () => send(signedRequest, { ...transport, timeoutMs: 5, fetch: hanging }));
    await collect('abort', () => send(signedRequest, { ...transport, fetch: hanging, signal: AbortSignal.abort() }));
  });

  it('answers that fail validation or are not JSON; requests that fail validation or the pre-flight check', async () => {
    const answer = { code: 0, data: [{ asset: 'BTC', totalBalance: 1.5, note: defaultAccount.apiKey }] };
    await collect('response validation', () => {
      try {
        assertGetCashBalanceResponse(answer);
      } catch (e) {
        throw new AscendexResponseError('getCashBalance', 200, e as ValidationError);
      }
    });
    await collect('response not JSON', () => {
      try {
        parseJson(`{"code":0,"key":"${defaultAccount.apiKey}"`);
      } catch (e) {
        throw new AscendexResponseError('getCashBalance', 200, e as AscendexError);
      }
    });
    await collect('request validation', () => {
      try {
        assertPlaceOrderBody({ symbol: 'BTC/USDT', orderQty: 1 });
      } catch (e) {
        throw new AscendexRequestError('placeOrder', e as ValidationError);
      }
    });
    const product = defaultProducts.find((p) => p.symbol === 'BTC/USDT')!;
    await collect('pre-flight check', () =>
      preflightOrder({ symbol: 'BTC/USDT', orderQty: '1', orderPrice: '0.001' }, product),
    );
    await collect('server order id', () => serverOrderId({ id: 'short', time: 1 }, 'U1234567890'));
  });

  it('none of the errors above shows a credential in its message, stack, String, inspect or JSON', () => {
    expect(errors.length).toBeGreaterThanOrEqual(17);
    const leaks = findLeaks(
      errors.flatMap(({ path, error }) => textsOf(path, error)),
      credentials(),
    );
    expect(leaks).toEqual([]);
    // What is left of a redacted message still says what went wrong.
    const invalidHeader = errors.find((e) => e.path === 'network (invalid header value)')!.error as Error;
    expect(invalidHeader.message).toMatch(/getCashBalance: network failure: .*\[header value\].* invalid header value/);
  });

  it('the check finds a credential where one is', () => {
    const probe = new AscendexResponseError(
      'getCashBalance',
      200,
      new ValidationError('GetCashBalanceResponse', [
        { path: '/data', message: `echoes ${defaultAccount.secret}`, keyword: 'x' },
      ]),
    );
    expect(findLeaks(textsOf('probe', probe), credentials())).toEqual([
      'probe message: contains a secret',
      'probe stack: contains a secret',
      'probe String(): contains a secret',
      'probe util.inspect: contains a secret',
      'probe JSON.stringify: contains a secret',
    ]);
  });

  it('the recorder of every test file fails a file whose log or errors hold a secret', () => {
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
    const vitest = path.join(root, 'node_modules/vitest/vitest.mjs');
    const run = () =>
      execFileSync(process.execPath, [vitest, 'run', '--config', 'test/support/probe/vitest.probe.config.ts'], {
        cwd: root,
        encoding: 'utf8',
        stdio: 'pipe',
        env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
      });
    const failure = (() => {
      try {
        run();
      } catch (e) {
        return e as { status: number; stdout: string; stderr: string };
      }
      return expect.fail('the leaking probe file passed');
    })();
    expect(failure.status).toBe(1);
    const output = failure.stdout + failure.stderr;
    // The log line, and the errors given to expect(), caught by toThrow() and rejected into .rejects.
    expect(output).toContain('console.warn: contains a secret');
    for (const n of [1, 2, 3])
      expect(output).toContain(`error #${n} (AscendexNetworkError) util.inspect: contains a secret`);
  }, 60_000);
});
