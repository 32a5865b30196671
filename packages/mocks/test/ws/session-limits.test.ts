// The session's guarantees for long runs (issue 15), on simulated time: a session closed at any
// point of its handshake never listens to the exchange; the order channel honours its symbol; a
// slow reader is dropped at the buffer bound; an oversized frame is refused; a flood is dropped.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseJson } from '@ascendex-toolkit/validators';
import { defaultAccount, sign, signedMessage } from '../../src/index.js';
import { createMockExchange } from '../../src/exchange/index.js';
import { createWsSession, type WsSessionOptions } from '../../src/ws/index.js';
import { fakeBackend, type Frame } from './helpers.js';

function transport(buffered = () => 0) {
  const sent: string[] = [];
  const closes: [number, string][] = [];
  let drops = 0;
  return {
    sent,
    closes,
    get drops() {
      return drops;
    },
    frames: () => sent.map((t) => parseJson(t) as Frame),
    options: {
      send: (text: string) => void sent.push(text),
      close: (code: number, reason: string) => void closes.push([code, reason]),
      drop: () => void drops++,
      bufferedAmount: buffered,
    } satisfies Pick<WsSessionOptions, 'send' | 'close' | 'drop' | 'bufferedAmount'>,
  };
}

async function headers(t: number) {
  return {
    'x-auth-key': defaultAccount.apiKey,
    'x-auth-timestamp': String(t),
    'x-auth-signature': await sign(defaultAccount.secret, signedMessage(t, 'stream')),
  };
}

describe('a session closed during its handshake', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('never listens to the exchange, whenever the close comes (before open, during the header check, after the greeting)', async () => {
    const backend = fakeBackend(undefined, () => 1_700_000_000_000);
    const auth = await headers(1_700_000_000_000);
    // 1. closed before open() runs
    const early = createWsSession({ ...transport().options, backend, accountGroup: 6, headers: auth });
    early.close();
    await early.open();
    // 2. closed while the header signature is being checked (open() is awaiting it)
    for (let i = 0; i < 50; i++) {
      const io = transport();
      const s = createWsSession({ ...io.options, backend, accountGroup: 6, headers: auth });
      const opening = s.open();
      s.close();
      await opening;
      expect(s.state).toBe('closed');
      expect(io.sent).toEqual([]);
    }
    // 3. closed after the greeting, and a session whose headers fail
    const late = createWsSession({ ...transport().options, backend, accountGroup: 6, headers: auth });
    await late.open();
    expect(backend.listeners).toBe(1);
    late.close();
    const refused = createWsSession({ ...transport().options, backend, accountGroup: 6, headers: await headers(1) });
    await refused.open();
    expect(backend.listeners).toBe(0);
    // No timers left behind either: simulated time passes without a ping.
    await vi.advanceTimersByTimeAsync(120_000);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('the order channel with a symbol', () => {
  it("passes only that symbol's orders and the balances of its assets; unsub of the symbol ends it", async () => {
    const exchange = createMockExchange({ seed: 3, clock: () => 1_700_000_000_000 });
    const io = transport();
    const session = createWsSession({
      ...io.options,
      backend: exchange,
      accountGroup: 6,
      headers: await headers(1_700_000_000_000),
    });
    await session.open();
    await session.receive(JSON.stringify({ op: 'sub', id: 's', ch: `order:${defaultAccount.cashAccountId}:ETH/USDT` }));
    const order = (symbol: string, orderPrice: string) => ({
      time: 1_700_000_000_000,
      symbol,
      orderPrice,
      orderQty: '1',
      orderType: 'limit' as const,
      side: 'sell' as const,
    });
    exchange.placeOrder(defaultAccount, 'cash', order('BTC/USDT', '50000'), 'rest');
    exchange.placeOrder(defaultAccount, 'cash', order('ETH/USDT', '3000'), 'rest');
    const streamed = io.frames().filter((f) => f.m === 'order' || f.m === 'balance');
    expect(streamed.filter((f) => f.m === 'order').map((f) => f.data.s)).toEqual(['ETH/USDT']);
    expect(streamed.filter((f) => f.m === 'balance').map((f) => f.data.a)).toEqual(['ETH']);
    await session.receive(JSON.stringify({ op: 'unsub', id: 'u', ch: 'order:cash:ETH/USDT' }));
    expect([...session.topics]).toEqual([]);
    session.close();
  });
});

describe('bounds', () => {
  it('drops a reader whose unsent data passes maxBufferedBytes (the slow-reader policy)', async () => {
    let buffered = 0;
    const io = transport(() => buffered);
    const backend = fakeBackend();
    const session = createWsSession({ ...io.options, backend, maxBufferedBytes: 1000 });
    await session.open();
    await session.receive('{"op":"sub","id":"s","ch":"bbo:BTC/USDT"}');
    const bbo = {
      kind: 'market' as const,
      topic: 'bbo:BTC/USDT',
      message: { m: 'bbo', symbol: 'BTC/USDT', data: { ts: 1, bid: ['1', '1'], ask: ['2', '1'] } } as never,
    };
    backend.emit(bbo);
    expect(io.frames().map((f) => f.m)).toEqual(['connected', 'sub', 'bbo']);
    buffered = 1001;
    backend.emit(bbo);
    expect(io.drops).toBe(1);
    expect(session.state).toBe('closed');
    expect(backend.listeners).toBe(0);
  });

  it('refuses a frame longer than maxFrameLength unread, and drops a client whose frames pile up past maxPendingFrames', async () => {
    const io = transport();
    const session = createWsSession({ ...io.options, maxFrameLength: 100, maxPendingFrames: 3 });
    await session.open();
    await session.receive(JSON.stringify({ op: 'sub', id: 'x'.repeat(200), ch: 'bbo:BTC/USDT' }));
    expect(io.frames().at(-1)).toMatchObject({
      m: 'error',
      code: 100005,
      info: 'A frame may hold at most 100 characters',
    });
    const floods = [1, 2, 3, 4].map(() => session.receive('{"op":"ping"}'));
    await Promise.all(floods);
    expect(io.drops).toBe(1);
    expect(session.state).toBe('closed');
  });
});
