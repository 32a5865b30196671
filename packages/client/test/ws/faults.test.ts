// The ten faults of issue 14, one test (or two) each, through the public API on simulated time.
// Each failed against the client before the fix; the soak (soak.test.ts) adds the heap figures of
// faults 1 and 6, dead-port.e2e.test.ts fault 8 over a real socket, and no-websocket.plain.test.ts
// fault 7 on a Node without the flag.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createHttpHandlers,
  createMockExchange,
  createWsHandlers,
  handleGetExchangeLatency,
} from '@ascendex-toolkit/mocks';
import type { ExchangeClientMessage } from '@ascendex-toolkit/validators/exchange';
import { AscendexClient } from '../../src/index.js';
import {
  AscendexWsConnectError,
  AscendexWsUsageError,
  WsConnection,
  type WsCloseEvent,
  type WsInvalidFrame,
} from '../../src/ws/connection-index.js';
import { OrderBook, followOrderBook, type DepthUpdate, type ResyncEvent } from '../../src/ws/book-index.js';
import { watchOrderBook } from '../../src/ws/index.js';
import { generateMarket, snapshotAfter } from './support/book-stream.js';
import { FakeScheduler, settle } from './support/fake-scheduler.js';
import { fakeWebSocket } from './support/fake-socket.js';
import { handFedSource } from './support/hand-fed-source.js';
import {
  accountGroup,
  apiKey,
  backendOf,
  connection,
  limitOrder,
  privateConnection,
  secret,
  server,
  take,
  useExchange,
  useMockServer,
} from './support/rig.js';
import { rewritingHandlers } from './support/sessions.js';

useMockServer();
afterEach(() => vi.unstubAllGlobals());

describe('fault 1: the feed keeps nothing per update', () => {
  it('2,000 updates through followOrderBook are all collectable once applied', async () => {
    const gc = (globalThis as { gc?: () => void }).gc;
    expect(gc, 'the ws project runs with --expose-gc').toBeTypeOf('function');
    const market = generateMarket({ seed: 31, updates: 2_000 });
    const source = handFedSource(() => market.snapshot);
    const feed = followOrderBook(source, market.symbol, { scheduler: new FakeScheduler() });
    await settle();
    expect(feed.book.synced).toBe(true);
    const refs: WeakRef<DepthUpdate>[] = [];
    for (const update of market.updates) {
      const copy = structuredClone(update); // only the feed holds it after this loop
      refs.push(new WeakRef(copy));
      source.push(copy);
      await Promise.resolve();
    }
    market.updates.length = 0;
    await settle();
    expect(feed.book.seqnum).toBe(5_002_000);
    gc!();
    await settle();
    gc!();
    const alive = refs.filter((r) => r.deref() !== undefined).length;
    expect(alive, 'updates still reachable after being applied').toBeLessThanOrEqual(2);
    await feed.close();
  });
});

describe('fault 2: feed.close() on a quiet stream', () => {
  it('resolves at once, sends unsub, leaves no subscription and no resync event', async () => {
    const rig = useExchange();
    const c = connection(rig);
    await c.connect();
    const feed = watchOrderBook(c, 'BTC/USDT');
    await rig.fake.until(() => feed.book.synced, 'the book synced');
    const resyncs: ResyncEvent[] = [];
    feed.book.on('resync', (e) => resyncs.push(e));
    expect([...rig.mocks.sessions()[0]!.topics]).toEqual(['depth:BTC/USDT']);
    // The market is quiet: the subscription's next() waits. No simulated time passes below.
    let closed = false;
    void feed.close().then(() => (closed = true));
    await settle();
    expect(closed).toBe(true);
    expect([...rig.mocks.sessions()[0]!.topics]).toEqual([]); // the unsub reached the exchange
    expect(c.subscriptions).toEqual([]);
    expect(resyncs).toEqual([]);
    expect(feed.book.synced).toBe(false);
    await expect(feed.done).resolves.toBeUndefined();
    rig.exchange.stepMarket(); // nothing is buffered for nobody
    await settle();
    expect(c.subscriptions).toEqual([]);
  });

  it('closing the connection ends the feed without a resync event either', async () => {
    const rig = useExchange();
    const c = connection(rig);
    const feed = watchOrderBook(c, 'ETH/USDT');
    await rig.fake.until(() => feed.book.synced, 'the book synced');
    const resyncs: ResyncEvent[] = [];
    feed.book.on('resync', (e) => resyncs.push(e));
    await c.close();
    await expect(feed.done).resolves.toBeUndefined();
    expect(resyncs).toEqual([]);
  });
});

describe('fault 3: liveness is any frame', () => {
  /** Pongs without `code`, `ts` and `hp`: a pong the schema refuses. */
  const barePongs = (text: string) => (text.startsWith('{"m":"pong"') ? '{"m":"pong"}' : text);

  it.each([
    ['streaming', true],
    ['quiet but for its pongs', false],
  ])('a server whose pongs miss fields stays up for 5 simulated minutes, %s', async (_name, streaming) => {
    const fake = new FakeScheduler();
    const exchange = createMockExchange({ seed: 3, clock: () => fake.now() });
    const mock = rewritingHandlers({ backend: backendOf(exchange), clock: fake, rewrite: barePongs });
    server.resetHandlers(...mock.handlers);
    const c = connection({ fake }, { pingIntervalMs: 15_000, maxMissedPongs: 2 });
    const invalid: WsInvalidFrame[] = [];
    c.on('invalid-frame', (f) => invalid.push(f));
    let reconnects = 0;
    c.on('reconnect', () => (reconnects += 1));
    const depth = await c.subscribe('depth', 'BTC/USDT');
    const { updates } = generateMarket({ seed: 3, updates: 300 });
    for (const update of updates) {
      // One depth message a second, straight from the session.
      if (streaming) mock.sessions()[0]!.deliver({ kind: 'market', topic: 'depth:BTC/USDT', message: update as never });
      await fake.advance(1_000);
    }
    expect(reconnects).toBe(0);
    expect(c.state).toBe('ready');
    expect(mock.sessions()).toHaveLength(1);
    expect(invalid.length).toBe(20); // one client ping every 15 s, each answered with a bare pong
    expect(invalid.every((f) => f.error.name === 'ValidationError')).toBe(true);
    expect(depth.queued + depth.dropped).toBe(streaming ? 300 : 0);
  });
});

/** A book loaded with the market's snapshot, and the reasons of its resyncs. */
function bookOf(market: ReturnType<typeof generateMarket>): { book: OrderBook; reasons: string[] } {
  const book = new OrderBook(market.symbol);
  const reasons: string[] = [];
  book.on('resync', (e) => reasons.push(e.reason));
  book.reset(market.snapshot);
  return { book, reasons };
}

describe('fault 4: one update far ahead does not poison the book', () => {
  it('a 40-digit seqnum is dropped by the next snapshot, which syncs the book; covered updates go too', () => {
    const market = generateMarket({ seed: 41, updates: 30 });
    const { book, reasons } = bookOf(market);
    for (const u of market.updates.slice(0, 10)) book.update(u);
    const absurd = { ...market.updates[10]!, data: { ...market.updates[10]!.data, seqnum: 10n ** 39n } };
    expect(book.update(absurd)).toBe('resync');
    for (const u of market.updates.slice(10, 20)) expect(book.update(u)).toBe('buffered');
    expect(book.reset(snapshotAfter(market, 15))).toBe(true);
    expect(book.buffered).toBe(0);
    expect(book.seqnum).toBe(market.updates[19]!.data.seqnum);
    const reference = snapshotAfter(market, 20).data;
    expect({ asks: book.asks(), bids: book.bids() }).toEqual({ asks: reference.asks, bids: reference.bids });
    expect(reasons).toEqual(['gap']);
  });

  it('even when it is the last thing received before the snapshot', () => {
    const market = generateMarket({ seed: 42, updates: 10 });
    const { book } = bookOf(market);
    for (const u of market.updates.slice(0, 5)) book.update(u);
    book.update({ ...market.updates[5]!, data: { ...market.updates[5]!.data, seqnum: 10n ** 39n } });
    expect(book.reset(snapshotAfter(market, 5))).toBe(true);
    expect(book.seqnum).toBe(market.updates[4]!.data.seqnum);
  });
});

describe('fault 5: a crossed book is never synced', () => {
  it('an update that puts the best bid at or above the best ask resyncs with reason crossed', () => {
    const book = new OrderBook('ASD/USDT');
    const events: ResyncEvent[] = [];
    book.on('resync', (e) => events.push(e));
    const data = (seqnum: number, asks: [string, string][], bids: [string, string][]) => ({
      symbol: 'ASD/USDT',
      data: { seqnum, ts: 1, asks, bids },
    });
    book.reset(data(1, [['101', '1']], [['99', '1']]));
    expect(book.update(data(2, [], [['101', '2']]))).toBe('resync');
    expect(book.synced).toBe(false);
    expect(events).toMatchObject([{ reason: 'crossed', received: 2 }]);
    // A crossed snapshot is refused.
    expect(book.reset(data(5, [['100', '1']], [['100.5', '1']]))).toBe(false);
    expect(events.map((e) => e.reason)).toEqual(['crossed', 'crossed']);
    expect(book.synced).toBe(false);
  });
});

describe('fault 6: one huge update', () => {
  it('a 1,000,000-level update is refused whole (oversized); the book carries on after a snapshot', () => {
    const market = generateMarket({ seed: 61, updates: 20 });
    const { book, reasons } = bookOf(market);
    const before = book.snapshot();
    const huge = {
      ...market.updates[0]!,
      data: {
        ...market.updates[0]!.data,
        asks: Array.from({ length: 1_000_000 }, (_, i): [string, string] => [`${5_000_000 + i}`, '1']),
      },
    };
    expect(book.update(huge)).toBe('resync');
    expect(reasons).toEqual(['oversized']);
    expect(book.snapshot()).toEqual({ ...before, synced: false });
    expect(book.reset(snapshotAfter(market, 1))).toBe(true);
    for (const u of market.updates.slice(1)) expect(book.update(u)).toBe('applied');
  });

  it('maxLevelsPerUpdate sets the bound', () => {
    const book = new OrderBook('ASD/USDT', { maxLevelsPerUpdate: 3 });
    const levels = (n: number) => Array.from({ length: n }, (_, i): [string, string] => [`${10 + i}`, '1']);
    expect(book.reset({ symbol: 'ASD/USDT', data: { seqnum: 1, ts: 1, asks: levels(4), bids: [] } })).toBe(false);
    expect(book.reset({ symbol: 'ASD/USDT', data: { seqnum: 1, ts: 1, asks: levels(3), bids: [] } })).toBe(true);
    expect(book.update({ symbol: 'ASD/USDT', data: { seqnum: 2, ts: 1, asks: levels(2), bids: levels(2) } })).toBe(
      'resync',
    );
  });
});

describe('fault 7: no WebSocket implementation', () => {
  it('connect(), subscribe() and request() reject with AscendexWsUsageError; nothing is unhandled', async () => {
    vi.stubGlobal('WebSocket', undefined);
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const c = new WsConnection({ scheduler: new FakeScheduler() });
      await expect(c.connect()).rejects.toThrow(AscendexWsUsageError);
      await expect(c.connect()).rejects.toThrow(/--experimental-websocket/);
      await expect(c.subscribe('depth', 'BTC/USDT')).rejects.toThrow(AscendexWsUsageError);
      await expect(c.request('depth-snapshot', { symbol: 'BTC/USDT' })).rejects.toThrow(AscendexWsUsageError);
      const feed = watchOrderBook(c, 'BTC/USDT');
      await expect(feed.done).rejects.toThrow(AscendexWsUsageError);
      await settle();
      expect(unhandled).toEqual([]);
      expect(c.state).toBe('idle');
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});

describe('fault 8: a dead port', () => {
  it('reports every failed attempt with the URL and cause; the first connect() rejects at connectTimeoutMs', async () => {
    const fake = new FakeScheduler();
    const sockets = fakeWebSocket();
    const c = new WsConnection({
      WebSocket: sockets.WebSocket,
      url: 'ws://127.0.0.1:9/6/api/pro/v1/stream',
      apiKey,
      secret,
      scheduler: fake,
      random: () => 0.5,
    });
    const errors: unknown[] = [];
    c.on('error', (e) => errors.push(e));
    let outcome: unknown = 'pending';
    void c.connect().then(
      () => (outcome = 'ready'),
      (e: unknown) => (outcome = e),
    );
    // Every socket fails as an unreachable port does.
    let failed = 0;
    while (fake.now() < 1_700_000_000_000 + 9_999) {
      for (const socket of sockets.sockets.slice(failed)) socket.fail('connect ECONNREFUSED 127.0.0.1:9');
      failed = sockets.sockets.length;
      await fake.advance(1);
    }
    expect(outcome).toBe('pending');
    expect(errors.length).toBe(sockets.sockets.length);
    expect(errors.length).toBeGreaterThanOrEqual(6); // 250 ms doubling, half of each by the jitter
    errors.forEach((e, i) => {
      expect(e).toBeInstanceOf(AscendexWsConnectError);
      expect(e).toMatchObject({ url: 'ws://127.0.0.1:9/6/api/pro/v1/stream', attempt: i + 1, code: 1006 });
      expect((e as Error).message).toContain('connect ECONNREFUSED 127.0.0.1:9');
      expect((e as Error).message).not.toContain(secret);
    });
    await fake.advance(1);
    expect(outcome).toBeInstanceOf(AscendexWsConnectError);
    expect((outcome as Error).message).toMatch(/not ready within 10000 ms; last failure: connect ECONNREFUSED/);
    expect(c.state).toBe('idle'); // it stopped trying; a later connect() starts again
    expect(fake.pending).toBe(0);
  });

  it('a socket that opens but never greets is given up at connectTimeoutMs too', async () => {
    const fake = new FakeScheduler();
    const sockets = fakeWebSocket();
    const c = new WsConnection({
      WebSocket: sockets.WebSocket,
      scheduler: fake,
      connectTimeoutMs: 1_000,
      reconnect: false,
    });
    const errors: AscendexWsConnectError[] = [];
    c.on('error', (e) => errors.push(e as AscendexWsConnectError));
    const closes: WsCloseEvent[] = [];
    c.on('close', (e) => closes.push(e));
    const connecting = c.connect().catch((e: unknown) => e);
    sockets.last().open(false);
    await fake.advance(1_000);
    expect(errors.map((e) => e.detail)).toEqual(['no greeting within 1000 ms']);
    expect(closes).toMatchObject([{ code: 4000, by: 'client' }]);
    expect(await connecting).toBeInstanceOf(AscendexWsConnectError);
  });
});

describe('fault 8, continued: after a first connect() that failed', () => {
  it('the connection is idle and holds nothing; a later connect() starts over and succeeds', async () => {
    const fake = new FakeScheduler();
    const sockets = fakeWebSocket();
    const c = new WsConnection({ WebSocket: sockets.WebSocket, scheduler: fake, connectTimeoutMs: 1_000 });
    const first = c.connect().catch((e: unknown) => e);
    const pending = c.request('depth-snapshot', { symbol: 'BTC/USDT' }).catch((e: unknown) => e);
    sockets.last().fail('connect ECONNREFUSED 127.0.0.1:443');
    await fake.advance(1_000);
    expect(await first).toBeInstanceOf(AscendexWsConnectError);
    expect(await pending).toBeInstanceOf(AscendexWsConnectError); // no request waits on an idle connection
    expect(c.state).toBe('idle');
    expect(fake.pending).toBe(0);
    const tried = sockets.sockets.length;
    const second = c.connect();
    expect(sockets.sockets.length).toBe(tried + 1);
    sockets.last().open();
    await second;
    expect(c.state).toBe('ready');
  });
});

describe('fault 9: the REST clock offset and order times over the socket', () => {
  it('signs with the offset client.syncClock() measured, and fills place-order and cancel-order time with it', async () => {
    const local = new FakeScheduler();
    const serverTime = () => local.now() + 60_000; // the machine's clock is a minute behind
    const exchange = createMockExchange({ seed: 9, clock: serverTime });
    const orderTimes: unknown[] = [];
    const backend = {
      ...backendOf(exchange),
      handleWsRequest: (request: ExchangeClientMessage, session: Parameters<typeof exchange.handleWsRequest>[1]) => {
        const args = (request.value as { args?: { time?: unknown } }).args;
        if (request.name === 'WsPlaceOrderRequest' || request.name === 'WsCancelOrderRequest')
          orderTimes.push(args?.time);
        return exchange.handleWsRequest(request, session);
      },
    };
    const clock = { now: serverTime, setTimeout: local.setTimeout, clearTimeout: local.clearTimeout };
    // The mocks answer getExchangeLatency with the spec's example whatever their clock: answer it here.
    const latency = handleGetExchangeLatency({
      response: ({ params }) => {
        const echo = Number(params.requestTime);
        return {
          code: 0,
          data: { requestTimeEcho: echo, requestReceiveAt: serverTime(), latency: serverTime() - echo },
        };
      },
    });
    server.resetHandlers(
      latency,
      ...createHttpHandlers({ backend: exchange, clock: serverTime }),
      ...createWsHandlers({ backend, clock }).handlers,
    );
    const client = new AscendexClient({ clock: local.now, retry: false });
    const unsynced = privateConnection({ fake: local }, { reconnect: false });
    await expect(unsynced.connect()).rejects.toMatchObject({ name: 'AscendexWsAuthError', code: 200001 });
    expect(await client.syncClock()).toBe(60_000);
    const c = privateConnection({ fake: local }, { clockOffset: client });
    await c.connect();
    const ack = await c.request('place-order', { account: 'cash', ...limitOrder });
    expect(ack.status).toBe('Ack');
    await c.request('cancel-order', { account: 'cash', symbol: 'BTC/USDT', orderId: ack.info.orderId });
    expect(orderTimes).toEqual([serverTime(), serverTime()]);
  });
});

describe('fault 10: cancel rejections and 1007 closes', () => {
  it('order updates and cancel rejections arrive on one subscription with distinct kinds', async () => {
    const rig = useExchange();
    const c = privateConnection(rig, { ack: 'ready' });
    const orders = await c.subscribe('order', 'cash');
    const ack = await c.request('place-order', { account: 'cash', ...limitOrder });
    await c.request('cancel-order', { account: 'cash', symbol: 'BTC/USDT', orderId: ack.info.orderId });
    await c.request('cancel-order', { account: 'cash', symbol: 'BTC/USDT', orderId: ack.info.orderId }); // no longer open
    await settle();
    const messages = await take(orders, orders.queued);
    const kinds = messages.map((m) => m.kind);
    expect(kinds).toContain('order-update');
    expect(kinds.at(-1)).toBe('cancel-reject');
    const reject = messages.at(-1)!;
    if (reject.kind !== 'cancel-reject') throw new Error('unreachable');
    expect(reject.data.origOrderId).toBe(ack.info.orderId); // typed: only a cancel rejection has it
    expect(reject.data.st).toBe('Rejected');
  });

  it('a close with 1007 is a close event with its code and reason, then a reconnect', async () => {
    const fake = new FakeScheduler();
    const sockets = fakeWebSocket();
    const c = new WsConnection({ WebSocket: sockets.WebSocket, scheduler: fake, accountGroup });
    const closes: WsCloseEvent[] = [];
    c.on('close', (e) => closes.push(e));
    const reconnects: number[] = [];
    c.on('reconnect', (e) => reconnects.push(e.attempt));
    const connecting = c.connect();
    sockets.last().open();
    await connecting;
    sockets.last().serverClose(1007, 'Invalid UTF-8 in text frame');
    expect(closes).toEqual([
      {
        url: 'wss://ascendex.com/6/api/pro/v1/stream',
        code: 1007,
        reason: 'Invalid UTF-8 in text frame',
        by: 'server',
      },
    ]);
    expect(reconnects).toEqual([1]);
    expect(c.state).toBe('reconnecting');
  });
});
