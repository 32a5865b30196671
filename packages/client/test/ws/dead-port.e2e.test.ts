// A dead port over a real socket (the `ws` package): every attempt fails with ECONNREFUSED in real
// time; the connection's timers run on simulated time. Each failed attempt is an `error` event
// with the URL and the cause; the first connect() rejects exactly at connectTimeoutMs.
import { createServer, type AddressInfo } from 'node:net';
import { expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { AscendexWsConnectError, WsConnection, type WebSocketConstructor } from '../../src/ws/connection-index.js';
import { FakeScheduler } from './support/fake-scheduler.js';
import { apiKey, secret } from './support/rig.js';

/** A port nothing listens on: taken, then given back. */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

it('reports each refused attempt and rejects the first connect() at connectTimeoutMs', async () => {
  const port = await deadPort();
  const url = `ws://127.0.0.1:${port}/6/api/pro/v1/stream`;
  const fake = new FakeScheduler();
  const start = fake.now();
  const c = new WsConnection({
    WebSocket: WebSocket as unknown as WebSocketConstructor,
    url,
    apiKey,
    secret,
    scheduler: fake,
    random: () => 0.5, // delays 125, 250, 500, ... ms
  });
  const errors: AscendexWsConnectError[] = [];
  let onError: (() => void) | undefined;
  c.on('error', (e) => {
    errors.push(e as AscendexWsConnectError);
    onError?.();
  });
  /** The real failure of the socket in flight. */
  const failed = (n: number) => new Promise<void>((resolve) => (errors.length >= n ? resolve() : (onError = resolve)));
  let outcome: unknown = 'pending';
  void c.connect().then(
    () => (outcome = 'ready'),
    (e: unknown) => (outcome = e),
  );
  let sockets = 1;
  for (;;) {
    await failed(sockets);
    const due = fake.nextDue;
    if (due === undefined || due >= start + 10_000) break;
    await fake.advance(due - fake.now()); // the backoff delay: a new socket
    sockets += 1;
  }
  await fake.advance(start + 9_999 - fake.now());
  expect(outcome).toBe('pending');
  expect(errors).toHaveLength(7); // sockets at 0, 125, 375, 875, 1875, 3875 and 7875 ms
  errors.forEach((error, i) => {
    expect(error).toBeInstanceOf(AscendexWsConnectError);
    expect(error).toMatchObject({ url, attempt: i + 1 });
    expect(error.detail).toContain('ECONNREFUSED');
    expect(error.message).not.toContain(secret);
  });
  await fake.advance(1);
  expect(outcome).toBeInstanceOf(AscendexWsConnectError);
  expect((outcome as AscendexWsConnectError).detail).toMatch(
    /^not ready within 10000 ms; last failure: .*ECONNREFUSED/,
  );
  expect(c.state).toBe('idle');
  expect(fake.pending).toBe(0);
});
