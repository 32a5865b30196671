// Schema-driven fuzzing of the standalone server over real HTTP (node:http, so TRACE, CONNECT and
// any other method reach it): the same generated requests and properties as the MSW run, plus what
// only a server sees: methods Fetch cannot send, a header section past the limit, a body past the
// limit. The process must stay up: the last request of the run still gets its answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Agent, request } from 'node:http';
import { startMockServer, type MockServer } from '../../src/server/server.js';
import { createMockExchange } from '../../src/exchange/index.js';
import {
  authHeaders,
  checkRestAnswer,
  fuzzSeed,
  restCase,
  restOperationIds,
  runsOf,
  type RestCase,
} from './rest-cases.js';
import { report } from './report.js';

const NOW = 1_700_000_000_000;
let server: MockServer;
const agent = new Agent({ keepAlive: true, maxSockets: 4 });

beforeAll(async () => {
  server = await startMockServer({ exchange: createMockExchange({ seed: 16, clock: () => NOW }), marketIntervalMs: 0 });
});
afterAll(async () => {
  agent.destroy();
  await server.close();
});

const ODD_METHODS = ['HEAD', 'PUT', 'PATCH', 'OPTIONS', 'TRACE', 'CONNECT', 'PROPFIND', 'GET', 'POST', 'DELETE'];

/** One request over a real socket; rejects when no answer comes within 15 s. */
export function httpRequest(
  url: string,
  method: string,
  headers: Record<string, string>,
  body: string | undefined,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    // CONNECT answers arrive as a 'connect' event on a socket of their own.
    const connect = method === 'CONNECT';
    const req = request(url, { method, headers, agent: connect ? false : agent, timeout: 15_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('connect', (res, socket, head) => {
      const chunks: Buffer[] = [head];
      socket.on('data', (chunk: Buffer) => chunks.push(chunk));
      socket.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      socket.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`${method} ${url}: no answer within 15 s`)));
    req.on('error', reject);
    req.end(body);
  });
}

async function send(c: RestCase): Promise<{ status: number; text: string }> {
  const url = new URL(server.restUrl + c.path);
  for (const [k, v] of c.query) url.searchParams.append(k, v);
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(await authHeaders(c, NOW)) };
  // Node sends GET, DELETE, OPTIONS... bodies without framing unless told their length.
  if (c.body !== undefined) headers['content-length'] = String(Buffer.byteLength(c.body));
  return httpRequest(url.href, c.method, headers, c.body);
}

describe('fuzz: ascendex-mock over HTTP', { timeout: 300_000 }, () => {
  it('answers every generated request like the exchange, whatever the method', async () => {
    const seen = new Set<string>();
    const runs = runsOf(0.25);
    const started = performance.now();
    await fc.assert(
      fc.asyncProperty(restCase(ODD_METHODS), async (c) => {
        seen.add(c.operationId);
        const { status, text } = await send(c);
        checkRestAnswer(c, status, text);
      }),
      { numRuns: runs, seed: fuzzSeed + 1, endOnFailure: true },
    );
    report('REST via ascendex-mock', runs, performance.now() - started, fuzzSeed + 1);
    expect([...seen].sort()).toEqual([...restOperationIds].sort());
    const alive = await httpRequest(`${server.restUrl}/api/pro/v1/depth?symbol=BTC/USDT`, 'GET', {}, undefined);
    expect(alive.status).toBe(200);
  });
});
