// `ascendex-mock` as another team would run it: a child process on a free port, spoken to with real
// HTTP requests and a real WebSocket session (the `ws` package). Everything it answers validates.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import {
  parseJson,
  validateServerMessage,
  isGetDepthResponse,
  isGetAccountInfoResponse,
  isPlaceOrderResponse,
  isListOpenOrdersResponse,
  isGetCashBalanceResponse,
  isCancelOrderResponse,
} from '@ascendex-toolkit/validators';
import { sign, signedMessage } from '../../src/index.js';

const cli = fileURLToPath(new URL('../../dist/server/cli.js', import.meta.url));
const KEY = 'team-key-0001';
const SECRET = 'team-secret-which-must-never-be-printed';
const GROUP = 9;

let child: ChildProcess;
let output = '';
let restUrl = '';
let wsUrl = '';

beforeAll(async () => {
  child = spawn(
    process.execPath,
    [
      cli,
      '--port',
      '0',
      '--seed',
      '7',
      '--api-key',
      KEY,
      '--secret',
      SECRET,
      '--account-group',
      String(GROUP),
      '--market-interval',
      '100',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stderr!.on('data', (chunk) => (output += chunk));
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`ascendex-mock exited with ${code}: ${output}`)));
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const rest = /REST base URL: (\S+)/.exec(output);
      const ws = /^WebSocket URL: (\S+)/m.exec(output);
      if (rest && ws) {
        restUrl = rest[1]!;
        wsUrl = ws[1]!;
        resolve();
      }
    });
  });
}, 20_000);

afterAll(async () => {
  if (child.exitCode === null) {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
});

async function rest(method: string, path: string, options: { prehash?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.prehash) {
    const timestamp = String(Date.now());
    headers['x-auth-key'] = KEY;
    headers['x-auth-timestamp'] = timestamp;
    headers['x-auth-signature'] = await sign(SECRET, signedMessage(timestamp, options.prehash));
  }
  const response = await fetch(`${restUrl}${path}`, {
    method,
    headers,
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  return { status: response.status, body: parseJson(await response.text()) as any };
}

/** A WebSocket session that records every frame, validated as it arrives. */
async function session(url: string) {
  const socket = new WebSocket(url);
  const frames: any[] = [];
  const invalid: string[] = [];
  const waiters: { test: (f: any) => boolean; resolve: (f: any) => void }[] = [];
  socket.on('message', (data) => {
    const frame = parseJson(data.toString()) as any;
    const result = validateServerMessage(frame);
    if (!result.ok) invalid.push(`${result.error.message}: ${data.toString().slice(0, 200)}`);
    frames.push(frame);
    for (const w of [...waiters]) {
      if (!w.test(frame)) continue;
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(frame);
    }
  });
  await once(socket, 'open');
  const next = (test: (f: any) => boolean, ms = 5000) =>
    new Promise<any>((resolve, reject) => {
      const found = frames.find(test);
      if (found) return resolve(found);
      const timer = setTimeout(
        () => reject(new Error(`no such frame within ${ms} ms; got ${JSON.stringify(frames.slice(-5))}`)),
        ms,
      );
      waiters.push({ test, resolve: (f) => (clearTimeout(timer), resolve(f)) });
    });
  return { socket, frames, invalid, next, send: (m: unknown) => socket.send(JSON.stringify(m)) };
}

// A child process and real sockets: give each test more than the default five seconds.
describe('ascendex-mock', { timeout: 20_000 }, () => {
  it('prints its URLs and never the secret', () => {
    expect(restUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(wsUrl).toBe(`${restUrl.replace('http', 'ws')}/${GROUP}/api/pro/v1/stream`);
    expect(output).not.toContain(SECRET);
  });

  it('serves public REST data that validates', async () => {
    const { status, body } = await rest('GET', '/api/pro/v1/depth?symbol=BTC/USDT');
    expect(status).toBe(200);
    expect(isGetDepthResponse(body)).toBe(true);
  });

  it('answers signed REST calls with the configured credentials, and refuses a wrong signature', async () => {
    const info = await rest('GET', '/api/pro/v1/info', { prehash: 'info' });
    expect(isGetAccountInfoResponse(info.body)).toBe(true);
    expect(info.body.data.accountGroup).toBe(GROUP);
    const balance = await rest('GET', `/${GROUP}/api/pro/v1/cash/balance`, { prehash: 'balance' });
    expect(isGetCashBalanceResponse(balance.body)).toBe(true);
    const forged = await fetch(`${restUrl}/api/pro/v1/info`, {
      headers: { 'x-auth-key': KEY, 'x-auth-timestamp': String(Date.now()), 'x-auth-signature': 'A'.repeat(43) + '=' },
    });
    const refused = parseJson(await forged.text()) as any;
    expect(refused.code).toBe(200001);
    expect(JSON.stringify(refused)).not.toContain(SECRET);
  });

  it('answers a path the spec does not have with 404 and the error envelope', async () => {
    const { status, body } = await rest('GET', '/api/pro/v1/no-such-thing');
    expect(status).toBe(404);
    expect(body).toMatchObject({ code: 100001, reason: 'INVALID_HTTP_INPUT' });
  });

  it('streams depth to a public WebSocket subscriber, continuing sequence numbers', async () => {
    const s = await session(wsUrl.replace(`/${GROUP}/`, '/'));
    await s.next((f) => f.m === 'connected');
    s.send({ op: 'sub', id: 'd1', ch: 'depth:BTC/USDT' });
    await s.next((f) => f.m === 'sub' && f.id === 'd1');
    await s.next((f) => f.m === 'depth' && s.frames.filter((x) => x.m === 'depth').length >= 2);
    const seqnums = s.frames.filter((f) => f.m === 'depth').map((f) => BigInt(f.data.seqnum));
    for (let i = 1; i < seqnums.length; i++) expect(seqnums[i]! - seqnums[i - 1]!).toBe(1n);
    s.socket.close();
    expect(s.invalid).toEqual([]);
  });

  it('is one exchange behind both transports: an order placed over REST is reported on the socket and cancelled there', async () => {
    const s = await session(wsUrl);
    await s.next((f) => f.m === 'connected');
    const t = Date.now();
    s.send({ op: 'auth', id: 'a1', t, key: KEY, sig: await sign(SECRET, signedMessage(t, 'stream')) });
    await s.next((f) => f.m === 'auth' && f.id === 'a1' && f.code === 0);
    s.send({ op: 'sub', id: 's1', ch: 'order:cash' });
    await s.next((f) => f.m === 'sub' && f.id === 's1');

    const order = {
      time: Date.now(),
      symbol: 'BTC/USDT',
      orderPrice: '20000',
      orderQty: '0.01',
      orderType: 'limit',
      side: 'buy',
      id: 'team00001',
    };
    const placed = await rest('POST', `/${GROUP}/api/pro/v1/cash/order`, { prehash: 'order', body: order });
    expect(isPlaceOrderResponse(placed.body)).toBe(true);
    const orderId = placed.body.data.info.orderId as string;
    await s.next((f) => f.m === 'order' && f.data?.orderId === orderId);
    await s.next((f) => f.m === 'balance');

    const open = await rest('GET', `/${GROUP}/api/pro/v1/cash/order/open`, { prehash: 'order/open' });
    expect(isListOpenOrdersResponse(open.body)).toBe(true);
    expect(open.body.data.map((o: any) => o.orderId)).toContain(orderId);

    s.send({
      op: 'req',
      action: 'cancel-order',
      account: 'cash',
      id: 'c1',
      args: { orderId, symbol: 'BTC/USDT', time: Date.now() },
    });
    await s.next((f) => f.m === 'order' && f.action === 'cancel-order' && f.id === 'c1' && f.status === 'Ack');
    await s.next((f) => f.m === 'order' && f.data?.orderId === orderId && f.data.st === 'Canceled');
    const after = await rest('GET', `/${GROUP}/api/pro/v1/cash/order/open`, { prehash: 'order/open' });
    expect(after.body.data.map((o: any) => o.orderId)).not.toContain(orderId);
    const cancelAgain = await rest('DELETE', `/${GROUP}/api/pro/v1/cash/order`, {
      prehash: 'order',
      body: { orderId, symbol: 'BTC/USDT', time: Date.now() },
    });
    expect(isCancelOrderResponse(cancelAgain.body)).toBe(true);
    expect(cancelAgain.body.code).not.toBe(0);
    s.socket.close();
    expect(s.invalid).toEqual([]);
  });

  it('refuses a WebSocket connection to a path that is no stream', async () => {
    const socket = new WebSocket(`${restUrl.replace('http', 'ws')}/api/pro/v1/nope`);
    const [error] = await once(socket, 'error');
    expect(String(error)).toMatch(/404/);
  });
});
