// The session on its own, as a server bridges it: the state machine, header authentication, the
// keep-alive under fake timers, drops through the transport's own `drop`, and a failing backend.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseJson, validateServerMessage } from '@ascendex-toolkit/validators';
import { defaultAccount, sign, signedMessage } from '../../src/index.js';
import { checkHeaderAuth, createWsSession, type WsSessionOptions } from '../../src/ws/index.js';
import { fakeBackend, type Frame } from './helpers.js';

function transport() {
  const sent: string[] = [];
  const closes: [number, string][] = [];
  const drops: number[] = [];
  return {
    sent,
    closes,
    drops,
    frames: () => sent.map((t) => parseJson(t) as Frame),
    options: {
      send: (text: string) => sent.push(text),
      close: (code: number, reason: string) => closes.push([code, reason]),
      drop: () => drops.push(1),
    } satisfies Pick<WsSessionOptions, 'send' | 'close' | 'drop'>,
  };
}

async function headers(t = Date.now(), secret = defaultAccount.secret) {
  return {
    'x-auth-key': defaultAccount.apiKey,
    'x-auth-timestamp': String(t),
    'x-auth-signature': await sign(secret, signedMessage(t, 'stream')),
  };
}

describe('session state machine', () => {
  it('ignores frames before open, answers while open and sends nothing once closed', async () => {
    const backend = fakeBackend();
    const io = transport();
    const session = createWsSession({ ...io.options, backend, accountGroup: 6 });
    expect(session.state).toBe('idle');
    await session.receive('{"op":"ping"}');
    expect(io.sent).toEqual([]);
    await session.open();
    expect(session.state).toBe('open');
    expect(backend.listeners).toBe(1);
    await session.receive('{"op":"sub","id":"s","ch":"bbo:BTC/USDT"}');
    expect([...session.topics]).toEqual(['bbo:BTC/USDT']);
    session.close();
    expect(session.state).toBe('closed');
    expect(backend.listeners).toBe(0);
    await session.receive('{"op":"ping"}');
    session.deliver({ kind: 'market', topic: 'bbo:BTC/USDT', message: { m: 'bbo' } as never });
    expect(io.frames().map((f) => f.m)).toEqual(['connected', 'sub']);
    expect(io.closes).toEqual([]);
  });

  it('drops through the transport drop, not a close frame', async () => {
    const io = transport();
    const session = createWsSession(io.options);
    await session.open();
    session.faults.drop();
    expect(io.drops).toEqual([1]);
    expect(io.closes).toEqual([]);
    expect(session.state).toBe('closed');
  });

  it('answers a failing backend with a server error and keeps going', async () => {
    const backend = {
      ...fakeBackend(),
      handleWsRequest: () => {
        throw new Error('boom');
      },
    };
    const io = transport();
    const session = createWsSession({ ...io.options, backend, accountGroup: 6, headers: await headers() });
    await session.open();
    await session.receive('{"op":"req","id":"r1","action":"open-order","account":"cash"}');
    await session.receive('{"op":"ping"}');
    expect(
      io
        .frames()
        .slice(1)
        .map((f) => [f.m, f.code]),
    ).toEqual([
      ['error', 510001],
      ['pong', 0],
    ]);
  });
});

describe('header authentication', () => {
  it('authenticates the session at open, greeting it as auth', async () => {
    const io = transport();
    const session = createWsSession({ ...io.options, accountGroup: '6', headers: await headers() });
    await session.open();
    expect(session.account).toBe(defaultAccount);
    expect(io.frames()[0]).toEqual({ m: 'connected', type: 'auth' });
  });

  it('refuses wrong headers: checkHeaderAuth says why, and a session closes without greeting', async () => {
    const wrong = await headers(Date.now(), 'another-secret');
    expect(await checkHeaderAuth(wrong, { accountGroup: 6 })).toMatchObject({ ok: false, code: 200001 });
    expect(await checkHeaderAuth(await headers(), {})).toMatchObject({ ok: false, code: 200001 }); // public URL
    expect(await checkHeaderAuth({}, { accountGroup: 6 })).toBeUndefined();
    expect(await checkHeaderAuth(await headers(), { accountGroup: 7 })).toMatchObject({ ok: false, code: 200006 });
    const io = transport();
    const session = createWsSession({ ...io.options, accountGroup: 6, headers: wrong });
    await session.open();
    expect(io.sent).toEqual([]);
    expect(io.closes).toEqual([[1008, 'Authentication failed: wrong signature']]);
    expect(session.state).toBe('closed');
  });
});

describe('keep-alive under fake timers', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('pings with decreasing hp, restores hp on pong, and disconnects after missed pings', async () => {
    const io = transport();
    const session = createWsSession({ ...io.options, pingIntervalMs: 1000, healthPoints: 3 });
    await session.open();
    await vi.advanceTimersByTimeAsync(2000);
    expect(
      io
        .frames()
        .filter((f) => f.m === 'ping')
        .map((f) => f.hp),
    ).toEqual([3, 2]);
    await session.receive('{"op":"pong"}');
    await vi.advanceTimersByTimeAsync(1000); // heard from the client: no ping this round
    await vi.advanceTimersByTimeAsync(4000);
    expect(
      io
        .frames()
        .filter((f) => f.m === 'ping')
        .map((f) => f.hp),
    ).toEqual([3, 2, 3, 2, 1]);
    expect(io.frames().at(-1)).toMatchObject({ m: 'disconnected', code: 100005 });
    expect(io.closes).toEqual([[1000, 'missing pong']]);
    expect(io.sent.every((t) => validateServerMessage(parseJson(t)).ok)).toBe(true);
  });

  it('delays replies by the fault delay', async () => {
    const io = transport();
    const session = createWsSession({ ...io.options, faults: { replyDelayMs: 500 } });
    await session.open();
    await session.receive('{"op":"ping"}');
    expect(io.frames().map((f) => f.m)).toEqual(['connected']);
    await vi.advanceTimersByTimeAsync(500);
    expect(io.frames().map((f) => f.m)).toEqual(['connected', 'pong']);
  });
});
