// The standalone mock server (Node only): the same MSW HTTP handlers, WebSocket sessions and mock
// exchange as the in-process mocks, served over real HTTP and WebSocket on 127.0.0.1, so that
// clients in any language can be pointed at it. Wiring and limits only: HTTP requests go to the
// handlers through ./http-bridge.ts, each `ws` socket is bridged to a session of ../ws/session.
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { HttpHandler } from 'msw';
import type { RawData, WebSocket, WebSocketServer } from 'ws';
import { AscendexError, streamPath } from '@ascendex-toolkit/validators';
import { defaultAccount, type ExchangeEvent, type MockAccount } from '../backend.js';
import { createMockExchange, type MockExchange } from '../exchange/index.js';
import type { WsFaults, WsSession, WsSessionOptions } from '../ws/index.js';
import { broadcastFaults } from '../ws/session/faults.js';
import { defaultLimits, envelope, refuseOnSocket, type MockServerLimits } from './limits.js';

/**
 * How to start the server; every member is optional. The names follow the CLI flags
 * (`--api-key` is `apiKey`, `--max-body-bytes` is `maxBodyBytes`, ...).
 * @public
 */
export interface MockServerOptions extends MockServerLimits {
  /** TCP port; 0 (the default) picks a free one. */
  readonly port?: number;
  /** Interface to listen on. Default `127.0.0.1` (never all interfaces unless asked). */
  readonly host?: string;
  /** Seed of the mock exchange (default 1). */
  readonly seed?: number;
  /** The mock account's API key (`--api-key`; default the docs' sample key). */
  readonly apiKey?: string;
  /** The mock account's API secret (`--secret`; default the docs' sample secret). */
  readonly secret?: string;
  /** The mock account's group, first segment of private URLs (`--account-group`; default 6). */
  readonly accountGroup?: number;
  /** The same three as one object (the older form; the top-level options win where both are given). */
  readonly account?: Partial<Pick<MockAccount, 'apiKey' | 'secret' | 'accountGroup'>>;
  /** Bring your own mock exchange (then `seed`, the account and `maxFinishedOrders` only configure the transports). */
  readonly exchange?: MockExchange;
  /** Step the market (depth, bbo, trades, bars, ref-px) every this many ms (`--market-interval`); 0 turns it off. Default 1000. */
  readonly marketIntervalMs?: number;
  /** Finished orders the exchange keeps (`--max-finished-orders`). Default 10,000. */
  readonly maxFinishedOrders?: number;
  /** Session options for every WebSocket connection (keep-alive timing, greeting form). */
  readonly ws?: Pick<WsSessionOptions, 'pingIntervalMs' | 'healthPoints' | 'clientPingGraceMs' | 'greeting'>;
  /**
   * MSW HTTP handlers asked before the generated ones (e.g. `handleGetDepth({ response })` to answer
   * one operation differently); they must answer any origin (`baseUrl: '*'`).
   */
  readonly httpHandlers?: readonly HttpHandler[];
}

/** A running mock server. @public */
export interface MockServer {
  /** REST base URL, e.g. `http://127.0.0.1:40123`. */
  readonly restUrl: string;
  /** WebSocket URL with the account group (authenticated sessions), e.g. `ws://127.0.0.1:40123/6/api/pro/v1/stream`. */
  readonly wsUrl: string;
  /** Public WebSocket URL (no account group). */
  readonly publicWsUrl: string;
  readonly port: number;
  /** The mock exchange behind both transports: fill orders, script books, step the market. */
  readonly exchange: MockExchange;
  /** The account requests are signed with. */
  readonly account: MockAccount;
  /** Faults for every open WebSocket session; the lasting ones also for sessions opened later. */
  readonly faults: WsFaults;
  /** Open WebSocket sessions and TCP connections now (for load tests and leak checks). */
  stats(): { readonly sessions: number; readonly connections: number };
  /** Sends an event to every open session subscribed to its topic, as if the exchange had published it (it need not be valid). */
  publish(event: ExchangeEvent): void;
  /** Stops the market, closes every session and connection (in-flight requests get 250 ms), and the listener. */
  close(): Promise<void>;
}

/** Why the server could not start: the port is taken. @public */
export class PortInUseError extends AscendexError {
  override readonly name = 'PortInUseError';
}

/** The account group of a stream URL path: `null` for the public path, `undefined` when it is no stream path. */
function streamGroup(pathname: string): string | null | undefined {
  if (pathname === streamPath) return null;
  const match = /^\/(\d+)(\/api\/pro\/v1\/stream)$/.exec(pathname);
  return match ? match[1]! : undefined;
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

const text = (data: RawData): string =>
  Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data as ArrayBuffer).toString('utf8');

/**
 * Starts the mock server. The mock exchange is stateful: orders placed over REST or the socket
 * appear in both, fills move balances and are reported on the order channel.
 * @public
 */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const limits = { ...defaultLimits, ...definedOf(options) };
  const account: MockAccount = {
    ...defaultAccount,
    ...options.account,
    ...(options.apiKey !== undefined ? { apiKey: options.apiKey } : {}),
    ...(options.secret !== undefined ? { secret: options.secret } : {}),
    ...(options.accountGroup !== undefined ? { accountGroup: options.accountGroup } : {}),
  };
  const exchange =
    options.exchange ??
    createMockExchange({
      seed: options.seed ?? 1,
      accounts: [account],
      ...(options.maxFinishedOrders !== undefined ? { maxFinishedOrders: options.maxFinishedOrders } : {}),
    });
  let origin = 'http://127.0.0.1';
  // The printed URL needs only the listener: MSW's handlers, the `ws` server and the session code
  // (most of the import time) are loaded after it listens, and a request that comes first waits for them.
  let wiring: Wiring | undefined;
  let loading: Promise<Wiring> | undefined;
  const wired = (): Promise<Wiring> =>
    (loading ??= loadWiring({
      httpHandlers: options.httpHandlers ?? [],
      exchange,
      account,
      limits,
      origin: () => origin,
    }).then((loaded) => (wiring = loaded)));
  const server: Server = createHttpServer(
    { maxHeaderSize: limits.maxHeaderBytes, headersTimeout: 10_000, requestTimeout: 30_000 },
    (req, res) => {
      if (wiring) return wiring.serve(req, res);
      wired().then(
        (loaded) => loaded.serve(req, res),
        (error: unknown) => {
          if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify(envelope(100001, `the mock server could not load its handlers: ${String(error)}`)));
        },
      );
    },
  );

  // Connections: counted, the one beyond the limit refused; malformed requests answered.
  const connections = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    if (connections.size >= limits.maxConnections)
      return refuseOnSocket(socket, 429, envelope(100014, `more than ${limits.maxConnections} open connections`));
    connections.add(socket);
    socket.once('close', () => connections.delete(socket));
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const message = tooLarge ? `request headers larger than ${limits.maxHeaderBytes} bytes` : 'malformed HTTP request';
    refuseOnSocket(socket as Socket, tooLarge ? 431 : 400, envelope(100001, message));
  });

  // CONNECT asks for a tunnel, which the exchange does not offer: refused like any other method it lacks.
  server.on('connect', (req: IncomingMessage, socket: Duplex) =>
    refuseOnSocket(socket as Socket, 405, envelope(100001, `method ${req.method} is not allowed`)),
  );

  let closing: Promise<void> | undefined;
  const sessions = new Set<WsSession>();
  const { faults, lasting } = broadcastFaults(() => [...sessions].filter((s) => s.state === 'open'));
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    let group: string | null | undefined;
    try {
      group = streamGroup(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      group = undefined;
    }
    if (group === undefined) return refuseOnSocket(socket as Socket, 404, envelope(100001, 'no such stream path'));
    if (wiring) return upgrade(wiring, req, socket, head, group);
    wired().then(
      (loaded) => upgrade(loaded, req, socket, head, group),
      () => refuseOnSocket(socket as Socket, 500, envelope(100001, 'the mock server could not load its sessions')),
    );
  });
  const upgrade = (
    { wss, createWsSession }: Wiring,
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    group: string | null,
  ): void => {
    if (closing || socket.destroyed) return void socket.destroy();
    wss.handleUpgrade(req, socket, head, (client: WebSocket) => {
      const headers = {
        'x-auth-key': header(req, 'x-auth-key'),
        'x-auth-timestamp': header(req, 'x-auth-timestamp'),
        'x-auth-signature': header(req, 'x-auth-signature'),
      };
      const session = createWsSession({
        ...options.ws,
        backend: exchange,
        accounts: [account],
        accountGroup: group ?? undefined,
        faults: { ...lasting },
        maxBufferedBytes: limits.maxBufferedBytes,
        maxFrameLength: limits.maxFrameBytes,
        ...(Object.values(headers).some((v) => v !== undefined) ? { headers } : {}),
        send: (frame) => client.send(frame),
        close: (code, reason) => client.close(code, reason),
        drop: () => client.terminate(),
        bufferedAmount: () => client.bufferedAmount,
      });
      sessions.add(session);
      client.on('message', (data) => void session.receive(text(data)));
      client.on('close', () => {
        session.close();
        sessions.delete(session);
      });
      client.on('error', () => client.terminate());
      void session.open().then(() => {
        if (session.state === 'closed') sessions.delete(session);
      });
    });
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new PortInUseError(`port ${options.port} on ${options.host ?? '127.0.0.1'} is already in use`, {
              cause: error,
            })
          : error,
      ),
    );
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new AscendexError('the mock server has no TCP address');
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  origin = `http://${host}:${address.port}`;
  const marketIntervalMs = options.marketIntervalMs ?? 1000;
  if (marketIntervalMs > 0) exchange.startMarket(marketIntervalMs);
  // Loading starts once the caller has the URL (a macrotask later, after its await resumes).
  setImmediate(() => void wired().catch(() => undefined));
  return {
    restUrl: origin,
    wsUrl: `ws://${host}:${address.port}/${account.accountGroup}${streamPath}`,
    publicWsUrl: `ws://${host}:${address.port}${streamPath}`,
    port: address.port,
    exchange,
    account,
    faults,
    stats: () => ({ sessions: sessions.size, connections: connections.size }),
    publish: (event) => {
      for (const session of sessions) session.deliver(event);
    },
    close: () =>
      (closing ??= (async () => {
        exchange.stopMarket();
        for (const session of sessions) session.close();
        if (wiring) {
          for (const client of wiring.wss.clients) client.terminate();
          wiring.wss.close();
        }
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        // In-flight requests get a moment to finish; then every connection goes.
        const grace = setTimeout(() => server.closeAllConnections(), 250);
        await closed;
        clearTimeout(grace);
      })()),
  };
}

/** What the server loads after it listens: the HTTP request handler, the `ws` server and the session factory. */
interface Wiring {
  readonly serve: (req: IncomingMessage, res: ServerResponse) => void;
  readonly wss: WebSocketServer;
  readonly createWsSession: (options: WsSessionOptions) => WsSession;
}

async function loadWiring(options: {
  readonly httpHandlers: readonly HttpHandler[];
  readonly exchange: MockExchange;
  readonly account: MockAccount;
  readonly limits: typeof defaultLimits;
  readonly origin: () => string;
}): Promise<Wiring> {
  const [{ createHttpHandlers }, { httpBridge }, { WebSocketServer }, { createWsSession }] = await Promise.all([
    import('../http/index.js'),
    import('./http-bridge.js'),
    import('ws'),
    import('../ws/session/session.js'),
  ]);
  const { exchange, account, limits } = options;
  const handlers = [
    ...options.httpHandlers,
    ...createHttpHandlers({ backend: exchange, account, baseUrl: '*', maxBodyBytes: limits.maxBodyBytes }),
  ];
  return {
    serve: httpBridge(handlers, { maxBodyBytes: limits.maxBodyBytes, origin: options.origin }),
    wss: new WebSocketServer({ noServer: true, maxPayload: limits.maxFrameBytes }),
    createWsSession,
  };
}

/** The limits given, without the undefined ones (so they do not hide the defaults). */
function definedOf(options: MockServerLimits): MockServerLimits {
  const keys = ['maxBodyBytes', 'maxHeaderBytes', 'maxConnections', 'maxFrameBytes', 'maxBufferedBytes'] as const;
  return Object.fromEntries(keys.filter((k) => options[k] !== undefined).map((k) => [k, options[k]]));
}
