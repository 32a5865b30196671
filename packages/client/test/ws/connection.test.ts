// The WebSocket connection against the mocks' MSW `ws` handlers over a stateful mock exchange:
// greeting, authentication, keep-alive both ways, subscriptions and requests, reconnects.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AscendexApiError, AscendexTimeoutError } from '../../src/index.js';
import {
  AscendexWsAuthError,
  AscendexWsClosedError,
  AscendexWsUsageError,
  WsState,
  type WsInvalidFrame,
} from '../../src/ws/connection-index.js';
import {
  apiKey,
  closeAll,
  connection,
  privateConnection,
  secret,
  server,
  take,
  until,
  useExchange,
} from './support.js';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(async () => {
  await closeAll();
  server.resetHandlers();
});
afterAll(() => server.close());

describe('connecting and authenticating', () => {
  it('walks idle → connecting → open → authenticating → ready, and the iterator shows it', async () => {
    useExchange();
    const c = privateConnection();
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

  it.each(['m', 'op'] as const)('reads the greeting with `%s`', async (greeting) => {
    useExchange({ greeting });
    const c = connection();
    await c.connect();
    expect(c.state).toBe('ready');
    expect(c.authenticated).toBe(false);
  });

  it('rejects a wrong secret with AscendexWsAuthError and closes', async () => {
    useExchange();
    const c = privateConnection({ secret: 'not-the-secret' });
    const error = await c.connect().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AscendexWsAuthError);
    expect((error as AscendexWsAuthError).code).toBe(200001);
    expect(c.state).toBe('closed');
  });

  it('rejects an unknown key with the exchange code 200006', async () => {
    useExchange();
    const error = await privateConnection({ apiKey: 'unknown-key' })
      .connect()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AscendexWsAuthError);
    expect((error as AscendexWsAuthError).code).toBe(200006);
  });

  it('signs with the clock: a timestamp 60 s off is refused', async () => {
    useExchange();
    const error = await privateConnection({ clock: () => Date.now() - 60_000 })
      .connect()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AscendexWsAuthError);
  });

  it('refuses bad configuration and private calls without credentials, sending nothing', async () => {
    expect(() => connection({ apiKey: 'k' })).toThrow(AscendexWsUsageError);
    expect(() => connection({ apiKey: 'k', secret: 's' })).toThrow(/accountGroup/);
    const c = connection();
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
  });

  it('never shows the credentials', async () => {
    useExchange();
    const c = privateConnection();
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
    const { mocks } = useExchange({ pingIntervalMs: 20 });
    const c = connection();
    const pings: unknown[] = [];
    c.on('message', (m) => m.name === 'ServerPingMessage' && pings.push(m));
    const states: string[] = [];
    c.on('state', ({ to }) => states.push(to));
    await c.connect();
    await until(() => pings.length >= 4, 3_000, 'four server pings');
    expect(c.state).toBe('ready');
    expect(states).not.toContain('reconnecting');
    expect(mocks.sessions()).toHaveLength(1);
  });

  it('pings on its interval; a server that stops answering is declared dead and replaced', async () => {
    const { mocks } = useExchange();
    const c = connection({ pingIntervalMs: 20, maxMissedPongs: 2 });
    const pongs: unknown[] = [];
    c.on('message', (m) => m.name === 'ServerPongMessage' && pongs.push(m));
    await c.connect();
    await until(() => pongs.length >= 2, 3_000, 'pongs to client pings');
    const reconnects: number[] = [];
    c.on('reconnect', ({ attempt }) => reconnects.push(attempt));
    mocks.faults.ignoreClientPings();
    await until(() => reconnects.length >= 1, 3_000, 'a reconnect after missed pongs');
    mocks.faults.ignoreClientPings(false);
    await until(() => c.state === 'ready', 3_000, 'ready again');
  });
});

describe('subscriptions', () => {
  it('subscribes to several symbols at once and receives typed depth messages of each', async () => {
    const { exchange } = useExchange();
    const c = connection();
    const sub = await c.subscribe('depth', ['BTC/USDT', 'ETH/USDT']);
    expect(sub.topics).toEqual(['depth:BTC/USDT', 'depth:ETH/USDT']);
    exchange.stepMarket();
    exchange.stepMarket();
    const messages = await take(sub, 4);
    expect(new Set(messages.map((m) => m.symbol))).toEqual(new Set(['BTC/USDT', 'ETH/USDT']));
    for (const m of messages) expect(m.m).toBe('depth');
  });

  it('delivers bbo, trades, bar and ref-px of what was asked only', async () => {
    const { exchange } = useExchange();
    const c = connection();
    const bar = await c.subscribe('bar', '1', 'ETH/USDT');
    const trades = await c.subscribe('trades', 'BTC/USDT');
    const refPx = await c.subscribe('ref-px', 'BTC');
    for (let i = 0; i < 3; i++) exchange.stepMarket();
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
    useExchange();
    const c = connection();
    const error = await c.subscribe('depth', 'NOPE/USDT').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AscendexApiError);
    expect((error as AscendexApiError).code).toBe(100008);
    expect(c.subscriptions).toHaveLength(0);
  });

  it('wildcard unsubscribe stops what it names and nothing else', async () => {
    const { exchange, mocks } = useExchange();
    const c = connection();
    const depth = await c.subscribe('depth', ['BTC/USDT', 'ETH/USDT']);
    const bar = await c.subscribe('bar', '1', ['BTC/USDT', 'ETH/USDT']);
    const trades = await c.subscribe('trades', 'BTC/USDT');
    await c.unsubscribe('bar:*:BTC/USDT');
    expect(bar.topics).toEqual(['bar:1:ETH/USDT']);
    await c.unsubscribe('depth:*');
    expect(depth.active).toBe(false);
    expect(await take(depth, 1)).toEqual([]); // the iterator ends
    expect([...mocks.sessions()[0]!.topics].sort()).toEqual(['bar:1:ETH/USDT', 'trades:BTC/USDT']);
    exchange.stepMarket();
    const [b] = await take(bar, 1);
    expect(b!.s).toBe('ETH/USDT');
    await take(trades, 1);
    await trades.unsubscribe();
    expect(trades.active).toBe(false);
    expect([...mocks.sessions()[0]!.topics]).toEqual(['bar:1:ETH/USDT']);
  });

  it('unsubscribing one handle keeps the topics another handle still needs', async () => {
    const { mocks } = useExchange();
    const c = connection();
    const a = await c.subscribe('depth', ['BTC/USDT', 'ETH/USDT']);
    await c.subscribe('depth', 'BTC/USDT');
    await a.unsubscribe();
    expect([...mocks.sessions()[0]!.topics]).toEqual(['depth:BTC/USDT']);
  });

  it('order and balance messages arrive typed, each on the channel of its category', async () => {
    const { exchange } = useExchange();
    const c = privateConnection();
    const cashOrders = await c.subscribe('order', 'cash');
    const marginOrders = await c.subscribe('order', 'margin');
    const cashBalances = await c.subscribe('balance', 'cash');
    const marginBalances = await c.subscribe('balance', 'margin');
    for (const account of ['cash', 'margin'] as const) {
      const ack = await c.request('place-order', {
        account,
        symbol: 'BTC/USDT',
        orderType: 'limit',
        side: 'buy',
        orderPrice: '30000',
        orderQty: '0.01',
        time: exchange.now(),
        respInst: 'ACK',
      });
      expect(ack.status).toBe('Ack');
    }
    const [cashOrder] = await take(cashOrders, 1);
    const [marginOrder] = await take(marginOrders, 1);
    expect(cashOrder!.ac).toBe('CASH');
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
    useExchange();
    const c = connection();
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
    const { exchange } = useExchange();
    const c = privateConnection();
    const updates = await c.subscribe('depth-realtime', 'BTC/USDT');
    const snapshot = await c.request('depth-snapshot-realtime', { symbol: 'BTC/USDT' });
    expect(snapshot.m).toBe('depth-snapshot-realtime');
    exchange.stepMarket();
    const [update] = await take(updates, 1);
    expect(update!.m).toBe('depth-realtime');
  });

  it('correlates by id: open orders, balances, market trades', async () => {
    useExchange();
    const c = privateConnection();
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
    useExchange();
    const c = privateConnection();
    const error = await c
      .request('place-order', {
        account: 'cash',
        symbol: 'BTC/USDT',
        orderType: 'limit',
        side: 'buy',
        orderPrice: '30000',
        orderQty: '50', // 1.5 million USDT, more than the account holds
        time: Date.now(),
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AscendexApiError);
    expect((error as AscendexApiError).reason).toBe('INVALID_BALANCE');
  });

  it('times out with AscendexTimeoutError when no reply comes', async () => {
    const { mocks } = useExchange();
    const c = connection();
    await c.connect();
    mocks.faults.delayReplies(500);
    const error = await c.request('depth-snapshot', { symbol: 'BTC/USDT' }, { timeoutMs: 50 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AscendexTimeoutError);
    mocks.faults.reset();
  });
});

describe('reconnecting', () => {
  it('a pending request rejects on disconnect; subscriptions and auth come back', async () => {
    const { exchange, mocks } = useExchange();
    const c = privateConnection();
    const depth = await c.subscribe('depth', ['BTC/USDT', 'ETH/USDT']);
    const orders = await c.subscribe('order', 'cash');
    mocks.faults.delayReplies(1_000);
    const pending = c.request('depth-snapshot', { symbol: 'BTC/USDT' });
    mocks.faults.delayReplies(0);
    mocks.faults.drop();
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AscendexWsClosedError);
    expect((error as AscendexWsClosedError).reason).toBe('connection-lost');
    await until(() => c.state === 'ready' && mocks.sessions().length === 1, 3_000, 'reconnected');
    await until(() => mocks.sessions()[0]!.topics.size === 3, 3_000, 'subscriptions restored');
    expect(mocks.sessions()[0]!.account).toBeDefined();
    expect(c.authenticated).toBe(true);
    exchange.stepMarket();
    const [d] = await take(depth, 1);
    expect(d!.m).toBe('depth');
    await c.request('place-order', {
      account: 'cash',
      symbol: 'ETH/USDT',
      orderType: 'limit',
      side: 'buy',
      orderPrice: '2000',
      orderQty: '0.1',
      time: Date.now(),
    });
    const [o] = await take(orders, 1);
    expect(o!.ac).toBe('CASH');
  });

  it('closing rejects waiting requests and ends subscriptions', async () => {
    const { mocks } = useExchange();
    const c = connection();
    const sub = await c.subscribe('bbo', 'BTC/USDT');
    mocks.faults.delayReplies(1_000);
    const pending = c.request('depth-snapshot', { symbol: 'BTC/USDT' });
    await new Promise((r) => setTimeout(r, 10));
    await c.close();
    await expect(pending).rejects.toBeInstanceOf(AscendexWsClosedError);
    expect(sub.active).toBe(false);
    await expect(c.request('depth-snapshot', { symbol: 'BTC/USDT' })).rejects.toBeInstanceOf(AscendexWsClosedError);
    mocks.faults.reset();
  });

  it('backs off exponentially with jitter up to maxDelayMs (an implementation whose sockets never open)', async () => {
    const created: string[] = [];
    /** A WebSocket implementation whose every socket closes at once (1006), as with an unreachable host. */
    class Unreachable {
      readonly readyState = 3;
      constructor(url: string) {
        created.push(url);
      }
      send(): void {}
      close(): void {}
      addEventListener(type: string, listener: (event: never) => void): void {
        if (type === 'close') setTimeout(() => listener({ code: 1006, reason: '' } as never), 0);
      }
    }
    const c = connection({
      WebSocket: Unreachable,
      baseUrl: 'wss://example.invalid',
      reconnect: { baseDelayMs: 4, maxDelayMs: 20, maxAttempts: 6 },
      random: () => 0.5,
    });
    const delays: number[] = [];
    c.on('reconnect', ({ delayMs }) => delays.push(delayMs));
    const error = await c.connect().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AscendexWsClosedError);
    expect(delays).toEqual([2, 4, 8, 10, 10, 10]); // half (the jitter) of 4, 8, 16, 20, 20, 20
    expect(created).toHaveLength(7);
    expect(created[0]).toBe('wss://example.invalid/api/pro/v1/stream');
    expect(c.state).toBe('closed');
  });

  it('gives up after maxAttempts and closes', async () => {
    const { mocks } = useExchange();
    const c = connection({ reconnect: { baseDelayMs: 1, maxDelayMs: 2, maxAttempts: 0 } });
    await c.connect();
    mocks.faults.drop();
    await until(() => c.state === 'closed', 2_000, 'closed');
  });
});

describe('frames that cannot be read', () => {
  const badDepth = {
    kind: 'market',
    topic: 'depth:BTC/USDT',
    message: { m: 'depth', symbol: 'BTC/USDT', data: { ts: 1, seqnum: 5, asks: [[40000, '1']], bids: [] } },
  } as const;

  it('a known kind with bad fields is an invalid-frame event while validating, and delivered with validate: false', async () => {
    const { mocks } = useExchange();
    const strict = connection();
    const lenient = connection({ validate: false });
    const invalid: WsInvalidFrame[] = [];
    strict.on('invalid-frame', (f) => invalid.push(f));
    const strictDepth = await strict.subscribe('depth', 'BTC/USDT');
    const lenientDepth = await lenient.subscribe('depth', 'BTC/USDT');
    mocks.publish(badDepth as never); // a price as a number: not a DepthMessage
    const [delivered] = await take(lenientDepth, 1);
    expect(delivered!.data.asks[0]![0]).toBe(40000);
    await until(() => invalid.length === 1, 2_000, 'the invalid frame');
    expect(invalid[0]!.error.name).toBe('ValidationError');
    expect(strictDepth.active).toBe(true);
  });

  it('malformed and unknown frames become invalid-frame events; the connection carries on', async () => {
    const { mocks } = useExchange();
    const c = connection();
    const invalid: WsInvalidFrame[] = [];
    c.on('invalid-frame', (f) => invalid.push(f));
    await c.connect();
    mocks.faults.sendMalformedFrame().sendUnknownMessage();
    await until(() => invalid.length === 2, 2_000, 'two invalid frames');
    expect(invalid.map((f) => f.error.name)).toEqual(['JsonParseError', 'UnknownMessageError']);
    const snapshot = await c.request('depth-snapshot', { symbol: 'ETH/USDT' });
    expect(snapshot.symbol).toBe('ETH/USDT');
  });
});
