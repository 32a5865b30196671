// The mock server listens and hands out its URL before it loads what only a request needs (MSW's
// handlers, the `ws` server, the session code: most of its import time), then serves the first
// HTTP request and the first WebSocket session as usual. Checked in a fresh Node process whose
// module resolution is watched by a loader hook (module.register), so "not loaded yet" is a fact of
// that process, not of this test runner (which has loaded MSW long ago).
import { describe, it, expect } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

const server = fileURLToPath(new URL('../../dist/server/server.js', import.meta.url));
const ws = fileURLToPath(new URL('../../node_modules/ws/wrapper.mjs', import.meta.url));

// Runs in the loader thread: posts every specifier it resolves to the main thread.
const hooks = `
let port;
export function initialize(data) { port = data.port; }
export async function resolve(specifier, context, next) {
  port.postMessage(specifier);
  return next(specifier, context);
}`;

const script = `
import { register } from 'node:module';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
const { port1, port2 } = new MessageChannel();
register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(hooks)}), { data: { port: port2 }, transferList: [port2] });
const resolved = [];
const drain = () => { for (let m; (m = receiveMessageOnPort(port1)); ) resolved.push(m.message); return resolved; };
const loaded = (name) => drain().some((s) => s === name || s.startsWith(name + '/'));
const { startMockServer } = await import(${JSON.stringify(server)});
const server = await startMockServer({ port: 0, marketIntervalMs: 0 });
const atUrl = { msw: loaded('msw'), ws: loaded('ws') };
// The first request, sent at once: it waits for the handlers, then gets its answer.
const response = await fetch(server.restUrl + '/api/pro/v1/depth?symbol=BTC/USDT');
const body = await response.json();
const { default: WebSocket } = await import(${JSON.stringify(ws)});
const socket = new WebSocket(server.publicWsUrl);
const first = await new Promise((resolve, reject) => {
  socket.once('message', (data) => resolve(JSON.parse(String(data))));
  socket.once('error', reject);
});
socket.terminate();
await server.close();
port1.close();
console.log(JSON.stringify({ atUrl, status: response.status, code: body.code, m: body.data?.m, first, afterRequest: { msw: loaded('msw') } }));
`;

// A fresh Node process: seconds on a loaded machine.
describe('mock server start', { timeout: 60_000 }, () => {
  it('gives its URL before loading MSW and ws, and still answers the first request and session', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
    });
    const result = JSON.parse(stdout.trim().split('\n').pop()!);
    expect(result).toEqual({
      atUrl: { msw: false, ws: false },
      status: 200,
      code: 0,
      m: 'depth-snapshot',
      first: { m: 'connected', type: 'unauth' },
      afterRequest: { msw: true },
    });
  });
});
