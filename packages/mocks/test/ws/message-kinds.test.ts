// A contract test per server message kind: one session script against the stateful exchange behind
// the MSW socket makes the mocks send every kind of message the AsyncAPI document lists, and every
// frame they send validates as the kind it claims to be.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import { asyncapi } from '@ascendex-toolkit/spec';
import { parseJson, validateServerMessage } from '@ascendex-toolkit/validators';
import { createMockExchange, createWsHandlers, defaultAccount, sign, signedMessage } from '../../src/index.js';
import { connect, type Frame, type TestClient } from './helpers.js';

const GROUP = `wss://ascendex.com/${defaultAccount.accountGroup}/api/pro/v1/stream`;
const PUBLIC = 'wss://ascendex.com/api/pro/v1/stream';
/**
 * Kinds the mock exchange cannot be made to send: the exchange refuses a cancel-all only for
 * reasons the mock does not model (its account is never restricted), so only the spec's example
 * shows that reply.
 */
const UNREACHABLE = new Set(['CancelAllErrMessage']);

const server = setupServer();
const exchange = createMockExchange({ seed: 5 });
const clients: TestClient[] = [];
const kinds = new Map<string, number>();
const invalid: string[] = [];

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
  server.use(...createWsHandlers({ backend: exchange, pingIntervalMs: 60, healthPoints: 1 }).handlers);
});
afterAll(() => {
  for (const c of clients) c.socket.close();
  server.close();
});

async function open(url = GROUP): Promise<TestClient> {
  const c = await connect(url);
  clients.push(c);
  await c.next((f) => f.m === 'connected');
  return c;
}
async function auth(c: TestClient, ack?: 'ready'): Promise<void> {
  const t = exchange.now();
  c.send({
    op: 'auth',
    id: 'auth',
    t,
    key: defaultAccount.apiKey,
    sig: await sign(defaultAccount.secret, signedMessage(t, 'stream')),
    ...(ack ? { ack } : {}),
  });
  await c.next((f) => f.m === 'auth' && f.code === 0);
}
const order = (args: Record<string, unknown> = {}) => ({
  time: exchange.now(),
  symbol: 'BTC/USDT',
  orderPrice: '20000',
  orderQty: '0.01',
  orderType: 'limit',
  side: 'buy',
  ...args,
});
/** Sends a request and waits for its reply: the frame echoing its id, or (depth snapshots echo no id) the snapshot. */
const req = (c: TestClient, id: string, action: string, extra: Record<string, unknown>) => {
  const from = c.frames.length;
  c.send({ op: 'req', id, action, ...extra });
  const isReply = (f: Frame) => f.id === id || (String(f.m).startsWith('depth-snapshot') && !('id' in f));
  return c.next(isReply, 3000, from);
};

describe('every server message kind', () => {
  it('is sent by the mocks in one session script, each frame valid', async () => {
    // Public session: snapshots, trades, an unauthenticated realtime snapshot, a bad request.
    const pub = await open(PUBLIC);
    pub.send({ op: 'ping' });
    await pub.next((f) => f.m === 'pong');
    await req(pub, 'ds', 'depth-snapshot', { args: { symbol: 'BTC/USDT' } });
    await req(pub, 'top', 'depth-snapshot-top100', { args: { symbol: 'BTC/USDT' } });
    await req(pub, 'rt0', 'depth-snapshot-realtime', { args: { symbol: 'BTC/USDT' } });
    await req(pub, 'mt', 'market-trades', { args: { symbol: 'BTC/USDT' } });
    pub.send({ op: 'req', id: 'bad', action: 'trade-snapshot' });
    await pub.next((f) => f.m === 'error' && f.id === 'bad');
    pub.send({ op: 'sub', id: 'nosuch', ch: 'nosuch:BTC/USDT' });
    pub.send({ op: 'unsub', id: 'nosub', ch: 'nosuch:BTC/USDT' });
    await pub.next((f) => f.m === 'unsub' && f.id === 'nosub');

    // A failed authentication.
    const failed = await open();
    failed.send({ op: 'auth', id: 'x', t: exchange.now(), key: defaultAccount.apiKey, sig: 'A'.repeat(43) + '=' });
    await failed.next((f) => f.m === 'auth' && f.code !== 0);

    // Authenticated session: streams, orders, balances, requests.
    const c = await open();
    await auth(c);
    const channels = [
      'depth:BTC/USDT',
      'depth-realtime:BTC/USDT',
      'bbo:BTC/USDT',
      'trades:BTC/USDT',
      'bar:1:BTC/USDT',
      'ref-px:BTC',
      'order:cash',
      'order:margin',
    ];
    for (const [i, ch] of channels.entries()) {
      c.send({ op: 'sub', id: `sub${i}`, ch });
      await c.next((f) => f.m === 'sub' && f.id === `sub${i}` && f.code === 0);
    }
    for (let i = 0; i < 3; i++) exchange.stepMarket();
    await c.next((f) => f.m === 'ref-px');
    await req(c, 'rt', 'depth-snapshot-realtime', { args: { symbol: 'BTC/USDT' } });
    await req(c, 'rtx', 'depth-snapshot-realtime', { args: { symbol: 'USDT/ASD' } });

    const placed = await req(c, 'p1', 'place-order', { account: 'cash', args: order() });
    await req(c, 'p2', 'place-order', { account: 'cash', args: order({ orderPrice: '20000.001' }) });
    await req(c, 'p3', 'place-order', { account: 'margin', args: order() });
    await c.next((f) => f.m === 'balance' && f.ac === 'MARGIN');
    await req(c, 'st1', 'order-status', { account: 'cash', args: { orderId: placed.info.orderId } });
    await req(c, 'st2', 'order-status', { account: 'cash', args: { orderId: 'a0000000000000U0000000000nosuchid' } });
    await req(c, 'oo', 'open-order', { account: 'cash', args: {} });
    await req(c, 'bal', 'balance', { account: 'cash', args: {} });
    await req(c, 'mr', 'margin-risk', { account: 'margin', args: { symbol: 'BTC/USDT' } });
    await req(c, 'c1', 'cancel-order', {
      account: 'cash',
      args: { orderId: placed.info.orderId, symbol: 'BTC/USDT', time: exchange.now() },
    });
    await req(c, 'c2', 'cancel-order', {
      account: 'cash',
      args: { orderId: placed.info.orderId, symbol: 'BTC/USDT', time: exchange.now() },
    });
    await req(c, 'ca', 'cancel-all', { account: 'margin', args: { time: exchange.now() } });
    c.send({ op: 'unsub', id: 'u1', ch: 'depth:BTC/USDT' });
    await c.next((f) => f.m === 'unsub' && f.id === 'u1');

    // Ready Ack mode: a cancel of an order that is not open is rejected on the order channel.
    const ready = await open();
    await auth(ready, 'ready');
    ready.send({ op: 'sub', id: 'r', ch: 'order:cash' });
    await ready.next((f) => f.m === 'sub' && f.id === 'r');
    ready.send({
      op: 'req',
      id: 'rc',
      action: 'cancel-order',
      account: 'cash',
      args: { orderId: placed.info.orderId, symbol: 'BTC/USDT', time: exchange.now() },
    });
    await ready.next(
      (f) => (f.m === 'order' && f.data?.st === 'Rejected') || (f.m === 'order' && 'text' in (f.data ?? {})),
      3000,
    );

    // A quiet session is pinged, then disconnected.
    const quiet = await open(PUBLIC);
    await quiet.next((f) => f.m === 'disconnected', 3000);

    for (const client of clients) {
      for (const text of client.raw) {
        const result = validateServerMessage(parseJson(text));
        if (result.ok) kinds.set(result.name, (kinds.get(result.name) ?? 0) + 1);
        else invalid.push(`${result.error.message}: ${text.slice(0, 160)}`);
      }
    }
    expect(invalid).toEqual([]);
    const listed = asyncapi['x-ascendex-server-messages'] as string[];
    const missing = listed.filter((name) => !kinds.has(name) && !UNREACHABLE.has(name));
    expect(missing).toEqual([]);
    expect([...UNREACHABLE].every((name) => listed.includes(name))).toBe(true);
  }, 30_000);
});
