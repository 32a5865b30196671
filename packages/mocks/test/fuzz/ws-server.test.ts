// Schema-driven fuzzing of the standalone server's WebSocket endpoint over real sockets (the `ws`
// package): the same generated frames and properties as the MSW run. A frame past the server's
// frame limit (64 KiB) is the one case that ends a session: it must close with 1009 (message too
// big), and the next session works.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import WebSocket from 'ws';
import { parseClientMessage } from '@ascendex-toolkit/validators/exchange';
import { startMockServer, type MockServer } from '../../src/server/server.js';
import { createMockExchange } from '../../src/exchange/index.js';
import { fuzzSeed, runsOf } from './rest-cases.js';
import { report } from './report.js';
import { authFrame, checkWsFrames, clientMessageNames, wsCase } from './ws-cases.js';
import { driver, type Driver } from './ws-driver.js';

const NOW = 1_700_000_000_000;
let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ exchange: createMockExchange({ seed: 18, clock: () => NOW }), marketIntervalMs: 0 });
});
afterAll(() => server.close());

async function open(url: string): Promise<Driver> {
  const socket = new WebSocket(url);
  const d = driver(socket, (onFrame, onClose) => {
    socket.on('message', (data) => onFrame(String(data)));
    socket.on('close', (code) => onClose(code));
  });
  await new Promise((resolve, reject) => (socket.once('open', resolve), socket.once('error', reject)));
  return d;
}

describe('fuzz: ascendex-mock over WebSocket', { timeout: 300_000 }, () => {
  it('answers every generated client frame like the exchange, and keeps the session', async () => {
    const auth = await authFrame(NOW);
    const urls = [server.publicWsUrl, server.wsUrl];
    const sessions: Driver[] = [await open(urls[0]!), await open(urls[1]!)];
    await sessions[1]!.exchange({ kind: 'WsAuthRequest', text: JSON.stringify(auth) });
    const seen = new Set<string>();
    const valid = new Set<string>();
    let tooBig = 0;
    const runs = runsOf(0.2);
    const started = performance.now();
    await fc.assert(
      fc.asyncProperty(wsCase(auth), fc.nat(1), async (c, which) => {
        seen.add(c.kind);
        const parsed = parseClientMessage(c.text);
        if (parsed.ok) valid.add(parsed.name);
        if (Buffer.byteLength(c.text) > 64 * 1024) {
          tooBig++;
          const session = sessions[which]!;
          session.socket.send(c.text);
          expect(await session.closed).toBe(1009);
          sessions[which] = await open(urls[which]!);
          return;
        }
        checkWsFrames(c, await sessions[which]!.exchange(c));
      }),
      { numRuns: runs, seed: fuzzSeed + 3, endOnFailure: true },
    );
    report('WebSocket via ascendex-mock', runs, performance.now() - started, fuzzSeed + 3);
    expect([...seen].sort()).toEqual([...clientMessageNames].sort());
    // Every kind was also sent valid (the generator is not only noise).
    expect([...valid].sort()).toEqual([...clientMessageNames].sort());
    expect(tooBig).toBeGreaterThan(0);
    for (const s of sessions) expect(s.socket.readyState).toBe(WebSocket.OPEN);
    for (const s of sessions) s.socket.close();
  });
});
