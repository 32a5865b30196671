// Schema-driven fuzzing of the MSW HTTP handlers (in-process, plain fetch) in front of the stateful
// mock exchange: requests for all 36 operations, valid and hostile. Every answer arrives, is never a
// 5xx, is JSON with the exchange's envelope, validates against its operation's response schema, and
// a request the strict profile accepts is never refused for its shape. `MOCKS_FUZZ_CASES` (default
// 5,600 over the four fuzz files) and `MOCKS_FUZZ_SEED` (default 15) change the run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { setupServer } from 'msw/node';
import { createHttpHandlers } from '../../src/http/index.js';
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
import { report, tally, tallies } from './report.js';

const NOW = 1_700_000_000_000;
const BASE = 'https://ascendex.com';
const exchange = createMockExchange({ seed: 15, clock: () => NOW });
const server = setupServer(...createHttpHandlers({ backend: exchange }));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

/** Fetch cannot carry TRACE or CONNECT (the standalone server's fuzz run sends them). */
const ODD_METHODS = ['HEAD', 'PUT', 'PATCH', 'OPTIONS', 'GET', 'POST', 'DELETE'];

async function send(c: RestCase): Promise<{ status: number; text: string }> {
  const url = new URL(BASE + c.path);
  for (const [k, v] of c.query) url.searchParams.append(k, v);
  const bodyAllowed = c.method !== 'GET' && c.method !== 'HEAD';
  const response = await fetch(url, {
    method: c.method,
    headers: { 'content-type': 'application/json', ...(await authHeaders(c, NOW)) },
    ...(bodyAllowed && c.body !== undefined ? { body: c.body } : {}),
    signal: AbortSignal.timeout(15_000),
  });
  return { status: response.status, text: await response.text() };
}

describe('fuzz: MSW HTTP handlers', { timeout: 300_000 }, () => {
  it('answer every generated request like the exchange', async () => {
    const seen = new Map<string, number>();
    const runs = runsOf(0.35);
    const started = performance.now();
    await fc.assert(
      fc.asyncProperty(restCase(ODD_METHODS), async (c) => {
        seen.set(c.operationId, (seen.get(c.operationId) ?? 0) + 1);
        const { status, text } = await send(c);
        checkRestAnswer(c, status, text);
        tally(c, status, text);
      }),
      { numRuns: runs, seed: fuzzSeed, endOnFailure: true },
    );
    report('REST via MSW handlers', runs, performance.now() - started, fuzzSeed);
    // The run is worth something: strict-valid requests answered with success, and refusals of every kind.
    expect(tallies.validOk).toBeGreaterThan(runs / 20);
    expect(tallies.byStatus.get(405) ?? 0).toBeGreaterThan(0);
    expect([...seen.keys()].sort()).toEqual([...restOperationIds].sort());
  });
});
