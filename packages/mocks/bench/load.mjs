// Load figures for the standalone server on loopback: the server's heap at baseline, under 1,000
// concurrent signed requests plus 200 subscribed sockets with the market stepping, and after they
// are gone (forced GC), and the time to stop on close(). The server runs in this process so its heap is
// the one measured. `node --expose-gc bench/load.mjs` (or `pnpm bench`).
import { once } from 'node:events';
import { request } from 'node:http';
import WebSocket from 'ws';
import { sign, signedMessage } from '../dist/index.js';
import { startMockServer } from '../dist/server/server.js';

if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc');
const mb = (n) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const heap = () => (globalThis.gc(), globalThis.gc(), process.memoryUsage().heapUsed);

function send(url, method, headers, body) {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, agent: false }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function round(server) {
  const group = server.account.accountGroup;
  const started = performance.now();
  const answers = await Promise.all(
    Array.from({ length: 1000 }, async (_, i) => {
      const t = String(Date.now());
      const post = i % 2 === 0;
      const prehash = post ? 'order' : 'balance';
      const headers = {
        'content-type': 'application/json',
        'x-auth-key': server.account.apiKey,
        'x-auth-timestamp': t,
        'x-auth-signature': await sign(server.account.secret, signedMessage(t, prehash)),
      };
      const body = post
        ? JSON.stringify({
            time: Date.now(),
            symbol: 'BTC/USDT',
            orderPrice: '20000',
            orderQty: '0.001',
            orderType: 'limit',
            side: 'buy',
          })
        : undefined;
      return send(
        `${server.restUrl}/${group}/api/pro/v1/cash/${post ? 'order' : 'balance'}`,
        post ? 'POST' : 'GET',
        headers,
        body,
      );
    }),
  );
  const requestsMs = performance.now() - started;
  const failed = answers.filter((a) => a.status !== 200 || JSON.parse(a.text).code !== 0).length;
  const sockets = await Promise.all(
    Array.from({ length: 200 }, async () => {
      const socket = new WebSocket(server.publicWsUrl);
      let frames = 0;
      socket.on('message', () => frames++);
      await once(socket, 'open');
      socket.send(JSON.stringify({ op: 'sub', id: 'd', ch: 'depth:BTC/USDT' }));
      socket.send(JSON.stringify({ op: 'sub', id: 't', ch: 'trades:BTC/USDT' }));
      return { socket, frames: () => frames };
    }),
  );
  for (let i = 0; i < 50; i++) server.exchange.stepMarket();
  await new Promise((resolve) => setTimeout(resolve, 200));
  const peak = process.memoryUsage().heapUsed;
  const frames = sockets.reduce((n, s) => n + s.frames(), 0);
  for (const s of sockets) s.socket.close();
  await Promise.all(sockets.map((s) => once(s.socket, 'close')));
  while (server.stats().sessions > 0 || server.stats().connections > 0) await new Promise((r) => setTimeout(r, 10));
  server.exchange.cancelAll(server.account, 'cash');
  return { requestsMs, failed, frames, peak };
}

const server = await startMockServer({ marketIntervalMs: 0, maxFinishedOrders: 1000 });
await round(server); // warm-up: JIT, lazily built tables
const baseline = heap();
const rounds = [];
for (let i = 0; i < 3; i++) rounds.push({ ...(await round(server)), after: heap() });
const closing = performance.now();
await server.close();
console.log(`load: ascendex-mock on loopback (node ${process.version}), 3 rounds after a warm-up`);
console.log(`  heap baseline ${mb(baseline)}`);
for (const [i, r] of rounds.entries())
  console.log(
    `  round ${i + 1}: 1,000 signed requests in ${Math.round(r.requestsMs)} ms (${r.failed} failed); 200 sockets got ${r.frames} frames; heap peak ${mb(r.peak)}, after ${mb(r.after)} (${r.after - baseline >= 0 ? '+' : ''}${mb(r.after - baseline)} vs baseline)`,
  );
console.log(`  close(): ${Math.round(performance.now() - closing)} ms`);
