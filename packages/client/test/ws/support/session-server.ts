// A real WebSocket server (the `ws` package on 127.0.0.1) whose connections are sessions of the
// mocks (createWsSession, their public API) in front of any MockBackend: what the mocks'
// standalone server does for its own mock exchange, for a backend a test brings (the soak's market).
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { createWsSession, type MockBackend } from '@ascendex-toolkit/mocks';

export async function startSessionServer(
  backend: MockBackend,
): Promise<{ url: string; close(): Promise<void>; sendRaw(text: string): void }> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => wss.once('listening', resolve));
  wss.on('connection', (client) => {
    const session = createWsSession({
      backend,
      pingIntervalMs: 3_600_000,
      send: (text) => client.send(text),
      close: (code, reason) => client.close(code, reason),
      drop: () => client.terminate(),
    });
    client.on('message', (data) => void session.receive(String(data)));
    client.on('close', () => session.close());
    void session.open();
  });
  const { port } = wss.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}/api/pro/v1/stream`,
    /** Sends a text frame to every client as it is, past the sessions (a frame a session could not make cheaply). */
    sendRaw: (text) => {
      for (const client of wss.clients) client.send(text);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close(() => resolve());
      }),
  };
}
