// Shared set-up of the WebSocket client tests: the mocks' MSW `ws` handlers over a stateful mock
// exchange, and helpers that wait for a condition without fixed sleeps.
import {
  createMockExchange,
  createPrng,
  createWsHandlers,
  defaultAccount,
  defaultProducts,
  type MockBackend,
  type MockExchange,
  type WsMocks,
} from '@ascendex-toolkit/mocks';
import { setupServer } from 'msw/node';
import { checkClientMessage, type ExchangeClientMessage } from '@ascendex-toolkit/validators/exchange';
import { WsConnection, type WsConnectionOptions } from '../../src/ws/connection-index.js';
import type { OrderBook } from '../../src/ws/book-index.js';

export const { apiKey, secret, accountGroup } = defaultAccount;

/** One MSW server per test file; `useExchange` puts a fresh exchange and fresh handlers behind it. */
export const server = setupServer();

export interface Rig {
  readonly exchange: MockExchange;
  readonly mocks: WsMocks;
}

/** A fresh mock exchange and its WebSocket handlers (fast keep-alive so that tests run quickly). */
export function useExchange(options: { seed?: number; pingIntervalMs?: number; greeting?: 'm' | 'op' } = {}): Rig {
  const exchange = createMockExchange({ seed: options.seed ?? 1 });
  // The exchange with the symbol check the mock sessions consult (unknown symbols refused with 100008).
  const backend: MockBackend = {
    now: () => exchange.now(),
    account: (key) => exchange.account(key),
    handleRest: (request) => exchange.handleRest(request),
    handleWsRequest: (request, session) => exchange.handleWsRequest(request, session),
    subscribe: (listener) => exchange.subscribe(listener),
    hasSymbol: (symbol) => defaultProducts.some((p) => p.symbol === symbol),
  };
  const mocks = createWsHandlers({
    backend,
    pingIntervalMs: options.pingIntervalMs ?? 60_000,
    ...(options.greeting ? { greeting: options.greeting } : {}),
  });
  server.resetHandlers(...mocks.handlers);
  return { exchange, mocks };
}

const open: WsConnection[] = [];

/** A connection with short timers; closed after each test by `closeAll`. */
export function connection(options: WsConnectionOptions = {}): WsConnection {
  const c = new WsConnection({
    reconnect: { baseDelayMs: 5, maxDelayMs: 40 },
    requestTimeoutMs: 2_000,
    pingIntervalMs: 60_000,
    ...options,
  });
  open.push(c);
  return c;
}

/** A connection authenticated with the mocks' default account. */
export const privateConnection = (options: WsConnectionOptions = {}): WsConnection =>
  connection({ accountGroup, apiKey, secret, ...options });

export async function closeAll(): Promise<void> {
  await Promise.all(open.splice(0).map((c) => c.close()));
}

/** Resolves once `check` returns true (polled), or fails after `ms`. */
export async function until(check: () => boolean, ms = 3_000, what = 'condition'): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** The next `n` messages of an async iterable. */
export async function take<T>(iterable: AsyncIterable<T>, n: number, ms = 3_000): Promise<T[]> {
  const out: T[] = [];
  const iterator = iterable[Symbol.asyncIterator]();
  const deadline = Date.now() + ms;
  while (out.length < n) {
    const left = deadline - Date.now();
    const next = await Promise.race([
      iterator.next(),
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`only ${out.length} of ${n} messages`)), Math.max(0, left)),
      ),
    ]);
    if (next.done) break;
    out.push(next.value);
  }
  return out;
}

/** A seeded PRNG (the mocks' mulberry32), so randomized rounds replay exactly. */
export const seeded = (seed: number): (() => number) => createPrng(seed).next;

type Levels = readonly (readonly [string, string])[];

/** The exchange's own book of `symbol` (its depth snapshot), as sorted level pairs. */
function exchangeLevels(exchange: MockExchange, symbol: string): { asks: Levels; bids: Levels } {
  const request = checkClientMessage({
    op: 'req',
    action: 'depth-snapshot',
    args: { symbol },
  }) as ExchangeClientMessage;
  const [reply] = exchange.handleWsRequest(request, { account: undefined }) as [
    { data: { asks: Levels; bids: Levels } },
  ];
  return { asks: reply.data.asks, bids: reply.data.bids };
}

/**
 * Is the book synced and level for level the exchange's own? Levels, not seqnums: the mock's gap
 * fault shifts a session's numbering for good.
 */
export function bookEqualsExchange(book: OrderBook, exchange: MockExchange): boolean {
  const want = exchangeLevels(exchange, book.symbol);
  const have = book.snapshot();
  return (
    have.synced &&
    JSON.stringify(have.asks) === JSON.stringify(want.asks) &&
    JSON.stringify(have.bids) === JSON.stringify(want.bids)
  );
}
