// `ascendex-mock` as a child process against the probes that once crashed, hung or 500'd it (issue
// 15), each answered now with the exchange's envelope while the process stays up; then a busy
// port and SIGTERM.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { isGetBarHistoryResponse, isPlaceOrderResponse, parseJson } from '@ascendex-toolkit/validators';
import { sign, signedMessage } from '../../src/index.js';

const cli = fileURLToPath(new URL('../../dist/server/cli.js', import.meta.url));
const KEY = 'probe-key';
const SECRET = 'probe-secret';

interface Mock {
  readonly child: ChildProcess;
  readonly restUrl: string;
  readonly wsUrl: string;
  readonly output: () => string;
}

async function startCli(args: string[]): Promise<Mock> {
  const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`ascendex-mock exited with ${code}: ${output}`)));
    child.stdout!.on('data', () => {
      const rest = /REST base URL: (\S+)/.exec(output);
      const ws = /^WebSocket URL: (\S+)/m.exec(output);
      if (rest && ws) resolve({ child, restUrl: rest[1]!, wsUrl: ws[1]!, output: () => output });
    });
  });
}

/** A raw request (any method, any body) and its answer. */
function raw(url: string, method: string, headers: Record<string, string> = {}, body?: string) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: any; text: string }>(
    (resolve, reject) => {
      const req = request(
        url,
        {
          method,
          headers: { ...headers, ...(body !== undefined ? { 'content-length': String(Buffer.byteLength(body)) } : {}) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown;
            try {
              parsed = text ? parseJson(text) : undefined;
            } catch {
              parsed = undefined;
            }
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: parsed, text });
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    },
  );
}

async function signed(prehash: string): Promise<Record<string, string>> {
  const t = String(Date.now());
  return {
    'x-auth-key': KEY,
    'x-auth-timestamp': t,
    'x-auth-signature': await sign(SECRET, signedMessage(t, prehash)),
  };
}

let mock: Mock;
beforeAll(async () => {
  mock = await startCli(['--port', '0', '--api-key', KEY, '--secret', SECRET, '--market-interval', '0']);
}, 60_000);
afterAll(async () => {
  if (mock.child.exitCode === null) {
    mock.child.kill('SIGKILL');
    await once(mock.child, 'exit');
  }
});

describe('ascendex-mock survives the probes', { timeout: 60_000 }, () => {
  it('refuses TRACE (and CONNECT) with 405 and the envelope instead of exiting', async () => {
    const trace = await raw(`${mock.restUrl}/api/pro/v1/depth`, 'TRACE');
    expect(trace.status).toBe(405);
    expect(trace.body).toMatchObject({ code: 100001, reason: 'INVALID_HTTP_INPUT' });
    const connect = await raw(`${mock.restUrl}/api/pro/v1/depth`, 'PROPFIND');
    expect(connect.status).toBe(405);
    expect(mock.child.exitCode).toBeNull();
  });

  it('answers HEAD like GET (headers only) and a method the route lacks with 405 and Allow', async () => {
    const head = await raw(`${mock.restUrl}/api/pro/v1/depth?symbol=BTC/USDT`, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-type']).toBe('application/json');
    expect(head.text).toBe('');
    const put = await raw(`${mock.restUrl}/api/pro/v1/depth?symbol=BTC/USDT`, 'PUT');
    expect(put.status).toBe(405);
    expect(put.headers.allow).toBe('GET, HEAD');
  });

  it('answers barhist with `to` far beyond 2^53 at once (refused), and the largest timestamp with 500 bars at most', async () => {
    const huge = await raw(
      `${mock.restUrl}/api/pro/v1/barhist?symbol=BTC/USDT&interval=1&to=10000000000000000000000`,
      'GET',
    );
    expect(huge.body).toMatchObject({ code: 100004, reason: 'INVALID_REQUEST_DATA' });
    const last = await raw(
      `${mock.restUrl}/api/pro/v1/barhist?symbol=BTC/USDT&interval=1m&to=253402300799999&n=100000`,
      'GET',
    );
    expect(isGetBarHistoryResponse(last.body)).toBe(true);
    expect(last.body.data).toHaveLength(500);
    const before = await raw(`${mock.restUrl}/api/pro/v1/barhist?symbol=BTC/USDT&interval=1w&to=0&n=500`, 'GET');
    expect(before.body.data).toHaveLength(1);
  });

  it('answers null, non-object and deeply nested order bodies with the JSON refusal, never 500', async () => {
    const url = `${mock.restUrl}/6/api/pro/v1/cash/order`;
    for (const body of ['null', '[null,null]', '"abc"', '['.repeat(10_000) + ']'.repeat(10_000)]) {
      const answer = await raw(url, 'POST', { ...(await signed('order')), 'content-type': 'application/json' }, body);
      expect(answer.status, body.slice(0, 20)).toBe(200);
      expect(answer.body, body.slice(0, 20)).toMatchObject({ code: 150001, reason: 'INVALID_JSON_FORMAT' });
      expect(isPlaceOrderResponse(answer.body)).toBe(true);
    }
    const batch = await raw(
      `${mock.restUrl}/6/api/pro/v1/cash/order/batch`,
      'POST',
      await signed('order/batch'),
      '{"orders":[null]}',
    );
    expect(batch.body).toMatchObject({ code: 100004, reason: 'INVALID_REQUEST_DATA' });
  });

  it('accepts DELETE order/all without a body, and refuses int64 and timestamp values beyond their range', async () => {
    const all = await raw(`${mock.restUrl}/6/api/pro/v1/cash/order/all`, 'DELETE', await signed('order/all'));
    expect(all.body).toMatchObject({ code: 0, data: { action: 'cancel-all', status: 'Ack' } });
    const sn = await raw(
      `${mock.restUrl}/api/pro/data/v2/order/hist?account=cash&seqNum=18446744073709551616`,
      'GET',
      await signed('data/v2/order/hist'),
    );
    expect(sn.body).toMatchObject({ code: 100004 });
    const time = await raw(
      `${mock.restUrl}/6/api/pro/v1/cash/order`,
      'POST',
      await signed('order'),
      '{"time":9007199254740993,"symbol":"BTC/USDT","orderQty":"0.01","orderType":"market","side":"buy"}',
    );
    expect(time.body).toMatchObject({ code: 100004, reason: 'INVALID_REQUEST_DATA' });
  });

  it('refuses a body over the limit with 413, and headers over the limit with 431', async () => {
    const big = await raw(
      `${mock.restUrl}/6/api/pro/v1/cash/order`,
      'POST',
      await signed('order'),
      'x'.repeat(5 * 1024 * 1024),
    );
    expect(big.status).toBe(413);
    expect(big.body).toMatchObject({ code: 100001 });
    const headers = await raw(`${mock.restUrl}/api/pro/v1/depth?symbol=BTC/USDT`, 'GET', {
      'x-pad': 'y'.repeat(20_000),
    });
    expect(headers.status).toBe(431);
    expect(headers.body).toMatchObject({ code: 100001, reason: 'INVALID_HTTP_INPUT' });
  });

  it("refuses a signed request to another account group than the key's", async () => {
    const other = await raw(`${mock.restUrl}/7/api/pro/v1/cash/balance`, 'GET', await signed('balance'));
    expect(other.body).toMatchObject({ code: 200006, reason: 'ACCOUNT_ERROR' });
    const own = await raw(`${mock.restUrl}/6/api/pro/v1/cash/balance`, 'GET', await signed('balance'));
    expect(own.body.code).toBe(0);
  });

  it('answers exchange-info from its clock, echoing requestTime', async () => {
    const requestTime = Date.now();
    const answer = await raw(`${mock.restUrl}/api/pro/v1/exchange-info?requestTime=${requestTime}`, 'GET');
    const answered = Date.now();
    expect(answer.body.data.requestTimeEcho).toBe(requestTime);
    expect(answer.body.data.latency).toBe(answer.body.data.requestReceiveAt - requestTime);
    // The mock's clock is this machine's: it received the request between sending and answer.
    expect(answer.body.data.requestReceiveAt).toBeGreaterThanOrEqual(requestTime);
    expect(answer.body.data.requestReceiveAt).toBeLessThanOrEqual(answered);
  });

  it('refuses a subscription to a symbol it does not list with 100008', async () => {
    const socket = new WebSocket(mock.wsUrl.replace('/6/', '/'));
    const frames: any[] = [];
    socket.on('message', (data) => frames.push(parseJson(String(data))));
    await once(socket, 'open');
    socket.send(JSON.stringify({ op: 'sub', id: 's1', ch: 'depth:NOPE/USDT' }));
    socket.send(JSON.stringify({ op: 'sub', id: 's2', ch: 'depth:BTC/USDT' }));
    while (frames.filter((f) => f.m === 'sub').length < 2) await once(socket, 'message');
    expect(frames.find((f) => f.id === 's1')).toMatchObject({ m: 'sub', code: 100008 });
    expect(frames.find((f) => f.id === 's2')).toMatchObject({ m: 'sub', code: 0 });
    socket.close();
  });

  it('is still up after every probe', async () => {
    const depth = await raw(`${mock.restUrl}/api/pro/v1/depth?symbol=BTC/USDT`, 'GET');
    expect(depth.body.code).toBe(0);
    expect(mock.child.exitCode).toBeNull();
  });
});

describe('ascendex-mock start and stop', { timeout: 60_000 }, () => {
  it('says in one line that a busy port is busy, and exits with 3', async () => {
    const port = new URL(mock.restUrl).port;
    const second = spawn(process.execPath, [cli, '--port', port], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    second.stderr!.on('data', (chunk) => (stderr += chunk));
    const [code] = (await once(second, 'exit')) as [number];
    expect(code).toBe(3);
    expect(stderr.trim().split('\n')).toEqual([
      `ascendex-mock: port ${port} on 127.0.0.1 is already in use; pick another with --port (0 picks a free one)`,
    ]);
  });

  it('stops on SIGTERM with open sockets and a request in flight, exit code 0', async () => {
    const socket = new WebSocket(mock.wsUrl);
    await once(socket, 'open');
    const pending = raw(`${mock.restUrl}/api/pro/v1/depth?symbol=BTC/USDT`, 'GET').catch(() => undefined);
    const started = performance.now();
    mock.child.kill('SIGTERM');
    const [code] = (await once(mock.child, 'exit')) as [number];
    console.log(`ascendex-mock stopped ${Math.round(performance.now() - started)} ms after SIGTERM`);
    expect(code).toBe(0);
    await pending;
    socket.terminate();
  });
});
