// Schema-driven fuzzing of the MSW WebSocket handlers (a global WebSocket, intercepted in-process)
// in front of the stateful mock exchange: frames of every client message kind, valid and hostile,
// on a public and an authenticated session. Every frame is answered, every answer validates, the
// sessions stay open. `MOCKS_FUZZ_CASES` and `MOCKS_FUZZ_SEED` change the run (see test/fuzz).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseClientMessage } from '@ascendex-toolkit/validators/exchange';
import { setupServer } from 'msw/node';
import { createMockExchange } from '../../src/exchange/index.js';
import { createWsHandlers } from '../../src/ws/index.js';
import { fuzzSeed, runsOf } from '../fuzz/rest-cases.js';
import { report } from '../fuzz/report.js';
import { authFrame, checkWsFrames, clientMessageNames, wsCase } from '../fuzz/ws-cases.js';
import { driver, type Driver } from '../fuzz/ws-driver.js';

const NOW = 1_700_000_000_000;
const exchange = createMockExchange({ seed: 17, clock: () => NOW });
const server = setupServer(...createWsHandlers({ backend: exchange }).handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

async function open(url: string): Promise<Driver> {
  const socket = new WebSocket(url);
  const d = driver(socket, (onFrame, onClose) => {
    socket.addEventListener('message', (e) => onFrame(String(e.data)));
    socket.addEventListener('close', (e) => onClose(e.code));
  });
  await new Promise((resolve) => socket.addEventListener('open', resolve));
  return d;
}

describe('fuzz: MSW WebSocket handlers', { timeout: 300_000 }, () => {
  it('answer every generated client frame like the exchange, and keep the session', async () => {
    const sessions = [
      await open('wss://ascendex.com/api/pro/v1/stream'),
      await open(`wss://ascendex.com/6/api/pro/v1/stream`),
    ];
    const auth = await authFrame(NOW);
    await sessions[1]!.exchange({ kind: 'WsAuthRequest', text: JSON.stringify(auth) });
    const seen = new Set<string>();
    const valid = new Set<string>();
    const runs = runsOf(0.2);
    const started = performance.now();
    await fc.assert(
      fc.asyncProperty(wsCase(auth), fc.nat(1), async (c, which) => {
        seen.add(c.kind);
        const parsed = parseClientMessage(c.text);
        if (parsed.ok) valid.add(parsed.name);
        const frames = await sessions[which]!.exchange(c);
        checkWsFrames(c, frames);
      }),
      { numRuns: runs, seed: fuzzSeed + 2, endOnFailure: true },
    );
    report('WebSocket via MSW handlers', runs, performance.now() - started, fuzzSeed + 2);
    expect([...seen].sort()).toEqual([...clientMessageNames].sort());
    // Every kind was also sent valid (the generator is not only noise).
    expect([...valid].sort()).toEqual([...clientMessageNames].sort());
    for (const s of sessions) expect(s.socket.readyState).toBe(WebSocket.OPEN);
    for (const s of sessions) s.socket.close();
  });
});
