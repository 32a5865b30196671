// The transport: retries only GET, only on 429, 5xx and network failures, counted, with backoff or
// the answer's Retry-After; a timeout, a network failure and an abort each have their own class;
// order calls are sent exactly once; every wait ends the moment the caller aborts. Fake time.
import { describe, it, expect } from 'vitest';
import { send, type HttpRequest, type TransportOptions } from '../src/core/transport.js';
import { AscendexAbortError, AscendexNetworkError, AscendexTimeoutError } from '../src/index.js';
import { AscendexError } from '@ascendex-toolkit/validators';
import { FakeTimers } from './support/fake-timers.js';

const get: HttpRequest = {
  operationId: 'getDepth',
  method: 'GET',
  url: 'https://ascendex.com/api/pro/v1/depth?symbol=BTC%2FUSDT',
  headers: {},
};
const post: HttpRequest = { ...get, operationId: 'placeOrder', method: 'POST', body: '{}' };

type Step = number | 'network' | 'hang' | { status: number; headers: Record<string, string> };

/** A fetch that answers from a script and counts the calls; `'network'` fails like a dropped connection. */
function scripted(script: Step[]) {
  const calls: string[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    calls.push(`${init.method} ${url}`);
    const step = script[Math.min(calls.length - 1, script.length - 1)]!;
    if (step === 'network')
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('reset'), { code: 'ECONNRESET' }) });
    if (step === 'hang') {
      return new Promise((_resolve, reject) =>
        init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
    }
    const { status, headers } = typeof step === 'number' ? { status: step, headers: {} } : step;
    return new Response(JSON.stringify({ code: status === 200 ? 0 : status }), { status, headers });
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls };
}
const options = (
  fetch: typeof globalThis.fetch,
  timers: FakeTimers,
  extra: Partial<TransportOptions> = {},
): TransportOptions => ({
  fetch,
  timeoutMs: 60_000,
  retry: { retries: 2 },
  timers,
  clock: timers.clock,
  random: () => 0.5,
  ...extra,
});
/** The waits between attempts (every timer but the attempts' 60 s timeouts). */
const waits = (timers: FakeTimers) => timers.delays.filter((ms) => ms !== 60_000);

describe('transport', () => {
  it('retries a GET on 429 and 5xx, then answers', async () => {
    const timers = new FakeTimers();
    const { fetch, calls } = scripted([429, 503, 200]);
    const answer = await timers.settle(send(get, options(fetch, timers)));
    expect(answer).toMatchObject({ status: 200, attempts: 3 });
    expect(answer.headers).toBeInstanceOf(Headers);
    expect(calls).toHaveLength(3);
  });

  it('retries a GET on network failures, then gives up with AscendexNetworkError keeping the cause', async () => {
    const timers = new FakeTimers();
    const { fetch, calls } = scripted(['network']);
    const error = await timers.settle(send(get, options(fetch, timers))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AscendexNetworkError);
    expect(error).toBeInstanceOf(AscendexError);
    expect(error).toMatchObject({ code: 'ECONNRESET', method: 'GET', url: 'https://ascendex.com/api/pro/v1/depth' });
    expect((error as Error).message).toBe(
      'getDepth: GET https://ascendex.com/api/pro/v1/depth network failure: fetch failed: reset (ECONNRESET)',
    );
    expect(((error as Error).cause as Error).message).toBe('fetch failed');
    expect((((error as Error).cause as Error).cause as { code: string }).code).toBe('ECONNRESET');
    expect(calls).toHaveLength(3);
  });

  it('returns the last 5xx answer when retries run out', async () => {
    const timers = new FakeTimers();
    const { fetch, calls } = scripted([500]);
    expect(await timers.settle(send(get, options(fetch, timers)))).toMatchObject({ status: 500, attempts: 3 });
    expect(calls).toHaveLength(3);
  });

  it('never retries a POST (order placement), not on 5xx, not on network failures', async () => {
    const timers = new FakeTimers();
    const failing = scripted([503]);
    expect(await timers.settle(send(post, options(failing.fetch, timers)))).toMatchObject({
      status: 503,
      attempts: 1,
    });
    expect(failing.calls).toHaveLength(1);
    const dropped = scripted(['network']);
    await expect(
      timers.settle(send({ ...post, method: 'DELETE' }, options(dropped.fetch, timers))),
    ).rejects.toBeInstanceOf(AscendexNetworkError);
    expect(dropped.calls).toHaveLength(1);
    expect(waits(timers)).toEqual([]);
  });

  it('does not retry a 4xx, nor when retries are off', async () => {
    const timers = new FakeTimers();
    const bad = scripted([400]);
    expect(await timers.settle(send(get, options(bad.fetch, timers)))).toMatchObject({ status: 400, attempts: 1 });
    const off = scripted([503]);
    expect(await timers.settle(send(get, options(off.fetch, timers, { retry: false })))).toMatchObject({
      status: 503,
      attempts: 1,
    });
    expect(off.calls).toHaveLength(1);
  });

  it('times out with AscendexTimeoutError and does not retry a timeout', async () => {
    const timers = new FakeTimers();
    const { fetch, calls } = scripted(['hang']);
    const error = await timers.settle(send(get, options(fetch, timers, { timeoutMs: 20 }))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AscendexTimeoutError);
    expect(error).toMatchObject({ timeoutMs: 20, method: 'GET', url: 'https://ascendex.com/api/pro/v1/depth' });
    expect(calls).toHaveLength(1);
    expect(timers.now).toBe(20);
  });

  it('gives AscendexAbortError with the reason as cause, before or during the call', async () => {
    const timers = new FakeTimers();
    const before = new AbortController();
    before.abort(new Error('shutting down'));
    const early = await send(get, options(scripted([200]).fetch, timers, { signal: before.signal })).catch(
      (e: unknown) => e,
    );
    expect(early).toBeInstanceOf(AscendexAbortError);
    expect((early as Error).cause).toBe(before.signal.reason);
    const during = new AbortController();
    const pending = send(get, options(scripted(['hang']).fetch, timers, { signal: during.signal }));
    during.abort('user pressed stop');
    const late = await pending.catch((e: unknown) => e);
    expect(late).toBeInstanceOf(AscendexAbortError);
    expect((late as Error).cause).toBe('user pressed stop');
    expect(timers.now).toBe(0);
  });

  it('ends the backoff the moment the caller aborts: at fake time 0, the wait cleared, no second attempt', async () => {
    const timers = new FakeTimers();
    const { fetch, calls } = scripted([503, 200]);
    const controller = new AbortController();
    const pending = send(get, options(fetch, timers, { signal: controller.signal }));
    const backoff = await timers.scheduled((ms) => ms !== 60_000);
    expect(timers.pending).toEqual([backoff.ms]);
    controller.abort(new Error('stop'));
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AscendexAbortError);
    expect(((error as Error).cause as Error).message).toBe('stop');
    expect(timers.pending).toEqual([]);
    expect(timers.now).toBe(0);
    expect(calls).toHaveLength(1);
  });

  it('backs off exponentially with jitter, capped', async () => {
    const timers = new FakeTimers();
    const { fetch } = scripted([503, 503, 503, 503, 200]);
    const retry = { retries: 4, baseDelayMs: 100, maxDelayMs: 500 };
    await timers.settle(send(get, options(fetch, timers, { retry, random: () => 0.999 })));
    expect(waits(timers)).toEqual([99, 199, 399, 499]);
  });

  it("waits a 429's or 503's Retry-After (seconds or HTTP date) instead of the backoff", async () => {
    const timers = new FakeTimers();
    timers.now = Date.parse('2026-01-01T00:00:00Z');
    const { fetch, calls } = scripted([
      { status: 429, headers: { 'retry-after': '3' } },
      { status: 503, headers: { 'retry-after': 'Thu, 01 Jan 2026 00:00:08 GMT' } },
      { status: 502, headers: { 'retry-after': '1' } },
      200,
    ]);
    const answer = await timers.settle(send(get, options(fetch, timers, { retry: { retries: 3, baseDelayMs: 100 } })));
    expect(answer).toMatchObject({ status: 200, attempts: 4 });
    // 3 s; the date is 5 s after the first wait; a 502's Retry-After is not read (backoff 0.5 x 400).
    expect(waits(timers)).toEqual([3000, 5000, 200]);
    expect(calls).toHaveLength(4);
  });

  it('stops retrying when Retry-After is beyond maxRetryAfterMs and returns that answer', async () => {
    const timers = new FakeTimers();
    const { fetch, calls } = scripted([{ status: 429, headers: { 'retry-after': '60' } }, 200]);
    const answer = await timers.settle(send(get, options(fetch, timers, { retry: { maxRetryAfterMs: 30_000 } })));
    expect(answer.status).toBe(429);
    expect(answer.headers.get('retry-after')).toBe('60');
    expect(calls).toHaveLength(1);
    expect(waits(timers)).toEqual([]);
  });
});
