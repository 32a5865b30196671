// Shared set-up of the WebSocket client tests over the mocks' MSW `ws` handlers: a stateful mock
// exchange behind them and one simulated clock (FakeScheduler) shared by the client connections
// and the mock sessions, so keep-alive, timeouts and reconnects run on simulated time.
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
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { checkClientMessage, type ExchangeClientMessage } from '@ascendex-toolkit/validators/exchange';
import { WsConnection, type WsConnectionOptions, type WsSubscription } from '../../../src/ws/connection-index.js';
import type { OrderBook } from '../../../src/ws/book-index.js';
import { FakeScheduler, settle } from './fake-scheduler.js';

export const { apiKey, secret, accountGroup } = defaultAccount;

/** One MSW server per test file; `useExchange` puts a fresh exchange and fresh handlers behind it. */
export const server = setupServer();

/** A small limit buy the mock account can afford (add `account`). */
export const limitOrder = {
  symbol: 'BTC/USDT',
  orderType: 'limit',
  side: 'buy',
  orderPrice: '30000',
  orderQty: '0.01',
} as const;

/** A seeded PRNG (the mocks' mulberry32), so randomized rounds replay exactly. */
export const seeded = (seed: number): (() => number) => createPrng(seed).next;

export interface Rig {
  readonly fake: FakeScheduler;
  readonly exchange: MockExchange;
  readonly mocks: WsMocks;
}

/** The exchange with the symbol check the mock sessions consult (unknown symbols refused with 100008). */
export function backendOf(exchange: MockExchange): MockBackend {
  return {
    now: () => exchange.now(),
    account: (key) => exchange.account(key),
    handleRest: (request) => exchange.handleRest(request),
    handleWsRequest: (request, session) => exchange.handleWsRequest(request, session),
    subscribe: (listener) => exchange.subscribe(listener),
    hasSymbol: (symbol) => defaultProducts.some((p) => p.symbol === symbol),
  };
}

/** A fresh mock exchange and its WebSocket handlers, on a fresh simulated clock. */
export function useExchange(options: { seed?: number; pingIntervalMs?: number; greeting?: 'm' | 'op' } = {}): Rig {
  const fake = new FakeScheduler();
  const exchange = createMockExchange({ seed: options.seed ?? 1, clock: () => fake.now() });
  const mocks = createWsHandlers({
    backend: backendOf(exchange),
    clock: fake,
    pingIntervalMs: options.pingIntervalMs ?? 60_000,
    ...(options.greeting ? { greeting: options.greeting } : {}),
  });
  server.resetHandlers(...mocks.handlers);
  return { fake, exchange, mocks };
}

const open: WsConnection[] = [];

/** A connection on the rig's clock with short timers; closed after each test by `closeAll`. */
export function connection(rig: { fake: FakeScheduler }, options: WsConnectionOptions = {}): WsConnection {
  const c = new WsConnection({
    scheduler: rig.fake,
    reconnect: { baseDelayMs: 5, maxDelayMs: 40 },
    requestTimeoutMs: 2_000,
    pingIntervalMs: 60_000,
    random: seeded(99),
    ...options,
  });
  open.push(c);
  return c;
}

/** A connection authenticated with the mocks' default account. */
export const privateConnection = (rig: { fake: FakeScheduler }, options: WsConnectionOptions = {}): WsConnection =>
  connection(rig, { accountGroup, apiKey, secret, ...options });

export async function closeAll(): Promise<void> {
  await Promise.all(open.splice(0).map((c) => c.close()));
}

/**
 * The test file's lifecycle over the MSW server: listening for the file, and after each test every
 * connection made through this rig closed and the handlers a test added dropped.
 */
export function useMockServer(): void {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(async () => {
    await closeAll();
    server.resetHandlers();
  });
  afterAll(() => server.close());
}

/** The next `n` messages of a subscription, which must have arrived already (after the event loop settled). */
export async function take<M>(subscription: WsSubscription<M>, n: number): Promise<M[]> {
  await settle();
  expect(subscription.queued, `messages queued on ${subscription.topics.join()}`).toBeGreaterThanOrEqual(n);
  const iterator = subscription[Symbol.asyncIterator]();
  const out: M[] = [];
  for (let i = 0; i < n; i++) out.push((await iterator.next()).value as M);
  return out;
}

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
