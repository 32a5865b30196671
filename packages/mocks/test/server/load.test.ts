// A bounded loopback load test of the standalone server: 1,000 concurrent signed requests and 200
// concurrent sockets with subscriptions, all answered correctly; afterwards no session, connection
// or exchange listener is left. Memory figures are printed (bench/load.mjs measures them with a
// forced GC); nothing here asserts a time.
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
import { sign, signedMessage } from '../../src/index.js';
import { startMockServer, type MockServer } from '../../src/server/server.js';

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ seed: 9, marketIntervalMs: 0 });
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

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

async function signedHeaders(prehash: string): Promise<Record<string, string>> {
  const t = String(server.exchange.now());
  return {
    'content-type': 'application/json',
    'x-auth-key': server.account.apiKey,
    'x-auth-timestamp': t,
    'x-auth-signature': await sign(server.account.secret, signedMessage(t, prehash)),
  };
}

describe('load (loopback, bounded)', { timeout: 300_000 }, () => {
  it('answers 1,000 concurrent signed requests correctly', async () => {
    const heapBefore = process.memoryUsage().heapUsed;
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
      Array.from({ length: 1000 }, async (_, i) => {
        const kind = kinds[i % kinds.length]!;
        const body =
          kind.method === 'POST'
            ? JSON.stringify({
                time: server.exchange.now(),
                symbol: 'BTC/USDT',
                orderPrice: '20000',
                orderQty: '0.001',
                orderType: 'limit',
                side: 'buy',
                id: `load${String(i).padStart(6, '0')}`,
              })
            : undefined;
        const headers = kind.prehash ? await signedHeaders(kind.prehash) : {};
        const { status, text } = await send(`${server.restUrl}${kind.path}`, kind.method, headers, body);
        const parsed = parseJson(text) as { code?: number };
        return { status, ok: kind.is(parsed), code: parsed.code };
      }),
    );
    expect(answers.filter((a) => a.status !== 200 || !a.ok || a.code !== 0)).toEqual([]);
    expect(server.exchange.openOrders(server.account, 'cash')).toHaveLength(250);
    await vi.waitFor(() => expect(server.stats().connections).toBe(0), { timeout: 30_000 });
    console.log(
      `load: 1,000 signed requests; heap ${mb(heapBefore)} before, ${mb(process.memoryUsage().heapUsed)} after`,
    );
  });

  it('serves 200 concurrent sockets with subscriptions, then leaves no session, connection or listener', async () => {
    const listenersBefore = server.exchange.listenerCount;
    const clients = await Promise.all(
      Array.from({ length: 200 }, async (_, i) => {
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
    expect(server.stats().sessions).toBe(200);
    expect(server.exchange.listenerCount).toBe(listenersBefore + 200);
    for (let i = 0; i < 5; i++) server.exchange.stepMarket();
    server.exchange.placeOrder(
      server.account,
      'cash',
      {
        time: server.exchange.now(),
        symbol: 'BTC/USDT',
        orderPrice: '20000',
        orderQty: '0.001',
        orderType: 'limit',
        side: 'buy',
      },
      'rest',
    );
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
  });
});
