// A local node:http server whose every answer a test scripts: what it saw (method, path, headers,
// body of each request), when each request arrived and when each connection closed, so tests can
// act on events rather than on time.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One request as the server saw it. */
export interface Seen {
  readonly method: string;
  /** Path and query, as sent. */
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

/** Answers the n-th request (0-based) the server has seen since the script was set. */
export type Answer = (res: ServerResponse, seen: Seen, n: number, req: IncomingMessage) => void | Promise<void>;

export interface ScriptedServer {
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  /** Every request since the last `script()`. */
  readonly seen: Seen[];
  /** Sets the answers: one function for every request, or one per request (the last repeats). */
  script(answers: Answer | Answer[]): void;
  /** Resolves with the n-th request (1-based) since the script was set, once it has arrived whole. */
  request(n: number): Promise<Seen>;
  /** Resolves when the connection that carried the n-th request (1-based) has closed: the client let go of it. */
  connectionClosed(n: number): Promise<void>;
  close(): Promise<void>;
}

/** Answers JSON. */
export const json =
  (body: unknown, status = 200, headers: Record<string, string> = {}): Answer =>
  (res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  };

/** Answers text of a content type. */
export const text =
  (body: string, status: number, headers: Record<string, string> = {}): Answer =>
  (res) => {
    res.writeHead(status, { 'content-type': 'text/plain', ...headers });
    res.end(body);
  };

/** Never answers (the request hangs until the client gives up). */
export const hold: Answer = () => {};

/** Drops the connection before any answer. */
export const reset: Answer = (res) => {
  res.socket?.destroy();
};

/** Writes `chunks` to `res` in order, waiting for the socket to drain; stops when it closes. */
export async function stream(res: ServerResponse, chunks: Iterable<Uint8Array | string>): Promise<number> {
  let written = 0;
  for (const chunk of chunks) {
    if (res.destroyed || res.socket?.destroyed) break;
    written += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
    if (!res.write(chunk))
      await new Promise<void>((resolve) => {
        const done = () => {
          res.off('drain', done);
          res.off('close', done);
          resolve();
        };
        res.on('drain', done);
        res.on('close', done);
      });
  }
  if (!res.destroyed) res.end();
  return written;
}

export async function startServer(): Promise<ScriptedServer> {
  const seen: Seen[] = [];
  let answers: Answer[] = [json({ code: 0 })];
  let arrivals: { n: number; resolve: (s: Seen) => void }[] = [];
  /** The socket of each request seen. */
  let socketOf: Socket[] = [];
  const sockets = new Set<Socket>();

  const server: Server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => {
      const request: Seen = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(parts).toString('utf8'),
      };
      const n = seen.push(request) - 1;
      const socket = req.socket;
      socketOf[n] = socket;
      if (!sockets.has(socket)) {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
      }
      const answer = answers[Math.min(n, answers.length - 1)]!;
      void Promise.resolve(answer(res, request, n, req)).catch(() => res.destroy());
      for (const arrival of arrivals.filter((a) => a.n === n + 1)) arrival.resolve(request);
      arrivals = arrivals.filter((a) => a.n !== n + 1);
    });
  });
  const request = (n: number): Promise<Seen> => {
    if (seen.length >= n) return Promise.resolve(seen[n - 1]!);
    return new Promise((resolve) => arrivals.push({ n, resolve }));
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    origin: `http://127.0.0.1:${port}`,
    seen,
    script(next) {
      answers = Array.isArray(next) ? next : [next];
      seen.length = 0;
      socketOf = [];
      arrivals = [];
    },
    request,
    async connectionClosed(n) {
      await request(n);
      const socket = socketOf[n - 1]!;
      if (socket.destroyed && !sockets.has(socket)) return;
      await new Promise<void>((resolve) => socket.once('close', () => resolve()));
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
