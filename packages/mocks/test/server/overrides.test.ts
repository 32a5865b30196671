// The standalone server's hooks for tests that need a misbehaving exchange: extra HTTP handlers asked
// before the generated ones, an event published as is, and the WebSocket faults of its sessions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startMockServer, type MockServer } from '../../src/server/server.js';
import { handleGetDepth, unknownMessageFrame } from '../../src/index.js';
import type { ServerMessage } from '@ascendex-toolkit/types';

let server: MockServer;

beforeAll(async () => {
  server = await startMockServer({
    marketIntervalMs: 0,
    httpHandlers: [handleGetDepth({ response: { code: 0, data: { m: 'depth-snapshot' } } as never }, { baseUrl: '*' })],
  });
});
afterAll(() => server.close());

/** Opens a public session and collects its frames; `until` waits for frames (not for time) until a check holds. */
async function session(): Promise<{
  socket: WebSocket;
  frames: string[];
  until: (check: () => boolean) => Promise<void>;
}> {
  const socket = new WebSocket(server.publicWsUrl);
  const frames: string[] = [];
  socket.on('message', (data) => frames.push(String(data)));
  await new Promise((resolve) => socket.once('open', resolve));
  const until = async (check: () => boolean) => {
    while (!check()) await new Promise((resolve) => socket.once('message', resolve));
  };
  return { socket, frames, until };
}

describe('startMockServer hooks', () => {
  it('asks the extra HTTP handlers first, and the generated ones for everything else', async () => {
    const depth = await fetch(`${server.restUrl}/api/pro/v1/depth?symbol=BTC/USDT`).then((r) => r.json());
    expect(depth).toEqual({ code: 0, data: { m: 'depth-snapshot' } });
    const assets = (await fetch(`${server.restUrl}/api/pro/v2/assets`).then((r) => r.json())) as { code: number };
    expect(assets.code).toBe(0);
  });

  it('publishes an event as is to the sessions subscribed to its topic', async () => {
    const { socket, frames, until } = await session();
    socket.send(JSON.stringify({ op: 'sub', id: 's1', ch: 'bbo:BTC/USDT' }));
    await until(() => frames.some((f) => f.includes('"s1"')));
    const bad = { m: 'bbo', symbol: 'BTC/USDT', data: { ts: 1, bid: 1, ask: ['1', '2'] } } as unknown as ServerMessage;
    server.publish({ kind: 'market', topic: 'bbo:BTC/USDT', message: bad });
    await until(() => frames.some((f) => f.includes('"bid":1')));
    socket.close();
  });

  it('sends the unknown message fault to every open session', async () => {
    const { socket, frames, until } = await session();
    await until(() => frames.length > 0); // greeted, so the session is open
    server.faults.sendUnknownMessage();
    await until(() => frames.includes(unknownMessageFrame));
    socket.close();
  });
});
