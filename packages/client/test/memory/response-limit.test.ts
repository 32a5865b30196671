// A body over maxResponseBytes costs bounded memory: against a local server sending 100 MB of plain
// JSON-ish text, and 1 MB of gzip that expands to 1 GB, the client fails once with
// AscendexResponseTooLargeError and the live heap (V8 heap plus array buffers after a full GC,
// sampled every half MiB that reaches the client) grows by less than twice the limit. A control case without the limit shows
// the measurement sees a body held whole. Runs with --expose-gc (vitest project `memory`).
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AscendexClient, AscendexResponseTooLargeError } from '../../src/index.js';
import { startServer, stream, type ScriptedServer } from '../hostile/scripted-server.js';

const MiB = 1024 * 1024;
/** The client's default maxResponseBytes. */
const DEFAULT_LIMIT = 8 * MiB;
const gc = (globalThis as { gc?: () => void }).gc;
/** Bytes between two samples: the peak measured is at most this far below the true one. */
const SAMPLE_EVERY = MiB / 2;

/** What is alive: the V8 heap plus array buffers (the body's bytes), after a full collection. */
const liveHeap = () => {
  gc!();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
};

let server: ScriptedServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

/**
 * Live heap growth while the client reads the answer `send` writes: the highest sample (taken each
 * SAMPLE_EVERY bytes handed to the client, and after the call) minus the live heap before.
 */
async function growthOf(send: Parameters<ScriptedServer['script']>[0], options: { maxResponseBytes?: number } = {}) {
  let peak = 0;
  let passed = 0;
  const sampling = (async (input: string, init: RequestInit) => {
    const response = await fetch(input, init);
    if (!response.body) return response;
    const body = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          // A sample (a full GC) per SAMPLE_EVERY bytes handed to the client.
          if (Math.floor((passed + chunk.byteLength) / SAMPLE_EVERY) > Math.floor(passed / SAMPLE_EVERY))
            peak = Math.max(peak, liveHeap());
          passed += chunk.byteLength;
          controller.enqueue(chunk);
        },
      }),
    );
    return new Response(body, { status: response.status, headers: response.headers });
  }) as typeof fetch;
  const client = new AscendexClient({ baseUrl: server.origin, fetch: sampling, retry: false, ...options });
  server.script(send);
  const before = liveHeap();
  const outcome = await client.getDepth({ symbol: 'ASD/USDT' }).then(
    () => undefined,
    (e: unknown) => e,
  );
  peak = Math.max(peak, liveHeap());
  return { outcome, growth: peak - before, requests: server.seen.length };
}

const mb = (bytes: number) => `${(bytes / MiB).toFixed(1)} MiB`;

describe('memory of an answer over the limit (--expose-gc)', () => {
  it('runs with --expose-gc', () => {
    expect(gc).toBeTypeOf('function');
  });

  it('100 MB of plain text: one typed failure, heap growth under twice the default limit', async () => {
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const { outcome, growth, requests } = await growthOf((res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      void stream(
        res,
        (function* () {
          for (let i = 0; i < 1600; i++) yield chunk;
        })(),
      );
    });
    console.log(`100 MB plain body, limit ${mb(DEFAULT_LIMIT)}: heap growth ${mb(growth)}`);
    expect(outcome).toBeInstanceOf(AscendexResponseTooLargeError);
    expect(requests).toBe(1);
    expect(growth).toBeLessThan(2 * DEFAULT_LIMIT);
  }, 60_000);

  it('1 MB of gzip expanding to 1 GB: one typed failure, heap growth under twice the default limit', async () => {
    const member = gzipSync(Buffer.alloc(16 * MiB), { level: 9 });
    const { outcome, growth, requests } = await growthOf((res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      void stream(
        res,
        Array.from({ length: 64 }, () => member),
      );
    });
    console.log(
      `gzip bomb (${mb(64 * member.length)} -> 1024 MiB), limit ${mb(DEFAULT_LIMIT)}: heap growth ${mb(growth)}`,
    );
    expect(outcome).toBeInstanceOf(AscendexResponseTooLargeError);
    expect(requests).toBe(1);
    expect(growth).toBeLessThan(2 * DEFAULT_LIMIT);
  }, 60_000);

  it('control: a 24 MiB body under a 32 MiB limit is held whole, and the measurement sees it', async () => {
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const { outcome, growth } = await growthOf(
      (res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        void stream(
          res,
          (function* () {
            for (let i = 0; i < 384; i++) yield chunk;
          })(),
        );
      },
      { maxResponseBytes: 32 * MiB },
    );
    console.log(`control: 24 MiB body read whole: heap growth ${mb(growth)}`);
    // Read whole, then refused as not JSON (24 MiB of spaces).
    expect(outcome).toBeInstanceOf(Error);
    expect(outcome).not.toBeInstanceOf(AscendexResponseTooLargeError);
    expect(growth).toBeGreaterThan(2 * DEFAULT_LIMIT);
  }, 60_000);
});
