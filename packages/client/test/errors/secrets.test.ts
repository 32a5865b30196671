// Secrets hygiene: drives every error path of the client (the exchange's refusals of each group,
// signing with a wrong secret, network failure, timeout, abort, an answer that fails validation or
// is not JSON, a request that fails validation or the pre-flight check) and looks for the API key,
// the secrets and the signatures sent in each error's message, stack, String(), util.inspect() and
// JSON.stringify(). Each test checks the errors it made itself, so any one of them runs alone. Every
// other test file is watched by test/support/leak-recorder.ts; the last test proves that watcher
// fails a file that leaks.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
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
import { AscendexClient } from '../../src/operations.js';
import { findLeaks, textsOf, type Credential } from '../support/leaks.js';
import { call, sentSignatures } from './http.js';

const WRONG_SECRET = 'wrong-secret-0123456789abcdefghijklmnopqrstuvwxyz';

/** One error path and what it threw. */
interface Collected {
  readonly path: string;
  readonly error: unknown;
}

/** Runs one error path and returns what it threw (it must throw). */
async function collect(path: string, run: () => unknown): Promise<Collected> {
  const error = await (async () => run())().then(
    () => expect.fail(`${path}: did not throw`),
    (e: unknown) => e,
  );
  return { path, error };
}

function credentials(): Credential[] {
  return [
    { kind: 'API key', value: defaultAccount.apiKey },
    { kind: 'secret', value: defaultAccount.secret },
    { kind: 'secret', value: WRONG_SECRET },
    ...sentSignatures.map((value) => ({ kind: 'signature' as const, value })),
  ];
}

/** No credential in any text of the errors (message, stack, String, inspect, JSON). */
function expectNoLeaks(errors: readonly Collected[], more: Credential[] = []): void {
  const leaks = findLeaks(
    errors.flatMap(({ path, error }) => textsOf(path, error)),
    [...credentials(), ...more],
  );
  expect(leaks).toEqual([]);
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
  beforeEach(() => {
    sentSignatures.length = 0;
  });
  afterEach(() => server.resetHandlers());
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
    const errors: Collected[] = [];
    server.use(handleGetDepth({ error: 'INVALID_REQUEST_DATA' }));
    errors.push(await collect('GeneralError', () => call('getDepth', { query: { symbol: 'BTC/USDT' } })));
    errors.push(
      await collect('AuthError (wrong secret)', () =>
        call('getCashBalance', { account: { ...defaultAccount, secret: WRONG_SECRET } }),
      ),
    );
    server.use(handlePlaceOrder({ error: 'INVALID_BALANCE' }));
    errors.push(await collect('OrderError', () => call('placeOrder', { body: order })));
    server.use(handlePlaceBatchOrders({ error: 'INVALID_BATCH_ORDER' }));
    errors.push(await collect('OrderError (batch)', () => call('placeBatchOrders', { body: { orders: [order] } })));
    server.resetHandlers();
    errors.push(
      await collect('MarginError', () =>
        call('placeOrder', { accountCategory: 'margin', body: { ...order, symbol: 'ASD/USDT', orderPrice: '0.05' } }),
      ),
    );
    for (const [code, reason] of [
      [150001, 'INVALID_JSON_FORMAT'],
      [510001, 'SERVER_ERROR'],
      [900001, 'HUMAN_CHALLENGE'],
    ] as const) {
      server.use(handleGetTicker({ response: { code, reason, message: 'told to' } }));
      errors.push(await collect(reason, () => call('getTicker', { query: { symbol: 'BTC/USDT' } })));
    }
    expect(errors).toHaveLength(8);
    expect(errors.every((e) => e.error instanceof AscendexApiError)).toBe(true);
    expect(sentSignatures).toHaveLength(4);
    expectNoLeaks(errors);
  });

  it("the client's errors when the server echoes the key and the signature it was sent", async () => {
    const client = new AscendexClient({
      apiKey: defaultAccount.apiKey,
      secret: defaultAccount.secret,
      accountGroup: defaultAccount.accountGroup,
      retry: false,
    });
    const signatures: string[] = [];
    const url = `https://ascendex.com/${defaultAccount.accountGroup}/api/pro/v1/cash/balance`;
    /** Answers with `answer(key, signature)` built from the request's own auth headers. */
    const echo = (answer: (key: string, signature: string) => Response) =>
      server.use(
        http.get(url, ({ request }) => {
          const signature = request.headers.get('x-auth-signature') ?? '';
          signatures.push(signature);
          return answer(request.headers.get('x-auth-key') ?? '', signature);
        }),
      );
    const errors: Collected[] = [];
    echo((key, signature) =>
      HttpResponse.json(
        {
          code: 200001,
          reason: 'AUTHENTICATION_FAILED',
          message: `key ${key} with signature ${signature} and secret ${defaultAccount.secret}`,
          info: { echo: [key, signature], [key]: encodeURIComponent(signature) },
        },
        { headers: { 'x-echo': `${key} ${signature}`, 'x-request-id': `req-${key}` } },
      ),
    );
    errors.push(await collect('API error echoing', () => client.getCashBalance()));
    echo(
      (key, signature) =>
        new HttpResponse(`<html>502 for ${key} ${signature}</html>`, {
          status: 502,
          headers: { 'content-type': 'text/html', 'x-echo': signature },
        }),
    );
    errors.push(await collect('HTML 502 echoing', () => client.getCashBalance()));
    echo((key) => HttpResponse.json({ code: 0, data: [{ asset: key, totalBalance: 1 }], [key]: key }));
    errors.push(await collect('invalid answer echoing', () => client.getCashBalance()));
    echo((key, signature) => new HttpResponse(`{"code":0,"data":"${key}","s":"${signature}`));
    errors.push(await collect('broken JSON echoing', () => client.getCashBalance()));

    expect(errors.map((e) => (e.error as Error).name)).toEqual([
      'AuthError',
      'AscendexUnavailableError',
      'AscendexResponseError',
      'AscendexResponseError',
    ]);
    expect(signatures).toHaveLength(4);
    expectNoLeaks(
      errors,
      signatures.map((value) => ({ kind: 'signature', value })),
    );
    // What is left still says what happened and where the credentials were.
    const refusal = errors[0]!.error as AscendexApiError;
    expect(refusal.message).toBe(
      'getCashBalance: 200001 AUTHENTICATION_FAILED: key [api key] with signature [signature] and secret [secret]',
    );
    expect(refusal.info).toEqual({ echo: ['[api key]', '[signature]'], '[api key]': '[signature]' });
    expect(refusal.headers?.get('x-echo')).toBe('[api key] [signature]');
    expect(refusal.requestId).toBe('req-[api key]');
  });

  it('network failures, timeouts and aborts of a signed request', async () => {
    const failing = (error: Error) => (async () => Promise.reject(error)) as unknown as typeof fetch;
    const errors: Collected[] = [];
    errors.push(
      await collect('network', () =>
        send(signedRequest, {
          ...transport,
          fetch: failing(new TypeError('fetch failed', { cause: new Error(`ECONNRESET ${defaultAccount.apiKey}`) })),
        }),
      ),
    );
    // undici quotes an invalid header value in its error, e.g. an API key read with a stray control character.
    errors.push(
      await collect('network (invalid header value)', () =>
        send(
          { ...signedRequest, headers: { ...signedRequest.headers, 'x-auth-key': `${defaultAccount.apiKey}\n\0` } },
          { ...transport, fetch },
        ),
      ),
    );
    const hanging = ((_url: string, init: RequestInit) =>
      new Promise((_resolve, reject) =>
        init.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
      )) as typeof fetch;
    errors.push(await collect('timeout', () => send(signedRequest, { ...transport, timeoutMs: 5, fetch: hanging })));
    errors.push(
      await collect('abort', () => send(signedRequest, { ...transport, fetch: hanging, signal: AbortSignal.abort() })),
    );
    expectNoLeaks(errors, [{ kind: 'signature', value: signedRequest.headers['x-auth-signature']! }]);
    // What is left of a redacted message still says what went wrong, and where.
    const invalidHeader = errors[1]!.error as Error;
    expect(invalidHeader.message).toMatch(
      /^getCashBalance: GET https:\/\/ascendex.com\/6\/api\/pro\/v1\/cash\/balance network failure: .*\[api key\].* invalid header value/,
    );
    expect(((errors[0]!.error as Error).cause as Error).cause).toMatchObject({ message: 'ECONNRESET [api key]' });
  });

  it('answers that fail validation or are not JSON; requests that fail validation or the pre-flight check', async () => {
    const answer = { code: 0, data: [{ asset: 'BTC', totalBalance: 1.5, note: defaultAccount.apiKey }] };
    const errors: Collected[] = [];
    errors.push(
      await collect('response validation', () => {
        try {
          assertGetCashBalanceResponse(answer);
        } catch (e) {
          throw new AscendexResponseError('getCashBalance', 200, e as ValidationError);
        }
      }),
    );
    errors.push(
      await collect('response not JSON', () => {
        try {
          parseJson(`{"code":0,"key":"${defaultAccount.apiKey}"`);
        } catch (e) {
          throw new AscendexResponseError('getCashBalance', 200, e as AscendexError);
        }
      }),
    );
    errors.push(
      await collect('request validation', () => {
        try {
          assertPlaceOrderBody({ symbol: 'BTC/USDT', orderQty: 1 });
        } catch (e) {
          throw new AscendexRequestError('placeOrder', e as ValidationError);
        }
      }),
    );
    const product = defaultProducts.find((p) => p.symbol === 'BTC/USDT')!;
    errors.push(
      await collect('pre-flight check', () =>
        preflightOrder({ symbol: 'BTC/USDT', orderQty: '1', orderPrice: '0.001' }, product),
      ),
    );
    errors.push(await collect('server order id', () => serverOrderId({ id: 'short', time: 1 }, 'U1234567890')));
    expect(errors).toHaveLength(5);
    expectNoLeaks(errors);
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
