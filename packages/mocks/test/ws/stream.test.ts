// The WebSocket mocks through MSW, talked to by a plain global WebSocket: greeting, auth,
// subscriptions, streams, keep-alive, requests, refusals and faults. Every frame received by any
// client validates with the strict server-message validator (the injected bad frames excepted).
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { setupServer } from 'msw/node';
import { asyncapi } from '@ascendex-toolkit/spec';
import { validateServerMessage, parseJson } from '@ascendex-toolkit/validators';
import { defaultAccount, sign, signedMessage } from '../../src/index.js';
import { createWsHandlers, malformedFrame, unknownMessageFrame, type WsHandlersOptions } from '../../src/ws/index.js';
import { allFrames, connect, fakeBackend, manualClock, type Frame, type TestClient } from './helpers.js';

const PUBLIC = 'wss://ascendex.com/api/pro/v1/stream';
const GROUP = `wss://ascendex.com/${defaultAccount.accountGroup}/api/pro/v1/stream`;

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const open: TestClient[] = [];
afterEach(() => {
  for (const c of open.splice(0)) c.socket.close();
});

function mock(options: WsHandlersOptions = {}) {
  const mocks = createWsHandlers(options);
  server.use(...mocks.handlers);
  return mocks;
}
async function client(url = GROUP): Promise<TestClient> {
  const c = await connect(url);
  open.push(c);
  await c.next((f) => f.m === 'connected' || f.op === 'connected');
  return c;
}
async function authMessage(id = 'a1', t = Date.now(), secret = defaultAccount.secret, key = defaultAccount.apiKey) {
  return { op: 'auth', id, t, key, sig: await sign(secret, signedMessage(t, 'stream')) };
}
async function authed(url = GROUP): Promise<TestClient> {
  const c = await client(url);
  c.send(await authMessage('auth1'));
  expect(await c.next((f) => f.m === 'auth')).toMatchObject({ code: 0, id: 'auth1' });
  return c;
}
const depth = (seqnum: number | bigint, symbol = 'BTC/USDT') => ({
  kind: 'market' as const,
  topic: `depth:${symbol}`,
  message: { m: 'depth', symbol, data: { seqnum, ts: 1700000000000, asks: [['30000.5', '1.25']], bids: [] } } as never,
});

describe('session basics', () => {
  it('greets with the recorded connected message, or the op form on request', async () => {
    mock();
    const c = await client();
    expect(c.frames[0]).toEqual({ m: 'connected', type: 'unauth' });
    server.resetHandlers();
    mock({ greeting: 'op' });
    const d = await client(PUBLIC);
    expect(d.frames[0]).toEqual({ op: 'connected', type: 'unauth' });
  });

  it('authenticates by message and refuses bad signatures, unknown keys, stale times and the public URL', async () => {
    mock();
    const c = await client();
    c.send(await authMessage('bad', Date.now(), 'wrong-secret'));
    expect(await c.next((f) => f.id === 'bad')).toMatchObject({ m: 'auth', code: 200001 });
    c.send(await authMessage('stale', Date.now() - 60_000));
    expect(await c.next((f) => f.id === 'stale')).toMatchObject({ m: 'auth', code: 200001 });
    c.send(await authMessage('who', Date.now(), defaultAccount.secret, 'unknown-key'));
    expect(await c.next((f) => f.id === 'who')).toMatchObject({
      m: 'auth',
      code: 200006,
      err: 'Unable to find User Account Data',
    });
    // A string `t` is accepted, as the exchange accepts it; `ack: ready` is echoed.
    const t = Date.now();
    c.send({ ...(await authMessage('ok', t)), t: String(t), ack: 'ready' });
    expect(await c.next((f) => f.id === 'ok')).toEqual({ m: 'auth', id: 'ok', code: 0, ack: 'ready' });
    const p = await client(PUBLIC);
    p.send(await authMessage('pub'));
    expect(await p.next((f) => f.id === 'pub')).toMatchObject({ m: 'auth', code: 200001 });
  });

  it('answers client pings with pong, unless told to ignore them', async () => {
    const mocks = mock();
    const c = await client();
    c.send({ op: 'ping' });
    const pong = await c.next((f) => f.m === 'pong');
    expect(pong).toMatchObject({ code: 0, hp: 2 });
    expect(typeof pong.ts).toBe('number');
    mocks.faults.ignoreClientPings();
    c.send({ op: 'ping' });
    c.send({ op: 'sub', id: 'after', ch: 'bbo:BTC/USDT' });
    const from = c.frames.length;
    await c.next((f) => f.id === 'after', 2000, from);
    expect(c.frames.slice(from).filter((f) => f.m === 'pong')).toEqual([]);
  });
});

describe('subscriptions', () => {
  it('acknowledges sub and unsub (wildcards included) and refuses invalid and private channels', async () => {
    mock({ backend: fakeBackend() });
    const c = await client();
    c.send({ op: 'sub', id: 's1', ch: 'trades:BTC/USDT,ETH/USDT' });
    expect(await c.next((f) => f.id === 's1')).toEqual({ m: 'sub', id: 's1', ch: 'trades:BTC/USDT,ETH/USDT', code: 0 });
    c.send({ op: 'unsub', id: 'u1', ch: 'trades:*' });
    expect(await c.next((f) => f.id === 'u1')).toEqual({ m: 'unsub', id: 'u1', ch: 'trades:*', code: 0 });
    c.send({ op: 'sub', id: 's2', ch: 'order:cash' });
    expect(await c.next((f) => f.id === 's2')).toMatchObject({ m: 'sub', ch: 'order:cash', code: 100009 });
    c.send({ op: 'sub', id: 's3', ch: 'depth-realtime:BTC/USDT' });
    expect(await c.next((f) => f.id === 's3')).toMatchObject({ m: 'sub', code: 100009 });
    c.send({ op: 'sub', id: 's4', ch: 'candles:BTC/USDT' });
    expect(await c.next((f) => f.id === 's4')).toMatchObject({ m: 'sub', ch: 'candles:BTC/USDT', code: 100005 });
    c.send({ op: 'sub', id: 's5', ch: 'bbo:NOPE/USDT' });
    expect(await c.next((f) => f.id === 's5')).toMatchObject({
      m: 'sub',
      code: 100008,
      reason: 'Unable to handle symbol NOPE/USDT',
    });
    c.send({ op: 'unsub', id: 'u2', ch: 'bar:7' });
    expect(await c.next((f) => f.id === 'u2')).toMatchObject({ m: 'unsub', ch: 'bar:7', code: 100005 });
    // Unknown fields are ignored, as the exchange ignores them.
    c.send({ op: 'sub', id: 's6', ch: 'bbo:BTC/USDT', extra: true });
    expect(await c.next((f) => f.id === 's6')).toMatchObject({ code: 0 });
  });

  it('streams market data to subscribers only, with increasing seqnums, and stops after unsub', async () => {
    const backend = fakeBackend();
    mock({ backend });
    const sub = await client(PUBLIC);
    const other = await client(PUBLIC);
    sub.send({ op: 'sub', id: 's', ch: 'depth:BTC/USDT' });
    other.send({ op: 'sub', id: 'o', ch: 'depth:ETH/USDT' });
    await sub.next((f) => f.id === 's');
    await other.next((f) => f.id === 'o');
    for (const n of [1, 2, 3]) backend.emit(depth(n));
    await sub.next((f) => f.m === 'depth' && f.data.seqnum === 3);
    const seqnums = sub.frames.filter((f) => f.m === 'depth').map((f) => f.data.seqnum);
    expect(seqnums).toEqual([1, 2, 3]);
    expect(other.frames.filter((f) => f.m === 'depth')).toEqual([]);
    sub.send({ op: 'unsub', id: 'u', ch: 'depth' });
    await sub.next((f) => f.id === 'u');
    backend.emit(depth(4));
    other.send({ op: 'ping' });
    await other.next((f) => f.m === 'pong');
    expect(sub.frames.filter((f) => f.m === 'depth')).toHaveLength(3);
  });

  it('sends account events only to sessions authenticated as that account and subscribed to its order channel', async () => {
    const otherAccount = {
      ...defaultAccount,
      apiKey: 'OtherKey0000000000000000000000000',
      cashAccountId: 'cshOther',
      marginAccountId: 'marOther',
      userUID: 'U0000000002',
    };
    const backend = fakeBackend([defaultAccount, otherAccount]);
    mock({ backend, accounts: [defaultAccount, otherAccount] });
    const mine = await authed();
    const theirs = await client();
    theirs.send(await authMessage('x', Date.now(), otherAccount.secret, otherAccount.apiKey));
    await theirs.next((f) => f.id === 'x' && f.code === 0);
    const notSubscribed = await authed();
    mine.send({ op: 'sub', id: 'o', ch: `order:${defaultAccount.cashAccountId}` });
    theirs.send({ op: 'sub', id: 'o', ch: 'order:cash' });
    await mine.next((f) => f.id === 'o' && f.code === 0);
    await theirs.next((f) => f.id === 'o' && f.code === 0);
    const example = structuredClone(asyncapi.components.messages.OrderUpdateMessage!.examples![0]!.payload) as Frame;
    backend.emit({
      kind: 'account',
      accountId: defaultAccount.cashAccountId,
      topic: 'order:cash',
      message: { ...example, accountId: defaultAccount.cashAccountId } as never,
    });
    backend.emit({
      kind: 'account',
      accountId: defaultAccount.cashAccountId,
      topic: 'order:margin',
      message: { ...example, accountId: defaultAccount.cashAccountId } as never,
    });
    await mine.next((f) => f.m === 'order');
    for (const c of [theirs, notSubscribed]) {
      c.send({ op: 'ping' });
      await c.next((f) => f.m === 'pong');
    }
    expect(mine.frames.filter((f) => f.m === 'order')).toHaveLength(1);
    expect(theirs.frames.filter((f) => f.m === 'order')).toEqual([]);
    expect(notSubscribed.frames.filter((f) => f.m === 'order')).toEqual([]);
  });

  it('publishes events without a backend, and stops listening to the backend when the client leaves', async () => {
    const backend = fakeBackend();
    const mocks = mock({ backend });
    const c = await client(PUBLIC);
    expect(backend.listeners).toBe(1);
    c.send({ op: 'sub', id: 's', ch: 'depth:BTC/USDT' });
    await c.next((f) => f.id === 's');
    mocks.publish(depth(7));
    expect((await c.next((f) => f.m === 'depth')).data.seqnum).toBe(7);
    c.socket.close();
    await c.closed;
    // MSW tells the handler of the close after the client sees it: wait for that, not for a time.
    await vi.waitFor(() => expect(backend.listeners).toBe(0));
    expect(mocks.sessions()).toHaveLength(0);
  });
});

describe('keep-alive (on a clock the test moves)', () => {
  /** Lets the socket deliver what the session sent (a round trip through MSW), then returns the frames since `from`. */
  async function settle(c: TestClient, from: number): Promise<Frame[]> {
    c.send({ op: 'unsub', id: `settle${from}`, ch: 'bbo:NONE/USDT' });
    await c.next((f) => f.id === `settle${from}`, 2000, from);
    return c.frames.slice(from).filter((f) => f.id !== `settle${from}`);
  }

  it('pings a quiet client with hp, and disconnects it after the missed pongs', async () => {
    const clock = manualClock();
    mock({ pingIntervalMs: 30, clock });
    const c = await client();
    clock.advance(30);
    clock.advance(30);
    clock.advance(30);
    const close = await c.closed;
    const pings = c.frames.filter((f) => f.m === 'ping').map((f) => f.hp);
    expect(pings).toEqual([2, 1]);
    expect(c.frames.at(-1)).toEqual({
      m: 'disconnected',
      code: 100005,
      reason: 'INVALID_WS_REQUEST_DATA',
      info: 'Session is disconnected due to missing pong message from the client',
    });
    expect(close.code).toBe(1000);
  });

  it('keeps a client that answers with pong alive; stopServerPings stops pings and disconnects', async () => {
    const clock = manualClock();
    const mocks = mock({ pingIntervalMs: 30, healthPoints: 1, clock });
    const c = await client();
    for (let round = 0; round < 3; round++) {
      // A quiet round brings a ping; the pong (and the settling message after it) count as life for the next.
      const from = c.frames.length;
      clock.advance(30);
      await c.next((f) => f.m === 'ping', 2000, from);
      c.send({ op: 'pong' });
      await settle(c, c.frames.length);
      clock.advance(30);
    }
    expect(c.socket.readyState).toBe(WebSocket.OPEN);
    expect(c.frames.filter((f) => f.m === 'ping').length).toBe(3); // one a quiet round
    const quiet = await client();
    mocks.faults.stopServerPings();
    const before = quiet.frames.length;
    clock.advance(300);
    const after = await settle(quiet, before);
    expect(quiet.socket.readyState).toBe(WebSocket.OPEN);
    expect(after.filter((f) => f.m === 'ping')).toEqual([]);
  });

  it('spares a client that pings from server pings', async () => {
    const clock = manualClock();
    mock({ pingIntervalMs: 30, clientPingGraceMs: 10_000, clock });
    const c = await client();
    c.send({ op: 'ping' });
    await c.next((f) => f.m === 'pong');
    // The ping counted as life for one round; the grace covers the next four.
    for (let i = 0; i < 5; i++) clock.advance(30);
    await settle(c, c.frames.length);
    expect(c.frames.filter((f) => f.m === 'ping')).toEqual([]);
    expect(c.socket.readyState).toBe(WebSocket.OPEN);
  });
});

// One request per `op: req` kind, built from the spec's examples of the request messages.
// (The undocumented ones without an example get the smallest request the spec allows.)
const requestExamples = Object.values(asyncapi.operations)
  .filter((op) => op['x-ascendex-request']?.op === 'req')
  .map((op) => {
    const name = String(op.messages![0]!.$ref).split('/').pop()!;
    const action = op['x-ascendex-request']!.action!;
    const examples = asyncapi.components.messages[name]?.examples ?? [];
    const fallback = action === 'balance' ? { account: 'cash' } : { args: { symbol: 'BTC/USDT' } };
    const payload = (examples[0]?.payload ?? { op: 'req', action, ...fallback }) as Frame;
    return { name, request: { ...payload, id: `r${name.length}x` } as Frame };
  });

describe('requests', () => {
  it.each(requestExamples)('$name gets a spec-valid reply with its id or symbol', async ({ name, request }) => {
    const backend = fakeBackend();
    mock({ backend });
    const c = await authed();
    const from = c.frames.length;
    c.send(request);
    const reply = await c.next(() => true, 2000, from);
    const result = validateServerMessage(parseJson(c.raw[from]!));
    expect(result.ok, c.raw[from]).toBe(true);
    expect(reply.m, `${name} answered with an error: ${c.raw[from]}`).not.toBe('error');
    const args = request.args as Frame | undefined;
    if ('id' in reply) expect(reply.id).toBe(request.id);
    else expect(reply.symbol).toBe(args?.symbol);
    if (name === 'WsOpenOrderRequest') expect(reply).toMatchObject({ m: 'open-order', data: [] }); // the backend's answer
  });

  it('refuses private requests on an unauthenticated session and tells the backend who asks', async () => {
    const backend = fakeBackend();
    mock({ backend });
    const c = await client();
    c.send({ op: 'req', id: 'p1', action: 'open-order', account: 'cash' });
    expect(await c.next((f) => f.id === 'p1')).toMatchObject({
      m: 'error',
      code: 100009,
      reason: 'AUTHORIZATION_NEEDED',
    });
    expect(backend.seen).toEqual([]);
    c.send({ ...(await authMessage('a')), ack: 'ready' });
    c.send({ op: 'req', id: 'p2', action: 'open-order', account: 'cash' });
    await c.next((f) => f.id === 'p2');
    expect(backend.seen).toEqual([{ account: defaultAccount, ackMode: 'ready' }]);
  });

  it('answers bad frames with the exchange error message and keeps the session', async () => {
    mock();
    const c = await client();
    c.send('not json');
    expect(await c.next((f) => f.m === 'error')).toMatchObject({ code: 100005, reason: 'INVALID_WS_REQUEST_DATA' });
    c.send({ op: 'req', id: 'e1', action: 'trade-snapshot' });
    expect(await c.next((f) => f.id === 'e1')).toMatchObject({
      m: 'error',
      code: 100005,
      info: 'Invalid request action: trade-snapshot',
    });
    c.send({ op: 'dance', id: 'e2' });
    expect(await c.next((f) => f.id === 'e2')).toMatchObject({ m: 'error', code: 100005 });
    c.send('[1,2]');
    await c.next((f) => f.m === 'error' && f.id === undefined, 2000, 2);
    c.send({ op: 'auth', id: 'e3', t: 'yesterday', key: 'k', sig: 's' });
    expect(await c.next((f) => f.id === 'e3')).toMatchObject({ m: 'error', code: 100005 });
    c.send({ op: 'ping' });
    await c.next((f) => f.m === 'pong');
  });
});

describe('faults', () => {
  it('drops the connection now, and after N more messages', async () => {
    const mocks = mock({ backend: fakeBackend() });
    const c = await client();
    mocks.sessions()[0]!.faults.drop();
    expect((await c.closed).code).toBe(1006);
    const d = await client();
    mocks.faults.dropAfter(2);
    d.send({ op: 'sub', id: 'a', ch: 'bbo:BTC/USDT' });
    d.send({ op: 'sub', id: 'b', ch: 'trades:BTC/USDT' });
    d.send({ op: 'sub', id: 'c', ch: 'depth:BTC/USDT' });
    expect((await d.closed).code).toBe(1006);
    expect(d.frames.map((f) => f.id)).toEqual([undefined, 'a', 'b']);
  });

  it('skips a depth seqnum (a gap, later frames following it) and duplicates one', async () => {
    const backend = fakeBackend();
    const mocks = mock({ backend });
    const c = await client(PUBLIC);
    c.send({ op: 'sub', id: 's', ch: 'depth:BTC/USDT' });
    await c.next((f) => f.id === 's');
    backend.emit(depth(10));
    mocks.faults.skipDepthSeqnum();
    backend.emit(depth(11));
    backend.emit(depth(12));
    mocks.faults.duplicateDepth();
    backend.emit(depth(13));
    backend.emit(depth(144115188075855872n));
    await c.next((f) => f.m === 'depth' && typeof f.data.seqnum === 'bigint');
    expect(c.frames.filter((f) => f.m === 'depth').map((f) => f.data.seqnum)).toEqual([
      10,
      12,
      13,
      14,
      14,
      144115188075855873n,
    ]);
  });

  it('delays replies', async () => {
    const clock = manualClock();
    const mocks = mock({ clock });
    const c = await client();
    mocks.faults.delayReplies(150);
    c.send({ op: 'sub', id: 'late', ch: 'bbo:BTC/USDT' });
    c.send({ op: 'pong' }); // answered by nothing: when the session has read it, the sub was handled
    await vi.waitFor(() => expect(mocks.sessions()[0]!.topics.size).toBe(1));
    clock.advance(149);
    expect(c.frames.some((f) => f.id === 'late')).toBe(false);
    clock.advance(1);
    await c.next((f) => f.id === 'late');
  });

  it('sends a malformed frame and an unknown message on demand', async () => {
    const mocks = mock();
    const c = await client();
    mocks.faults.sendMalformedFrame().sendUnknownMessage();
    await c.next((f) => f.m === 'summary');
    expect(c.raw.slice(1)).toEqual([malformedFrame, unknownMessageFrame]);
    expect(() => JSON.parse(malformedFrame)).toThrow();
    expect(validateServerMessage(JSON.parse(unknownMessageFrame)).ok).toBe(false);
  });

  it('reads a negative delay as no delay and a negative count as drop now', async () => {
    const clock = manualClock();
    const mocks = mock({ clock });
    const c = await client();
    mocks.faults.delayReplies(150).delayReplies(-1);
    c.send({ op: 'ping' });
    // The clock never moves: the pong can only come undelayed.
    await c.next((f) => f.m === 'pong');
    mocks.faults.dropAfter(-3);
    expect((await c.closed).code).toBe(1006);
  });
});

describe('every frame', () => {
  it('validates with the strict server-message validator (the injected bad frames excepted)', () => {
    const frames = allFrames.filter((t) => t !== malformedFrame && t !== unknownMessageFrame);
    expect(frames.length).toBeGreaterThan(50);
    const invalid = frames.filter((t) => !validateServerMessage(parseJson(t)).ok);
    expect(invalid).toEqual([]);
  });
});
