// A bounded loopback load test of the standalone server: rounds of 1,000 concurrent signed requests
// and 200 concurrent sockets with subscriptions, every answer and frame checked; after each round
// no session, connection or exchange listener is left, and the heap returns to its baseline.
//
// The heap is measured after forced garbage collections, so this file runs in the `memory` project
// (vitest.config.ts), whose worker has --expose-gc. The server runs in this process, so the heap
// measured is its own (plus the clients', which are gone too after a round). Nothing here
// asserts a time: bench/load.mjs prints the timings.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { once } from 'node:events';
import WebSocket from 'ws';
import { request } from 'node:http';
import {
  isGetCashBalanceResponse,
  isGetDepthResponse,
  isListOpenOrdersResponse,
  isPlaceOrderResponse,
  parseJson,
  validateServerMessage,
} from '@ascendex-toolkit/validators';
import { createMockExchange, sign, signedMessage } from '../../src/index.js';
import { startMockServer, type MockServer } from '../../src/server/server.js';

const REQUESTS = 1000;
const SOCKETS = 200;
/** Every fourth request places an order; each round cancels them after. */
const ORDERS_PER_ROUND = REQUESTS / 4;
/**
 * The heap the measured rounds may leave behind. By its documentation the server keeps the open
 * orders (none after a round: they are cancelled) and up to `maxFinishedOrders` finished ones,
 * here one round's worth: after the warm-up round that retention is full, and each later round
 * only replaces what it keeps. So the bound is a margin for the runtime's own noise (compiled
 * code, inline caches, pools; up to 0.6 MB measured between runs), well under a leak of this
 * load: one session kept per socket (about 11 KB each) leaves over 2 MB a round, a kilobyte kept
 * per request 1 MB a round.
 */
const MARGIN_BYTES = 1.5 * 1024 * 1024;
const MEASURED_ROUNDS = 2;

/**
 * The exchange's clock stands still: a signature is checked against it when the request is handled,
 * and on a loaded machine the last of 1,000 concurrent requests can be handled more than the
 * 30 s a signature stays fresh after the first was signed.
 */
const NOW = 1_700_000_000_000;

let server: MockServer;
beforeAll(async () => {
  const exchange = createMockExchange({ seed: 9, maxFinishedOrders: ORDERS_PER_ROUND, clock: () => NOW });
  server = await startMockServer({ exchange, marketIntervalMs: 0 });
});
afterAll(() => server.close());

/** One request on a socket of its own (closed after the answer), so 1,000 of them are 1,000 connections. */
function send(url: string, method: string, headers: Record<string, string>, body?: string) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request(url, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function signedHeaders(prehash: string): Promise<Record<string, string>> {
  const t = String(server.exchange.now());
  return {
    'content-type': 'application/json',
    'x-auth-key': server.account.apiKey,
    'x-auth-timestamp': t,
    'x-auth-signature': await sign(server.account.secret, signedMessage(t, prehash)),
  };
}

/** A small limit buy far below the market: it rests until cancelled. */
const smallBuy = () =>
  ({
    time: server.exchange.now(),
    symbol: 'BTC/USDT',
    orderPrice: '20000',
    orderQty: '0.001',
    orderType: 'limit',
    side: 'buy',
  }) as const;

/** 1,000 concurrent signed requests (balance, open orders, depth, place order), all answered correctly; then the orders are cancelled. */
async function signedRequests(round: number): Promise<void> {
  const group = server.account.accountGroup;
  const kinds = [
    { method: 'GET', path: `/${group}/api/pro/v1/cash/balance`, prehash: 'balance', is: isGetCashBalanceResponse },
    {
      method: 'GET',
      path: `/${group}/api/pro/v1/cash/order/open`,
      prehash: 'order/open',
      is: isListOpenOrdersResponse,
    },
    { method: 'GET', path: '/api/pro/v1/depth?symbol=BTC/USDT', prehash: undefined, is: isGetDepthResponse },
    { method: 'POST', path: `/${group}/api/pro/v1/cash/order`, prehash: 'order', is: isPlaceOrderResponse },
  ];
  const answers = await Promise.all(
    Array.from({ length: REQUESTS }, async (_, i) => {
      const kind = kinds[i % kinds.length]!;
      const body =
        kind.method === 'POST'
          ? JSON.stringify({ ...smallBuy(), id: `load${round}x${String(i).padStart(6, '0')}` })
          : undefined;
      const headers = kind.prehash ? await signedHeaders(kind.prehash) : {};
      const { status, text } = await send(`${server.restUrl}${kind.path}`, kind.method, headers, body);
      const parsed = parseJson(text) as { code?: number };
      return { status, ok: kind.is(parsed), code: parsed.code };
    }),
  );
  expect(answers.filter((a) => a.status !== 200 || !a.ok || a.code !== 0)).toEqual([]);
  expect(server.exchange.openOrders(server.account, 'cash')).toHaveLength(ORDERS_PER_ROUND);
  await vi.waitFor(() => expect(server.stats().connections).toBe(0), { timeout: 30_000 });
  server.exchange.cancelAll(server.account, 'cash');
}

/** 200 concurrent sockets, half authenticated, subscribed to depth (and their orders): every frame valid, no seqnum gap; then all closed. */
async function subscribedSockets(): Promise<void> {
  const listenersBefore = server.exchange.listenerCount;
  const clients = await Promise.all(
    Array.from({ length: SOCKETS }, async (_, i) => {
      const authed = i % 2 === 0;
      const socket = new WebSocket(authed ? server.wsUrl : server.publicWsUrl);
      const frames: any[] = [];
      socket.on('message', (data) => frames.push(parseJson(String(data))));
      await once(socket, 'open');
      if (authed) {
        const t = server.exchange.now();
        const sig = await sign(server.account.secret, signedMessage(t, 'stream'));
        socket.send(JSON.stringify({ op: 'auth', id: 'a', t, key: server.account.apiKey, sig }));
        socket.send(JSON.stringify({ op: 'sub', id: 'o', ch: 'order:cash' }));
      }
      socket.send(JSON.stringify({ op: 'sub', id: 'd', ch: 'depth:BTC/USDT' }));
      while (!frames.some((f) => f.id === 'd')) await once(socket, 'message');
      return { socket, frames, authed };
    }),
  );
  expect(server.stats().sessions).toBe(SOCKETS);
  expect(server.exchange.listenerCount).toBe(listenersBefore + SOCKETS);
  for (let i = 0; i < 5; i++) server.exchange.stepMarket();
  const placed = server.exchange.placeOrder(server.account, 'cash', smallBuy(), 'rest');
  expect(placed.ok).toBe(true);
  const depthCount = (frames: any[]) => frames.filter((f) => f.m === 'depth').length;
  await Promise.all(
    clients.map(async (c) => {
      while (depthCount(c.frames) < 5 || (c.authed && !c.frames.some((f) => f.m === 'order' && !f.action)))
        await once(c.socket, 'message');
    }),
  );
  for (const c of clients) {
    const seqnums = c.frames.filter((f) => f.m === 'depth').map((f) => Number(f.data.seqnum));
    expect(seqnums.slice(1).every((s, i) => s === seqnums[i]! + 1)).toBe(true);
    expect(c.frames.every((f) => validateServerMessage(f).ok)).toBe(true);
    expect(c.frames.some((f) => f.m === 'order' && !f.action)).toBe(c.authed);
  }
  for (const c of clients) c.socket.close();
  await Promise.all(clients.map((c) => once(c.socket, 'close')));
  await vi.waitFor(() => expect(server.stats()).toEqual({ sessions: 0, connections: 0 }), { timeout: 30_000 });
  expect(server.exchange.listenerCount).toBe(listenersBefore);
  server.exchange.cancelAll(server.account, 'cash');
}

/** The heap once what is already due has run and two full collections have freed what they can. */
async function settledHeap(): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('the load test needs --expose-gc: run it in the `memory` project of vitest.config.ts');
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB`;

describe('load (loopback, bounded)', { timeout: 300_000 }, () => {
  it('answers 1,000 concurrent signed requests and 200 subscribed sockets round after round, and its heap returns to baseline', async () => {
    // The warm-up round: compiles the code paths, grows the tables that grow once, and fills the
    // finished-order retention. Its answers are checked like every other round's.
    await signedRequests(0);
    await subscribedSockets();
    expect(server.exchange.orderCount).toBe(ORDERS_PER_ROUND);
    const baseline = await settledHeap();
    const after: number[] = [];
    for (let round = 1; round <= MEASURED_ROUNDS; round++) {
      await signedRequests(round);
      await subscribedSockets();
      after.push(await settledHeap());
    }
    // What the server keeps: its retention bound of finished orders, no open order, no session.
    expect(server.exchange.orderCount).toBe(server.exchange.maxFinishedOrders);
    expect(server.exchange.openOrders(server.account, 'cash')).toEqual([]);
    expect(server.stats()).toEqual({ sessions: 0, connections: 0 });
    const growth = after.at(-1)! - baseline;
    console.log(
      `load: heap ${mb(baseline)} after the warm-up round, ${after.map(mb).join(', ')} after each measured round (bound: baseline + ${mb(MARGIN_BYTES)})`,
    );
    expect(growth).toBeLessThan(MARGIN_BYTES);
  });
});
