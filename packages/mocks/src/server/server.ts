// The standalone mock server (Node only): the same MSW HTTP handlers, WebSocket sessions and mock
// exchange as the in-process mocks, served over real HTTP and WebSocket on 127.0.0.1, so that
// clients in any language can be pointed at it. HTTP goes through @mswjs/http-middleware; each
// `ws` server socket is bridged to a session of ../ws/session.ts. Nothing is implemented twice.
import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { createServer as createMswApp } from '@mswjs/http-middleware';
import type { HttpHandler } from 'msw';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { AscendexError } from '@ascendex-toolkit/validators';
import { defaultAccount, type ExchangeEvent, type MockAccount } from '../backend.js';
import { createHttpHandlers } from '../http/index.js';
import { createMockExchange, type MockExchange } from '../exchange/index.js';
import { createWsSession, streamPath, type WsFaults, type WsSession, type WsSessionOptions } from '../ws/index.js';
import { broadcastFaults } from '../ws/session/faults.js';

/** @public */
export interface MockServerOptions {
  /** TCP port; 0 (the default) picks a free one. */
  readonly port?: number;
  /** Interface to listen on. Default `127.0.0.1` (never all interfaces unless asked). */
  readonly host?: string;
  /** Seed of the mock exchange (default 1). */
  readonly seed?: number;
  /** The account's credentials and group; the rest of the account is {@link defaultAccount}'s. */
  readonly account?: Partial<Pick<MockAccount, 'apiKey' | 'secret' | 'accountGroup'>>;
  /** Bring your own mock exchange (then `seed` and `account` only configure the transports). */
  readonly exchange?: MockExchange;
  /** Step the market (depth, bbo, trades, bars, ref-px) every this many ms; 0 turns it off. Default 1000. */
  readonly marketIntervalMs?: number;
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
  /** Sends an event to every open session subscribed to its topic, as if the exchange had published it (it need not be valid). */
  publish(event: ExchangeEvent): void;
  /** Stops the market, closes every session and the listener. */
  close(): Promise<void>;
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
  const account: MockAccount = { ...defaultAccount, ...options.account };
  const exchange = options.exchange ?? createMockExchange({ seed: options.seed ?? 1, accounts: [account] });
  // An express app running the MSW handlers (their own 404 handler answers unknown paths).
  // (The middleware is CommonJS: TypeScript sees msw's CJS declarations there and the ESM ones
  // here, the same classes declared twice; hence the cast.)
  const handlers = [
    ...(options.httpHandlers ?? []),
    ...createHttpHandlers({ backend: exchange, account, baseUrl: '*' }),
  ];
  const app = createMswApp(...(handlers as unknown as Parameters<typeof createMswApp>));
  const server: Server = createHttpServer(app);

  const sessions = new Set<WsSession>();
  const { faults, lasting } = broadcastFaults(() => [...sessions].filter((s) => s.state === 'open'));
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const group = streamGroup(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (group === undefined) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
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
        ...(Object.values(headers).some((v) => v !== undefined) ? { headers } : {}),
        send: (frame) => client.send(frame),
        close: (code, reason) => client.close(code, reason),
        drop: () => client.terminate(),
      });
      sessions.add(session);
      client.on('message', (data) => void session.receive(text(data)));
      client.on('close', () => {
        session.close();
        sessions.delete(session);
      });
      client.on('error', () => client.terminate());
      void session.open();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new AscendexError('the mock server has no TCP address');
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const marketIntervalMs = options.marketIntervalMs ?? 1000;
  if (marketIntervalMs > 0) exchange.startMarket(marketIntervalMs);

  return {
    restUrl: `http://${host}:${address.port}`,
    wsUrl: `ws://${host}:${address.port}/${account.accountGroup}${streamPath}`,
    publicWsUrl: `ws://${host}:${address.port}${streamPath}`,
    port: address.port,
    exchange,
    account,
    faults,
    publish: (event) => {
      for (const session of sessions) session.deliver(event);
    },
    close: async () => {
      exchange.stopMarket();
      for (const client of wss.clients) client.terminate();
      for (const session of sessions) session.close();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
