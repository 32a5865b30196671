// The WebSocket connection against the mocks' MSW `ws` handlers over a stateful mock exchange, on
// simulated time shared by the client and the mock sessions: greeting, authentication,
// keep-alive both ways, subscriptions and requests, reconnects, frames that cannot be read.
import { describe, expect, it } from 'vitest';
import { AscendexApiError, AscendexTimeoutError } from '../../src/index.js';
import {
  AscendexWsAuthError,
  AscendexWsClosedError,
  AscendexWsFrameError,
  AscendexWsUsageError,
  WsState,
  type WsCloseEvent,
  type WsInvalidFrame,
} from '../../src/ws/connection-index.js';
import { settle } from './support/fake-scheduler.js';
import {
  apiKey,
  connection,
  limitOrder,
  privateConnection,
  secret,
  take,
  useExchange,
  useMockServer,
} from './support/rig.js';

useMockServer();

describe('connecting and authenticating', () => {
  it('walks idle → connecting → open → authenticating → ready, and the iterator shows it', async () => {
    const rig = useExchange();
    const c = privateConnection(rig);
    const seen: string[] = [];
    const watching = (async () => {
      for await (const state of c.states()) seen.push(state);
    })();
    await c.connect();
    expect(c.state).toBe(WsState.Ready);
    expect(c.authenticated).toBe(true);
    await c.close();
    await watching;
    expect(seen).toEqual(['idle', 'connecting', 'open', 'authenticating', 'ready', 'closed']);
  });

  it('a states() loop that breaks stops listening at once', async () => {
    const rig = useExchange();
    const c = connection(rig);
    const states = c.states();
    const first = states.next();
    const pending = states.next(); // waits for a change that never comes
    await states.return!();
    expect(await first).toEqual({ value: 'idle', done: false });
    expect(await pending).toEqual({ value: undefined, done: true });
  });

  it.each(['m', 'op'] as const)('reads the greeting with `%s`', async (greeting) => {
    const rig = useExchange({ greeting });
    const c = connection(rig);
    await c.connect();
    expect(c.state).toBe('ready');
    expect(c.authenticated).toBe(false);
  });

  it('rejects a wrong secret with AscendexWsAuthError and closes', async () => {
    const rig = useExchange();
    const c = privateConnection(rig, { secret: 'not-the-secret' });
    const error = await c.connect().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AscendexWsAuthError);
    expect((error as AscendexWsAuthError).code).toBe(200001);
    expect(c.state).toBe('closed');
  });

  it('rejects an unknown key with the exchange code 200006', async () => {
    const rig = useExchange();
    const error = await privateConnection(rig, { apiKey: 'unknown-key' })
      .connect()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AscendexWsAuthError);
    expect((error as AscendexWsAuthError).code).toBe(200006);
  });

  it('signs with the scheduler clock plus the offset: 60 s off is refused, corrected it is accepted', async () => {
    const rig = useExchange();
    const off = await privateConnection(rig, { clockOffset: -60_000 })
      .connect()
      .catch((e: unknown) => e);
    expect(off).toBeInstanceOf(AscendexWsAuthError);
    // A local clock 60 s behind the server's, corrected by the offset a REST client measured.
    const restClient = { clockOffsetMs: 60_000 };
    const behind = { ...rig.fake, now: () => rig.fake.now() - 60_000 };
    await privateConnection(rig, { scheduler: behind, clockOffset: restClient }).connect();
  });

  it('refuses bad configuration and private calls without credentials, sending nothing', async () => {
    const rig = useExchange();
    expect(() => connection(rig, { apiKey: 'k' })).toThrow(AscendexWsUsageError);
    expect(() => connection(rig, { apiKey: 'k', secret: 's' })).toThrow(/accountGroup/);
    expect(() => connection(rig, { maxQueued: 0 })).toThrow(AscendexWsUsageError);
    expect(() => connection(rig, { maxFrameSize: 0 })).toThrow(AscendexWsUsageError);
    expect(() => connection(rig, { accountGroup: 6, apiKey, secret, auth: 'headers', ack: 'ready' })).toThrow(
      AscendexWsUsageError,
    );
    const c = connection(rig);
    await expect(c.subscribe('order', 'cash')).rejects.toThrow(AscendexWsUsageError);
    await expect(c.request('balance', { account: 'cash' })).rejects.toThrow(AscendexWsUsageError);
    await expect(
      c.subscribe(
        'trades',
        Array.from({ length: 11 }, (_, i) => `S${i}/USDT`),
      ),
    ).rejects.toThrow(AscendexWsUsageError);
    await expect(c.subscribe('depth', 'BTC/USDT:x')).rejects.toThrow(AscendexWsUsageError);
    expect(c.state).toBe('idle');
    expect(rig.mocks.sessions()).toHaveLength(0);
  });

  it('never shows the credentials', async () => {
    const rig = useExchange();
    const c = privateConnection(rig);
    await c.connect();
    const shown = JSON.stringify(c) + Object.keys(c).join();
    expect(shown).not.toContain(secret);
    expect(shown).not.toContain(apiKey);
    expect(JSON.parse(JSON.stringify(c))).toEqual({
      url: 'wss://ascendex.com/6/api/pro/v1/stream',
      state: 'ready',
      authenticated: true,
    });
  });
});

describe('keep-alive', () => {
  it('answers server pings with pong, so the server never disconnects it', async () => {
    const rig = useExchange({ pingIntervalMs: 15_000 });
    const c = connection(rig);
    let pings = 0;
    c.on('message', (m) => m.name === 'ServerPingMessage' && (pings += 1));
    const states: string[] = [];
    c.on('state', ({ to }) => states.push(to));
    await c.connect();
    await rig.fake.advance(5 * 60_000);
    expect(pings).toBeGreaterThanOrEqual(5);
    expect(c.state).toBe('ready');
    expect(states).not.toContain('reconnecting');
    expect(rig.mocks.sessions()).toHaveLength(1);
  });

  it('pings on its interval; a server that stops answering is given up (4000) and replaced', async () => {
    const rig = useExchange();
    const c = connection(rig, { pingIntervalMs: 15_000, maxMissedPongs: 2 });
    let pongs = 0;
    c.on('message', (m) => m.name === 'ServerPongMessage' && (pongs += 1));
    const closes: WsCloseEvent[] = [];
    c.on('close', (e) => closes.push(e));
    await c.connect();
    await rig.fake.advance(45_000);
    expect(pongs).toBe(3);
    const reconnects: number[] = [];
    c.on('reconnect', ({ attempt }) => reconnects.push(attempt));
    rig.mocks.faults.ignoreClientPings();
    await rig.fake.advance(44_999);
    expect(reconnects).toEqual([]); // two pings unanswered, the third interval not over
    await rig.fake.advance(1);
    expect(reconnects).toEqual([1]);
    expect(closes).toEqual([
      { url: 'wss://ascendex.com/api/pro/v1/stream', code: 4000, reason: 'no answer', by: 'client' },
    ]);
    rig.mocks.faults.ignoreClientPings(false);
    await rig.fake.until(() => c.state === 'ready', 'ready again');
  });
});

describe('subscriptions', () => {
  it('subscribes to several symbols at once and receives typed depth messages of each', async () => {
    const rig = useExchange();
    const c = connection(rig);
    const sub = await c.subscribe('depth', ['BTC/USDT', 'ETH/USDT']);
    expect(sub.topics).toEqual(['depth:BTC/USDT', 'depth:ETH/USDT']);
    rig.exchange.stepMarket();
    rig.exchange.stepMarket();
    const messages = await take(sub, 4);
    expect(new Set(messages.map((m) => m.symbol))).toEqual(new Set(['BTC/USDT', 'ETH/USDT']));
    for (const m of messages) expect(m.m).toBe('depth');
  });

  it('delivers bbo, trades, bar and ref-px of what was asked only', async () => {
    const rig = useExchange();
    const c = connection(rig);
    const bar = await c.subscribe('bar', '1', 'ETH/USDT');
    const trades = await c.subscribe('trades', 'BTC/USDT');
    const refPx = await c.subscribe('ref-px', 'BTC');
    for (let i = 0; i < 3; i++) rig.exchange.stepMarket();
    const [b] = await take(bar, 1);
    expect(b!.s).toBe('ETH/USDT');
    expect(b!.data.i).toBe('1');
    const [t] = await take(trades, 1);
    expect(t!.symbol).toBe('BTC/USDT');
    expect(typeof t!.data[0]!.seqnum).toBe('bigint'); // above 2^53, exact
    const [r] = await take(refPx, 1);
    expect(r!.m).toBe('ref-px');
  });

  it('a refused subscription rejects with the error of its code', async () => {
    const rig = useExchange();
    const c = connection(rig);
    const error = await c.subscribe('depth', 'NOPE/USDT').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AscendexApiError);
    expect((error as AscendexApiError).code).toBe(100008);
    expect(c.subscriptions).toHaveLength(0);
  });

  it('a subscription not acknowledged in time rejects with AscendexTimeoutError', async () => {
    const rig = useExchange();
    const c = connection(rig);
    await c.connect();
    rig.mocks.faults.delayReplies(5_000);
    const subscribing = c.subscribe('bbo', 'BTC/USDT').catch((e: unknown) => e);
    await rig.fake.advance(2_000);
    expect(await subscribing).toBeInstanceOf(AscendexTimeoutError);
    expect(c.subscriptions).toHaveLength(0);
  });

  it('wildcard unsubscribe stops what it names and nothing else', async () => {
    const rig = useExchange();
    const c = connection(rig);
    const depth = await c.subscribe('depth', ['BTC/USDT', 'ETH/USDT']);
    const bar = await c.subscribe('bar', '1', ['BTC/USDT', 'ETH/USDT']);
    const trades = await c.subscribe('trades', 'BTC/USDT');
    await c.unsubscribe('bar:*:BTC/USDT');
    expect(bar.topics).toEqual(['bar:1:ETH/USDT']);
    await c.unsubscribe('depth:*');
    expect(depth.active).toBe(false);
    expect(await depth[Symbol.asyncIterator]().next()).toEqual({ value: undefined, done: true }); // the iterator ends
    expect([...rig.mocks.sessions()[0]!.topics].sort()).toEqual(['bar:1:ETH/USDT', 'trades:BTC/USDT']);
    rig.exchange.stepMarket();
    const [b] = await take(bar, 1);
    expect(b!.s).toBe('ETH/USDT');
    await take(trades, 1);
    await trades.unsubscribe();
    expect(trades.active).toBe(false);
    expect([...rig.mocks.sessions()[0]!.topics]).toEqual(['bar:1:ETH/USDT']);
  });

  it('unsubscribing one handle keeps the topics another handle still needs', async () => {
    const rig = useExchange();
    const c = connection(rig);
    const a = await c.subscribe('depth', ['BTC/USDT', 'ETH/USDT']);
    await c.subscribe('depth', 'BTC/USDT');
    await a.unsubscribe();
    expect([...rig.mocks.sessions()[0]!.topics]).toEqual(['depth:BTC/USDT']);
  });

  it('breaking out of the loop unsubscribes, without waiting for the acknowledgement', async () => {
    const rig = useExchange();
    const c = connection(rig);
    const depth = await c.subscribe('depth', 'BTC/USDT');
    rig.exchange.stepMarket();
    for await (const update of depth) {
      expect(update.m).toBe('depth');
      break;
    }
    expect(depth.active).toBe(false);
    expect(c.subscriptions).toHaveLength(0);
    await settle();
    expect([...rig.mocks.sessions()[0]!.topics]).toEqual([]);
  });

  it('order and balance messages arrive typed, each on the channel of its category', async () => {
    const rig = useExchange();
    const c = privateConnection(rig);
    const cashOrders = await c.subscribe('order', 'cash');
    const marginOrders = await c.subscribe('order', 'margin');
    const cashBalances = await c.subscribe('balance', 'cash');
    const marginBalances = await c.subscribe('balance', 'margin');
    for (const account of ['cash', 'margin'] as const) {
      const ack = await c.request('place-order', { account, ...limitOrder, respInst: 'ACK' });
      expect(ack.status).toBe('Ack');
    }
    const [cashOrder] = await take(cashOrders, 1);
    const [marginOrder] = await take(marginOrders, 1);
    expect(cashOrder!.ac).toBe('CASH');
    expect(cashOrder!.kind).toBe('order-update');
    expect(marginOrder!.ac).toBe('MARGIN');
    expect(cashOrder!.data.s).toBe('BTC/USDT');
    const [cashBalance] = await take(cashBalances, 1);
    const [marginBalance] = await take(marginBalances, 1);
    expect(cashBalance!.ac).toBe('CASH');
    expect(marginBalance!.ac).toBe('MARGIN');
    expect(typeof cashBalance!.data.ab).toBe('string'); // decimal strings
  });
});

describe('requests', () => {
  it('depth-snapshot resolves with the snapshot, correlated by symbol', async () => {
    const rig = useExchange();
    const c = connection(rig);
    const [btc, eth] = await Promise.all([
      c.request('depth-snapshot', { symbol: 'BTC/USDT' }),
      c.request('depth-snapshot', { symbol: 'ETH/USDT' }),
    ]);
    expect(btc.m).toBe('depth-snapshot');
    expect(btc.symbol).toBe('BTC/USDT');
    expect(eth.symbol).toBe('ETH/USDT');
    expect(btc.data.asks.length).toBeGreaterThan(0);
  });

  it('depth-snapshot-realtime and its depth-realtime stream need auth and work with it', async () => {
    const rig = useExchange();
    const c = privateConnection(rig);
    const updates = await c.subscribe('depth-realtime', 'BTC/USDT');
    const snapshot = await c.request('depth-snapshot-realtime', { symbol: 'BTC/USDT' });
    expect(snapshot.m).toBe('depth-snapshot-realtime');
    rig.exchange.stepMarket();
    const [update] = await take(updates, 1);
    expect(update!.m).toBe('depth-realtime');
  });

  it('correlates by id: open orders, balances, market trades', async () => {
    const rig = useExchange();
    const c = privateConnection(rig);
    const [open, balance, trades] = await Promise.all([
      c.request('open-order', { account: 'cash' }),
      c.request('balance', { account: 'margin' }),
      c.request('market-trades', { symbol: 'BTC/USDT', level: 5 }),
    ]);
    expect(open.m).toBe('open-order');
    expect(balance.m).toBe('balance');
    expect(trades.m).toBe('market-trades');
  });

  it('a failure reply rejects with the error class of its code', async () => {
    const rig = useExchange();
    const c = privateConnection(rig);
    const error = await c
      .request('place-order', { account: 'cash', ...limitOrder, orderQty: '50' }) // 1.5 million USDT, more than the account holds
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AscendexApiError);
    expect((error as AscendexApiError).reason).toBe('INVALID_BALANCE');
  });

  it('times out with AscendexTimeoutError when no reply comes', async () => {
    const rig = useExchange();
    const c = connection(rig);
    await c.connect();
    rig.mocks.faults.delayReplies(500);
    const pending = c.request('depth-snapshot', { symbol: 'BTC/USDT' }, { timeoutMs: 50 }).catch((e: unknown) => e);
    await rig.fake.advance(49);
    await rig.fake.advance(1);
    expect(await pending).toBeInstanceOf(AscendexTimeoutError);
  });

  it('a request made before the connection is ready waits for it, within its timeout', async () => {
    const rig = useExchange();
    const c = connection(rig);
    const snapshot = await c.request('depth-snapshot', { symbol: 'ETH/USDT' }); // connects by itself
    expect(snapshot.symbol).toBe('ETH/USDT');
    expect(c.state).toBe('ready');
  });
});

describe('reconnecting', () => {
  it('a pending request rejects on disconnect; subscriptions and auth come back', async () => {
    const rig = useExchange();
    const c = privateConnection(rig);
    const depth = await c.subscribe('depth', ['BTC/USDT', 'ETH/USDT']);
    const orders = await c.subscribe('order', 'cash');
    rig.mocks.faults.delayReplies(1_000);
    const pending = c.request('depth-snapshot', { symbol: 'BTC/USDT' }).catch((e: unknown) => e);
    rig.mocks.faults.delayReplies(0);
    const closes: WsCloseEvent[] = [];
    c.on('close', (e) => closes.push(e));
    rig.mocks.faults.drop();
    const error = await pending;
    expect(error).toBeInstanceOf(AscendexWsClosedError);
    expect((error as AscendexWsClosedError).reason).toBe('connection-lost');
    expect(closes.map((e) => [e.code, e.by])).toEqual([[1006, 'server']]);
    await rig.fake.until(
      () => c.state === 'ready' && rig.mocks.sessions().length === 1 && rig.mocks.sessions()[0]!.topics.size === 3,
      'reconnected with every subscription restored',
    );
    expect(rig.mocks.sessions()[0]!.account).toBeDefined();
    expect(c.authenticated).toBe(true);
    rig.exchange.stepMarket();
    const [d] = await take(depth, 1);
    expect(d!.m).toBe('depth');
    await c.request('place-order', {
      account: 'cash',
      ...limitOrder,
      symbol: 'ETH/USDT',
      orderPrice: '2000',
      orderQty: '0.1',
    });
    const [o] = await take(orders, 1);
    expect(o!.ac).toBe('CASH');
  });

  it('closing rejects waiting requests and ends subscriptions', async () => {
    const rig = useExchange();
    const c = connection(rig);
    const sub = await c.subscribe('bbo', 'BTC/USDT');
    rig.mocks.faults.delayReplies(1_000);
    const pending = c.request('depth-snapshot', { symbol: 'BTC/USDT' });
    await settle();
    await c.close();
    await expect(pending).rejects.toBeInstanceOf(AscendexWsClosedError);
    expect(sub.active).toBe(false);
    await expect(c.request('depth-snapshot', { symbol: 'BTC/USDT' })).rejects.toBeInstanceOf(AscendexWsClosedError);
    await expect(c.subscribe('bbo', 'BTC/USDT')).rejects.toBeInstanceOf(AscendexWsClosedError);
    await expect(c.connect()).rejects.toBeInstanceOf(AscendexWsClosedError);
  });

  it('gives up after maxAttempts and closes', async () => {
    const rig = useExchange();
    const c = connection(rig, { reconnect: { baseDelayMs: 1, maxDelayMs: 2, maxAttempts: 0 } });
    await c.connect();
    rig.mocks.faults.drop();
    await settle();
    expect(c.state).toBe('closed');
  });
});

describe('frames that cannot be read', () => {
  const badDepth = {
    kind: 'market',
    topic: 'depth:BTC/USDT',
    message: { m: 'depth', symbol: 'BTC/USDT', data: { ts: 1, seqnum: 5, asks: [[40000, '1']], bids: [] } },
  } as const;

  it('a known kind with bad fields is an invalid-frame event while validating, and delivered with validate: false', async () => {
    const rig = useExchange();
    const strict = connection(rig);
    const lenient = connection(rig, { validate: false });
    const invalid: WsInvalidFrame[] = [];
    strict.on('invalid-frame', (f) => invalid.push(f));
    const strictDepth = await strict.subscribe('depth', 'BTC/USDT');
    const lenientDepth = await lenient.subscribe('depth', 'BTC/USDT');
    rig.mocks.publish(badDepth as never); // a price as a number: not a DepthMessage
    const [delivered] = await take(lenientDepth, 1);
    expect(delivered!.data.asks[0]![0]).toBe(40000);
    expect(invalid.map((f) => f.error.name)).toEqual(['ValidationError']);
    expect(strictDepth.active).toBe(true);
  });

  it('malformed, unknown and oversized frames become invalid-frame events; the connection carries on', async () => {
    const rig = useExchange();
    const c = connection(rig, { maxFrameSize: 2_000 });
    const invalid: WsInvalidFrame[] = [];
    c.on('invalid-frame', (f) => invalid.push(f));
    const depth = await c.subscribe('depth', 'BTC/USDT');
    rig.mocks.faults.sendMalformedFrame().sendUnknownMessage();
    const levels = Array.from({ length: 200 }, (_, i) => [`${40_000 + i}`, '1']);
    rig.mocks.publish({
      kind: 'market',
      topic: 'depth:BTC/USDT',
      message: { m: 'depth', symbol: 'BTC/USDT', data: { ts: 1, seqnum: 5, asks: levels, bids: [] } },
    } as never);
    await settle();
    expect(invalid.map((f) => f.error.name)).toEqual(['JsonParseError', 'UnknownMessageError', 'AscendexWsFrameError']);
    expect(invalid[2]!.error).toBeInstanceOf(AscendexWsFrameError);
    expect(invalid[2]!.length).toBeGreaterThan(2_000);
    expect(depth.queued).toBe(0);
    const snapshot = await c.request('depth-snapshot', { symbol: 'ETH/USDT' });
    expect(snapshot.symbol).toBe('ETH/USDT');
  });
});
