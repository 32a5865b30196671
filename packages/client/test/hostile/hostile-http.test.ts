// The REST client against a hostile or broken HTTP server: a local node:http server scripted per
// case (rate limits, outages, resets, truncated, slow, huge and compressed bodies, HTML pages,
// redirects across and within the origin, loops, aborts in every phase, concurrent calls, answers
// echoing the credentials). Each case asserts the outcome, the requests each server saw, and that
// no key, secret or signature is in the error. Time is fake (ClientOptions.timers): the attempt
// timeout, backoff and Retry-After never fire unless the test fires them, so "abort() ends the wait
// at once" is shown by the order of events at fake time 0, not by a clock.
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AscendexError, ValidationError } from '@ascendex-toolkit/validators';
import {
  AscendexAbortError,
  AscendexClient,
  AscendexHttpError,
  AscendexNetworkError,
  AscendexRateLimitError,
  AscendexRedirectError,
  AscendexResponseError,
  AscendexResponseTooLargeError,
  AscendexTimeoutError,
  AscendexUnavailableError,
  AuthError,
  SystemError,
  type ClientOptions,
} from '../../src/index.js';
import { FakeTimers } from '../support/fake-timers.js';
import { findLeaks, textsOf } from '../support/leaks.js';
import { rememberApiKey } from '../support/leak-recorder.js';
import { hold, json, reset, startServer, stream, text, type ScriptedServer } from './scripted-server.js';

const KEY = 'hostile-api-key-5c1f0b7e2d9a44';
const SECRET = 'hostile-secret-8f3b1a6c4e0d9b2a7f5e';
rememberApiKey(KEY);
const T = 1_700_000_000_000;
/** The attempt timeout: a timer of this delay is the timeout, never a wait. */
const TIMEOUT = 60_000;

const depthOf = (symbol: string) => ({
  code: 0,
  data: { m: 'depth-snapshot', symbol, data: { seqnum: 1, ts: T, asks: [], bids: [] } },
});
const DEPTH = depthOf('ASD/USDT');
const ORDER = {
  accountCategory: 'cash',
  symbol: 'BTC/USDT',
  orderType: 'limit',
  side: 'buy',
  orderPrice: '20000',
  orderQty: '0.01',
} as const;

let main: ScriptedServer;
let other: ScriptedServer;
beforeAll(async () => {
  [main, other] = await Promise.all([startServer(), startServer()]);
});
afterAll(async () => {
  await Promise.all([main.close(), other.close()]);
});
beforeEach(() => {
  main.script(json({ code: 0 }));
  other.script(json({ code: 0 }));
});

function clientOf(extra: ClientOptions = {}) {
  const timers = new FakeTimers();
  const client = new AscendexClient({
    baseUrl: main.origin,
    apiKey: KEY,
    secret: SECRET,
    accountGroup: 6,
    clock: () => T,
    timers,
    timeoutMs: TIMEOUT,
    retry: { retries: 2, baseDelayMs: 100, maxDelayMs: 1000 },
    ...extra,
  });
  return { client, timers };
}

/** What `promise` rejected with (it must reject). */
async function failure(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => expect.fail('the call succeeded'),
    (e: unknown) => e as Error,
  );
}

/** The error (or text) holds neither the key, the secret nor any signature either server received. */
function expectNoSecrets(error: unknown): void {
  const signatures = [...main.seen, ...other.seen]
    .map((s) => s.headers['x-auth-signature'])
    .filter((s): s is string => typeof s === 'string');
  const credentials = [
    { kind: 'API key' as const, value: KEY },
    { kind: 'secret' as const, value: SECRET },
    ...signatures.map((value) => ({ kind: 'signature' as const, value })),
  ];
  const texts = typeof error === 'string' ? [{ source: 'text', text: error }] : textsOf('error', error);
  expect(findLeaks(texts, credentials)).toEqual([]);
}

/** Fires the waits between attempts as they come (never the attempt timeout), until `promise` settles. */
async function runWaits<T>(timers: FakeTimers, promise: Promise<T>): Promise<T> {
  let settled = false;
  promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  while (!settled) {
    const wait = await Promise.race([
      timers.scheduled((ms) => ms !== TIMEOUT),
      promise.then(
        () => undefined,
        () => undefined,
      ),
    ]);
    if (wait) timers.fire(wait);
  }
  return promise;
}

const paths = (server: ScriptedServer) => server.seen.map((s) => `${s.method} ${s.url.split('?')[0]}`);

describe('rate limits and outages', () => {
  it('429 with Retry-After: waits exactly that, then succeeds', async () => {
    const { client, timers } = clientOf();
    main.script([text('slow down', 429, { 'retry-after': '2' }), json(DEPTH)]);
    const depth = await runWaits(timers, client.getDepth({ symbol: 'ASD/USDT' }));
    expect(depth.symbol).toBe('ASD/USDT');
    expect(timers.delays.filter((ms) => ms !== TIMEOUT)).toEqual([2000]);
    expect(paths(main)).toEqual(['GET /api/pro/v1/depth', 'GET /api/pro/v1/depth']);
  });

  it('429 as text after the last attempt: AscendexRateLimitError with status and headers', async () => {
    const { client, timers } = clientOf();
    main.script(text('Too Many Requests', 429, { 'x-ratelimit-remaining': '0' }));
    const error = await failure(runWaits(timers, client.getDepth({ symbol: 'ASD/USDT' })));
    expect(error).toBeInstanceOf(AscendexRateLimitError);
    expect(error).toMatchObject({ status: 429, method: 'GET', url: `${main.origin}/api/pro/v1/depth` });
    expect((error as AscendexRateLimitError).headers.get('x-ratelimit-remaining')).toBe('0');
    expect(main.seen).toHaveLength(3);
    expectNoSecrets(error);
  });

  it('429 with a Retry-After beyond maxRetryAfterMs: fails at once, saying how long to wait', async () => {
    const { client, timers } = clientOf();
    main.script(text('later', 429, { 'retry-after': '120' }));
    const error = await failure(client.getDepth({ symbol: 'ASD/USDT' }));
    expect(error).toBeInstanceOf(AscendexRateLimitError);
    expect((error as AscendexRateLimitError).retryAfterMs).toBe(120_000);
    expect(main.seen).toHaveLength(1);
    expect(timers.delays.filter((ms) => ms !== TIMEOUT)).toEqual([]);
  });

  it('503 with an HTTP-date Retry-After: waits until that date', async () => {
    const { client, timers } = clientOf();
    const at = new Date(T + 4000).toUTCString();
    main.script([text('maintenance', 503, { 'retry-after': at }), json(DEPTH)]);
    await runWaits(timers, client.getDepth({ symbol: 'ASD/USDT' }));
    expect(timers.delays.filter((ms) => ms !== TIMEOUT)).toEqual([4000]);
    expect(main.seen).toHaveLength(2);
  });

  it('a burst of 500, 502, 504: retried with backoff, then the answer', async () => {
    const { client, timers } = clientOf({ retry: { retries: 3, baseDelayMs: 100, maxDelayMs: 1000 } });
    main.script([text('a', 500), text('b', 502), text('c', 504), json(DEPTH)]);
    await runWaits(timers, client.getDepth({ symbol: 'ASD/USDT' }));
    expect(main.seen).toHaveLength(4);
    expect(timers.delays.filter((ms) => ms !== TIMEOUT)).toHaveLength(3);
  });

  it('an HTML 502 page after the last attempt: AscendexUnavailableError, not "not valid JSON"', async () => {
    const { client, timers } = clientOf();
    const page = '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>';
    main.script((res) => {
      res.writeHead(502, { 'content-type': 'text/html', server: 'nginx' });
      res.end(page);
    });
    const error = await failure(runWaits(timers, client.getDepth({ symbol: 'ASD/USDT' })));
    expect(error).toBeInstanceOf(AscendexUnavailableError);
    expect(error.message).toBe(
      `getDepth: unavailable: GET ${main.origin}/api/pro/v1/depth answered HTTP 502 (text/html) without the exchange's error envelope`,
    );
    expect((error as AscendexUnavailableError).headers.get('server')).toBe('nginx');
    expect(main.seen).toHaveLength(3);
  });

  it('a 503 page to placeOrder: sent once, AscendexUnavailableError', async () => {
    const { client } = clientOf();
    main.script(text('down', 503));
    const error = await failure(client.placeOrder(ORDER));
    expect(error).toBeInstanceOf(AscendexUnavailableError);
    expect(paths(main)).toEqual(['POST /6/api/pro/v1/cash/order']);
    expectNoSecrets(error);
  });

  it("a JSON 500 with the exchange's envelope: the catalog's error class with the status", async () => {
    const { client, timers } = clientOf();
    main.script(json({ code: 510001, reason: 'SERVER_ERROR', message: 'busy' }, 500));
    const error = await failure(runWaits(timers, client.getDepth({ symbol: 'ASD/USDT' })));
    expect(error).toBeInstanceOf(SystemError);
    expect(error).toMatchObject({ code: 510001, status: 500 });
    expect(main.seen).toHaveLength(3);
  });
});

describe('resets, truncated and undecodable bodies', () => {
  it('a reset before the answer: a GET is retried, then AscendexNetworkError with its cause and code', async () => {
    const { client, timers } = clientOf();
    main.script(reset);
    const error = await failure(runWaits(timers, client.getCashBalance()));
    expect(error).toBeInstanceOf(AscendexNetworkError);
    const network = error as AscendexNetworkError;
    expect(network).toMatchObject({
      method: 'GET',
      url: `${main.origin}/6/api/pro/v1/cash/balance`,
      code: 'UND_ERR_SOCKET',
    });
    expect(network.message).toMatch(
      new RegExp(
        `^getCashBalance: GET ${main.origin}/6/api/pro/v1/cash/balance network failure: fetch failed: .+ \\(UND_ERR_SOCKET\\)$`,
      ),
    );
    expect(network.cause).toBeInstanceOf(Error);
    expect(main.seen).toHaveLength(3);
    expectNoSecrets(error);
  });

  it('a reset before the answer to placeOrder: sent exactly once', async () => {
    const { client } = clientOf();
    main.script(reset);
    const error = await failure(client.placeOrder(ORDER));
    expect(error).toBeInstanceOf(AscendexNetworkError);
    expect(main.seen).toHaveLength(1);
  });

  it('a reset in the middle of the body: a network failure (retried for a GET)', async () => {
    const { client, timers } = clientOf();
    main.script((res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '500' });
      res.write('{"code":0,"data":{"m":"depth-snapshot",');
      setImmediate(() => res.socket?.destroy());
    });
    const error = await failure(runWaits(timers, client.getDepth({ symbol: 'ASD/USDT' })));
    expect(error).toBeInstanceOf(AscendexNetworkError);
    expect((error as AscendexNetworkError).code).toBe('UND_ERR_SOCKET');
    expect(main.seen).toHaveLength(3);
  });

  it('a body shorter than its Content-Length, then the connection ends: a network failure, not a parse error', async () => {
    const { client, timers } = clientOf();
    main.script((res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"code":0}', () => res.socket?.end());
    });
    const error = await failure(runWaits(timers, client.getDepth({ symbol: 'ASD/USDT' })));
    expect(error).toBeInstanceOf(AscendexNetworkError);
    expect(main.seen).toHaveLength(3);
  });

  it('a gzip body that is not gzip: AscendexResponseError keeping the zlib cause, not retried', async () => {
    const { client } = clientOf();
    main.script((res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end('this is not gzip at all');
    });
    const error = await failure(client.getDepth({ symbol: 'ASD/USDT' }));
    expect(error).toBeInstanceOf(AscendexResponseError);
    const detail = (error as AscendexResponseError).detail;
    expect(detail.message).toMatch(/^the body cannot be decoded \(content-encoding gzip\): .*incorrect header check/);
    const codes: unknown[] = [];
    for (let e: unknown = detail.cause; e; e = (e as Error).cause) codes.push((e as { code?: unknown }).code);
    expect(codes).toContain('Z_DATA_ERROR');
    expect(main.seen).toHaveLength(1);
  });

  it('an HTML page with status 200: AscendexResponseError (not JSON), not retried', async () => {
    const { client } = clientOf();
    main.script((res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><body>Welcome</body></html>');
    });
    const error = await failure(client.getDepth({ symbol: 'ASD/USDT' }));
    expect(error).toBeInstanceOf(AscendexResponseError);
    expect((error as AscendexResponseError).detail.name).toBe('JsonParseError');
    expect(main.seen).toHaveLength(1);
  });

  it('an HTML 403 page of a firewall: AscendexHttpError with status and headers, not retried', async () => {
    const { client } = clientOf();
    main.script((res) => {
      res.writeHead(403, { 'content-type': 'text/html', 'cf-ray': '8a1b2c3d4e5f-AMS' });
      res.end('<html>Access denied</html>');
    });
    const error = await failure(client.getDepth({ symbol: 'ASD/USDT' }));
    expect(error).toBeInstanceOf(AscendexHttpError);
    expect(error).toMatchObject({ status: 403, requestId: '8a1b2c3d4e5f-AMS' });
    expect(main.seen).toHaveLength(1);
  });
});

describe('slow answers', () => {
  it('no answer at all: the timeout ends the call, not retried', async () => {
    const { client, timers } = clientOf();
    main.script(hold);
    const call = failure(client.getDepth({ symbol: 'ASD/USDT' }));
    await main.request(1);
    const closed = main.connectionClosed(1);
    timers.fire(await timers.scheduled((ms) => ms === TIMEOUT));
    const error = await call;
    expect(error).toBeInstanceOf(AscendexTimeoutError);
    expect(error).toMatchObject({ timeoutMs: TIMEOUT, method: 'GET', url: `${main.origin}/api/pro/v1/depth` });
    await closed;
    expect(main.seen).toHaveLength(1);
  });

  it('a body that trickles: the timeout covers the body and cuts it', async () => {
    const { client, timers } = clientOf();
    let wrote!: () => void;
    const firstChunk = new Promise<void>((resolve) => (wrote = resolve));
    main.script((res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"code":0,', () => wrote());
    });
    const call = failure(client.getDepth({ symbol: 'ASD/USDT' }));
    await firstChunk;
    const closed = main.connectionClosed(1);
    timers.fire(await timers.scheduled((ms) => ms === TIMEOUT));
    expect(await call).toBeInstanceOf(AscendexTimeoutError);
    await closed;
    expect(main.seen).toHaveLength(1);
  });
});

describe('huge and compressed bodies', () => {
  const LIMIT = 1024 * 1024;
  const chunk = Buffer.alloc(64 * 1024, 0x20);

  it('100 MB streamed: AscendexResponseTooLargeError once, the connection closed, the rest never sent', async () => {
    const { client } = clientOf({ maxResponseBytes: LIMIT });
    let written: Promise<number> = Promise.resolve(0);
    main.script((res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      written = stream(
        res,
        (function* () {
          for (let i = 0; i < 1600; i++) yield chunk;
        })(),
      );
    });
    const closed = main.connectionClosed(1);
    const error = await failure(client.getDepth({ symbol: 'ASD/USDT' }));
    expect(error).toBeInstanceOf(AscendexResponseTooLargeError);
    expect(error).toMatchObject({ limitBytes: LIMIT, status: 200 });
    await closed;
    expect(await written).toBeLessThan((100 * 1024 * 1024) / 4);
    expect(main.seen).toHaveLength(1);
  });

  it('a Content-Length over the limit: refused before reading, not retried', async () => {
    const { client } = clientOf({ maxResponseBytes: LIMIT });
    main.script((res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(LIMIT + 1) });
      void stream(res, [Buffer.alloc(LIMIT + 1, 0x20)]);
    });
    const error = await failure(client.getDepth({ symbol: 'ASD/USDT' }));
    expect(error).toBeInstanceOf(AscendexResponseTooLargeError);
    expect(main.seen).toHaveLength(1);
  });

  it('1 MB of gzip that expands to 1 GB: counted after decompression, fails once', async () => {
    const { client } = clientOf({ maxResponseBytes: LIMIT });
    const member = gzipSync(Buffer.alloc(16 * 1024 * 1024), { level: 9 });
    main.script((res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      void stream(
        res,
        Array.from({ length: 64 }, () => member),
      );
    });
    const closed = main.connectionClosed(1);
    const error = await failure(client.getDepth({ symbol: 'ASD/USDT' }));
    expect(error).toBeInstanceOf(AscendexResponseTooLargeError);
    await closed;
    expect(main.seen).toHaveLength(1);
  });

  it('a body within the limit is read whole', async () => {
    const { client } = clientOf({ maxResponseBytes: 200 });
    main.script(json(DEPTH));
    expect((await client.getDepth({ symbol: 'ASD/USDT' })).symbol).toBe('ASD/USDT');
  });
});

describe('redirects', () => {
  const signedCalls = [
    ['GET getCashBalance', 'GET /6/api/pro/v1/cash/balance', (c: AscendexClient) => c.getCashBalance()],
    ['POST placeOrder', 'POST /6/api/pro/v1/cash/order', (c: AscendexClient) => c.placeOrder(ORDER)],
  ] as const;
  for (const status of [301, 302, 303, 307, 308])
    for (const [name, route, run] of signedCalls)
      it(`${status} to another origin, signed ${name}: not followed, nothing reaches that origin`, async () => {
        const { client } = clientOf();
        main.script((res) => {
          res.writeHead(status, { location: `${other.origin}/steal?from=ascendex` });
          res.end();
        });
        const error = await failure(run(client));
        expect(error).toBeInstanceOf(AscendexRedirectError);
        expect(error).toMatchObject({ status, location: other.origin, refusal: 'signed' });
        expect(error.message).toContain(`redirecting to ${other.origin}; not followed`);
        expect(paths(main)).toEqual([route]);
        expect(other.seen).toEqual([]);
        expectNoSecrets(error);
      });

  it('307 within the origin, signed: not followed either (one call, one endpoint)', async () => {
    const { client } = clientOf();
    main.script((res) => {
      res.writeHead(307, { location: '/6/api/pro/v1/cash/order/all' });
      res.end();
    });
    const error = await failure(client.placeOrder(ORDER));
    expect(error).toMatchObject({ refusal: 'signed', location: main.origin });
    expect(main.seen).toHaveLength(1);
  });

  it('a Location that carries the signature: the error names the origin only', async () => {
    const { client } = clientOf();
    main.script((res, seen) => {
      res.writeHead(302, {
        location: `${other.origin}/?sig=${encodeURIComponent(String(seen.headers['x-auth-signature']))}&key=${KEY}`,
      });
      res.end();
    });
    const error = await failure(client.getCashBalance());
    expect((error as AscendexRedirectError).location).toBe(other.origin);
    expect(other.seen).toEqual([]);
    expectNoSecrets(error);
  });

  it('a public GET follows a redirect within its origin', async () => {
    const { client } = clientOf();
    main.script([
      (res) => {
        res.writeHead(302, { location: '/api/pro/v1/depth-moved?symbol=ASD%2FUSDT' });
        res.end();
      },
      json(DEPTH),
    ]);
    expect((await client.getDepth({ symbol: 'ASD/USDT' })).symbol).toBe('ASD/USDT');
    expect(paths(main)).toEqual(['GET /api/pro/v1/depth', 'GET /api/pro/v1/depth-moved']);
  });

  it('a public GET redirected to another origin: not followed', async () => {
    const { client } = clientOf();
    main.script((res) => {
      res.writeHead(301, { location: `${other.origin}/api/pro/v1/depth` });
      res.end();
    });
    const error = await failure(client.getDepth({ symbol: 'ASD/USDT' }));
    expect(error).toMatchObject({ refusal: 'cross-origin', location: other.origin, status: 301 });
    expect(other.seen).toEqual([]);
  });

  it('a redirect loop: stops after maxRedirects, one typed error, never retried', async () => {
    const { client, timers } = clientOf({ maxRedirects: 3 });
    main.script((res) => {
      res.writeHead(302, { location: '/api/pro/v1/depth' });
      res.end();
    });
    const error = await failure(client.getDepth({ symbol: 'ASD/USDT' }));
    expect(error).toBeInstanceOf(AscendexRedirectError);
    expect(error).toMatchObject({ refusal: 'too-many', status: 302 });
    expect(main.seen).toHaveLength(4);
    expect(timers.delays.filter((ms) => ms !== TIMEOUT)).toEqual([]);
  });

  it('maxRedirects 0: a public GET follows none', async () => {
    const { client } = clientOf({ maxRedirects: 0 });
    main.script((res) => {
      res.writeHead(308, { location: '/api/pro/v1/depth2' });
      res.end();
    });
    expect(await failure(client.getDepth({ symbol: 'ASD/USDT' }))).toMatchObject({ refusal: 'too-many' });
    expect(main.seen).toHaveLength(1);
  });
});

describe('abort in every phase: the call rejects at once, the reason as cause', () => {
  const reason = () => new Error('the user pressed stop');

  it('before anything is sent', async () => {
    const { client } = clientOf();
    const controller = new AbortController();
    controller.abort(reason());
    const error = await failure(client.getDepth({ symbol: 'ASD/USDT' }, { signal: controller.signal }));
    expect(error).toBeInstanceOf(AscendexAbortError);
    expect(error.cause).toBe(controller.signal.reason);
    expect(main.seen).toEqual([]);
  });

  it('while the account group is being looked up (the order is never sent)', async () => {
    const { client, timers } = clientOf({ accountGroup: undefined });
    main.script(hold);
    const controller = new AbortController();
    const call = failure(client.placeOrder(ORDER, { signal: controller.signal }));
    expect((await main.request(1)).url).toBe('/api/pro/v1/info');
    controller.abort(reason());
    const error = await call;
    expect(error).toBeInstanceOf(AscendexAbortError);
    expect((error.cause as Error).message).toBe('the user pressed stop');
    expect(timers.now).toBe(0);
    expect(paths(main)).toEqual(['GET /api/pro/v1/info']);
  });

  it('while waiting for the answer', async () => {
    const { client, timers } = clientOf();
    main.script(hold);
    const controller = new AbortController();
    const call = failure(client.getCashBalance(undefined, { signal: controller.signal }));
    await main.request(1);
    const closed = main.connectionClosed(1);
    controller.abort(reason());
    const error = await call;
    expect(error).toBeInstanceOf(AscendexAbortError);
    expect(error.cause).toBe(controller.signal.reason);
    expect(timers.now).toBe(0);
    await closed;
    expect(main.seen).toHaveLength(1);
    expectNoSecrets(error);
  });

  it('while reading the body', async () => {
    const { client, timers } = clientOf();
    let wrote!: () => void;
    const firstChunk = new Promise<void>((resolve) => (wrote = resolve));
    main.script((res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"code":0,"data":', () => wrote());
    });
    const controller = new AbortController();
    const call = failure(client.getDepth({ symbol: 'ASD/USDT' }, { signal: controller.signal }));
    await firstChunk;
    controller.abort(reason());
    const error = await call;
    expect(error).toBeInstanceOf(AscendexAbortError);
    expect(timers.now).toBe(0);
  });

  it('during the backoff between retries (no second request, the wait cleared)', async () => {
    const { client, timers } = clientOf();
    main.script(text('busy', 503));
    const controller = new AbortController();
    const call = failure(client.getDepth({ symbol: 'ASD/USDT' }, { signal: controller.signal }));
    const backoff = await timers.scheduled((ms) => ms !== TIMEOUT);
    expect(backoff.ms).toBeLessThanOrEqual(100);
    controller.abort(reason());
    const error = await call;
    expect(error).toBeInstanceOf(AscendexAbortError);
    expect(error.cause).toBe(controller.signal.reason);
    expect(timers.pending).toEqual([]);
    expect(timers.now).toBe(0);
    expect(main.seen).toHaveLength(1);
  });

  it('during a Retry-After wait of 9 s', async () => {
    const { client, timers } = clientOf();
    main.script(text('slow down', 429, { 'retry-after': '9' }));
    const controller = new AbortController();
    const call = failure(client.getDepth({ symbol: 'ASD/USDT' }, { signal: controller.signal }));
    expect((await timers.scheduled((ms) => ms !== TIMEOUT)).ms).toBe(9000);
    controller.abort(reason());
    expect(await call).toBeInstanceOf(AscendexAbortError);
    expect(timers.pending).toEqual([]);
    expect(timers.now).toBe(0);
    expect(main.seen).toHaveLength(1);
  });

  it('while a same-origin redirect is followed', async () => {
    const { client } = clientOf();
    main.script([
      (res) => {
        res.writeHead(302, { location: '/api/pro/v1/depth-moved' });
        res.end();
      },
      hold,
    ]);
    const controller = new AbortController();
    const call = failure(client.getDepth({ symbol: 'ASD/USDT' }, { signal: controller.signal }));
    await main.request(2);
    controller.abort(reason());
    expect(await call).toBeInstanceOf(AscendexAbortError);
  });
});

describe('concurrency', () => {
  it('200 concurrent calls answered in reverse order: each gets its own answer', async () => {
    const { client } = clientOf();
    const held: (() => void | Promise<void>)[] = [];
    main.script((res, seen) => {
      const symbol = new URL(seen.url, main.origin).searchParams.get('symbol')!;
      held.push(() => json(depthOf(symbol))(res, seen, 0, undefined as never));
    });
    const symbols = Array.from({ length: 200 }, (_, i) => `S${i}/USDT`);
    const calls = Promise.all(symbols.map((symbol) => client.getDepth({ symbol })));
    await main.request(200);
    for (const answer of held.reverse()) await answer();
    const answers = await calls;
    expect(answers.map((a) => a.symbol)).toEqual(symbols);
    expect(main.seen).toHaveLength(200);
  });
});

describe('answers that echo the credentials', () => {
  it('an error envelope quoting the key, the signature and the secret: all redacted', async () => {
    const { client } = clientOf();
    main.script((res, seen) =>
      json(
        {
          code: 200001,
          reason: 'AUTHENTICATION_FAILED',
          message: `bad key ${String(seen.headers['x-auth-key'])} sig ${String(seen.headers['x-auth-signature'])} secret ${SECRET}`,
          info: { request: seen.headers },
        },
        200,
        { 'x-echo-signature': String(seen.headers['x-auth-signature']) },
      )(res, seen, 0, undefined as never),
    );
    const error = await failure(client.getCashBalance());
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toBe(
      'getCashBalance: 200001 AUTHENTICATION_FAILED: bad key [api key] sig [signature] secret [secret]',
    );
    expect((error as AuthError).headers?.get('x-echo-signature')).toBe('[signature]');
    expectNoSecrets(error);
  });

  it('a validation failure quoting an echoed key in its tag: redacted', async () => {
    const { client } = clientOf();
    main.script((res, seen) =>
      json({ code: 0, data: { m: String(seen.headers['x-auth-key']), symbol: 'ASD/USDT' } })(
        res,
        seen,
        0,
        undefined as never,
      ),
    );
    const error = await failure(client.getDepth({ symbol: 'ASD/USDT' }));
    expect(error).toBeInstanceOf(AscendexResponseError);
    expectNoSecrets(error);
  });
});

describe('hook events', () => {
  it('show a signed call, its redirect and its echoing answer without the key or any signature', async () => {
    const events: unknown[] = [];
    const { client } = clientOf({
      onRequest: (event) => void events.push(event),
      onResponse: (event) => {
        const headers: Record<string, string> = {};
        event.headers.forEach((value, name) => (headers[name] = value));
        events.push({ ...event, headers });
      },
    });
    main.script([
      (res, seen) => {
        res.writeHead(307, { location: `${other.origin}/?sig=${String(seen.headers['x-auth-signature'])}` });
        res.end();
      },
      (res, seen) =>
        json({ code: 200001, message: String(seen.headers['x-auth-key']) }, 200, {
          'x-echo': `${String(seen.headers['x-auth-key'])} ${String(seen.headers['x-auth-signature'])}`,
        })(res, seen, 1, undefined as never),
    ]);
    await failure(client.placeOrder(ORDER));
    await failure(client.getCashBalance());
    expect(events).toHaveLength(4);
    expect(events[0]).toMatchObject({ headers: { 'x-auth-key': '[api key]', 'x-auth-signature': '[signature]' } });
    expect(events[1]).toMatchObject({ status: 307, headers: { location: `${other.origin}/?sig=[signature]` } });
    expect(events[3]).toMatchObject({ headers: { 'x-echo': '[api key] [signature]' } });
    expectNoSecrets(JSON.stringify(events));
  });
});

describe('numbers', () => {
  it('a sequence number with a fraction beyond 2^53 is refused, not rounded', async () => {
    const { client } = clientOf();
    main.script(
      json(
        '{"code":0,"data":{"m":"depth-snapshot","symbol":"ASD/USDT","data":{"seqnum":9007199254740993.0,"ts":1,"asks":[],"bids":[]}}}',
      ),
    );
    const error = await failure(client.getDepth({ symbol: 'ASD/USDT' }));
    expect(error).toBeInstanceOf(AscendexResponseError);
    const issues = ((error as AscendexResponseError).detail as ValidationError).issues;
    expect(issues.map((i) => i.path)).toEqual(['/data/data/seqnum']);
  });

  it('seqnum up to 2^64 stays exact', async () => {
    const { client } = clientOf();
    main.script(
      json(
        '{"code":0,"data":{"m":"depth-snapshot","symbol":"ASD/USDT","data":{"seqnum":18446744073709551615,"ts":1,"asks":[],"bids":[]}}}',
      ),
    );
    expect((await client.getDepth({ symbol: 'ASD/USDT' })).data.seqnum).toBe(18446744073709551615n);
  });

  it('a plain integer field above 2^53 says so, naming the success shape only', async () => {
    const { client } = clientOf();
    main.script(
      json(
        '{"code":0,"data":{"m":"depth-snapshot","symbol":"ASD/USDT","data":{"seqnum":1,"ts":12345678901234567890,"asks":[],"bids":[]}}}',
      ),
    );
    const error = await failure(client.getDepth({ symbol: 'ASD/USDT' }));
    expect(((error as AscendexResponseError).detail as ValidationError).issues).toEqual([
      {
        path: '/data/data/ts',
        keyword: 'type',
        message:
          'must be an integer within ±(2^53 − 1); got 12345678901234567890, which only sequence numbers (int64) may exceed',
      },
    ]);
    expect(error).toBeInstanceOf(AscendexError);
  });
});
