// The transport: retries only GET, only on 429, 5xx and network failures, counted; a timeout, a
// network failure and an abort each have their own class; order calls are sent exactly once.
import { describe, it, expect } from 'vitest';
import { send, type HttpRequest, type TransportOptions } from '../src/core/transport.js';
import { AscendexAbortError, AscendexNetworkError, AscendexTimeoutError } from '../src/index.js';
import { AscendexError } from '@ascendex-toolkit/validators';

const get: HttpRequest = {
  operationId: 'getDepth',
  method: 'GET',
  url: 'https://ascendex.com/api/pro/v1/depth?symbol=BTC%2FUSDT',
  headers: {},
};
const post: HttpRequest = { ...get, operationId: 'placeOrder', method: 'POST', body: '{}' };

/** A fetch that answers from a script and counts the calls; `'network'` fails like a dropped connection. */
function scripted(script: (number | 'network' | 'hang')[]) {
  const calls: string[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    calls.push(`${init.method} ${url}`);
    const step = script[Math.min(calls.length - 1, script.length - 1)];
    if (step === 'network') throw new TypeError('fetch failed');
    if (step === 'hang') {
      return new Promise((_resolve, reject) =>
        init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
    }
    return new Response(JSON.stringify({ code: step === 200 ? 0 : step }), { status: step });
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls };
}
const options = (fetch: typeof globalThis.fetch, extra: Partial<TransportOptions> = {}): TransportOptions => ({
  fetch,
  timeoutMs: 1000,
  retry: { retries: 2 },
  sleep: async () => {},
  random: () => 0.5,
  ...extra,
});

describe('transport', () => {
  it('retries a GET on 429 and 5xx, then answers', async () => {
    const { fetch, calls } = scripted([429, 503, 200]);
    const answer = await send(get, options(fetch));
    expect(answer).toMatchObject({ status: 200, attempts: 3 });
    expect(calls).toHaveLength(3);
  });

  it('retries a GET on network failures, then gives up with AscendexNetworkError', async () => {
    const { fetch, calls } = scripted(['network']);
    const error = await send(get, options(fetch)).catch((e) => e);
    expect(error).toBeInstanceOf(AscendexNetworkError);
    expect(error).toBeInstanceOf(AscendexError);
    expect(calls).toHaveLength(3);
  });

  it('returns the last 5xx answer when retries run out', async () => {
    const { fetch, calls } = scripted([500]);
    expect(await send(get, options(fetch))).toMatchObject({ status: 500, attempts: 3 });
    expect(calls).toHaveLength(3);
  });

  it('never retries a POST (order placement), not on 5xx, not on network failures', async () => {
    const failing = scripted([503]);
    expect(await send(post, options(failing.fetch))).toMatchObject({ status: 503, attempts: 1 });
    expect(failing.calls).toHaveLength(1);
    const dropped = scripted(['network']);
    await expect(send({ ...post, method: 'DELETE' }, options(dropped.fetch))).rejects.toBeInstanceOf(
      AscendexNetworkError,
    );
    expect(dropped.calls).toHaveLength(1);
  });

  it('does not retry a 4xx, nor when retries are off', async () => {
    const bad = scripted([400]);
    expect(await send(get, options(bad.fetch))).toMatchObject({ status: 400, attempts: 1 });
    const off = scripted([503]);
    expect(await send(get, options(off.fetch, { retry: false }))).toMatchObject({ status: 503, attempts: 1 });
    expect(off.calls).toHaveLength(1);
  });

  it('times out with AscendexTimeoutError and does not retry a timeout', async () => {
    const { fetch, calls } = scripted(['hang']);
    const error = await send(get, options(fetch, { timeoutMs: 20 })).catch((e) => e);
    expect(error).toBeInstanceOf(AscendexTimeoutError);
    expect(error.timeoutMs).toBe(20);
    expect(calls).toHaveLength(1);
  });

  it('gives AscendexAbortError when the caller aborts, before or during the call', async () => {
    const before = new AbortController();
    before.abort();
    await expect(send(get, options(scripted([200]).fetch, { signal: before.signal }))).rejects.toBeInstanceOf(
      AscendexAbortError,
    );
    const during = new AbortController();
    const pending = send(get, options(scripted(['hang']).fetch, { signal: during.signal }));
    during.abort();
    await expect(pending).rejects.toBeInstanceOf(AscendexAbortError);
  });

  it('backs off exponentially with jitter, capped', async () => {
    const delays: number[] = [];
    const { fetch } = scripted([503, 503, 503, 503, 200]);
    await send(
      get,
      options(fetch, {
        retry: { retries: 4, baseDelayMs: 100, maxDelayMs: 500 },
        sleep: async (ms) => void delays.push(ms),
        random: () => 0.999,
      }),
    );
    expect(delays).toEqual([99, 199, 399, 499]);
  });
});
