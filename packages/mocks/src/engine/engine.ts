// The exchange engine: accounts and balances, products, orders and matching, and the synthetic
// market, with no knowledge of any protocol. It answers questions in domain terms and tells its
// listeners what changed as engine events; the REST and WebSocket answers (../http/answers,
// ../ws/answers.ts) and the event translation (../ws/events.ts) sit above it.
import type { MockAccount } from '../backend.js';
import { defaultAccount } from '../backend.js';
import { normalize } from '@ascendex-toolkit/validators/orders';
import { Ledger, type Balance, type StartingBalances } from './accounts.js';
import { MockExchangeError } from './errors.js';
import type { Category, EngineListener } from './events.js';
import { Market, type ScriptedBook } from './market.js';
import { Matching, type CancelRequest, type FillOptions } from './matching.js';
import type { Outcome, PlaceArgs } from './order-checks.js';
import { DEFAULT_MAX_FINISHED_ORDERS, OrderStore, type FinishedList } from './order-store.js';
import type { MockOrder } from './orders.js';
import { defaultProducts, type MockProduct } from './products.js';
import { createPrng, type Prng } from './prng.js';

/** How to build a mock exchange; everything is optional. @public */
export interface MockExchangeOptions {
  /** Seed of everything random (order id tails, books, trades): one seed, one exchange. Default 1. */
  readonly seed?: number;
  /** Default `[defaultAccount]`. */
  readonly accounts?: readonly MockAccount[];
  /** Default {@link defaultProducts}: BTC/USDT, ETH/USDT, ASD/USDT. */
  readonly products?: readonly MockProduct[];
  /** Default: every account's cash and margin accounts hold {@link defaultFunding}. */
  readonly balances?: StartingBalances;
  /** UTC ms; default `Date.now`. */
  readonly clock?: () => number;
  /** Fee rate of fills that rest on the book first (explicit `fill()`s). Default `0.001`. */
  readonly makerFee?: string;
  /** Fee rate of fills that cross the book when the order arrives. Default `0.001`. */
  readonly takerFee?: string;
  /**
   * Finished orders (filled, cancelled, rejected) kept for status and history answers; beyond it
   * the oldest are forgotten. Open orders are always kept. Default 10,000.
   */
  readonly maxFinishedOrders?: number;
}

export class ExchangeEngine {
  readonly products: ReadonlyMap<string, MockProduct>;
  readonly accounts: readonly MockAccount[];
  readonly makerFee: string;
  readonly takerFee: string;
  readonly market: Market;
  protected readonly clock: () => number;
  private readonly listeners = new Set<EngineListener>();
  private readonly ledger: Ledger;
  private readonly store: OrderStore;
  private readonly matching: Matching;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(options: MockExchangeOptions = {}) {
    const seed = options.seed ?? 1;
    const prng: Prng = createPrng(seed);
    this.clock = options.clock ?? Date.now;
    this.accounts = options.accounts ?? [defaultAccount];
    const products = options.products ?? defaultProducts;
    this.products = new Map(products.map((p) => [p.symbol, p]));
    this.makerFee = normalize(options.makerFee ?? '0.001');
    this.takerFee = normalize(options.takerFee ?? '0.001');
    this.ledger = new Ledger(this.accounts, options.balances, prng);
    this.store = new OrderStore(Math.max(0, Math.floor(options.maxFinishedOrders ?? DEFAULT_MAX_FINISHED_ORDERS)));
    const emit = (event: Parameters<EngineListener>[0]): void => {
      for (const listener of [...this.listeners]) listener(event);
    };
    this.market = new Market(products, seed, prng, this.clock, emit);
    this.matching = new Matching({
      ledger: this.ledger,
      store: this.store,
      market: this.market,
      products: this.products,
      prng,
      clock: this.clock,
      emit,
      makerFee: this.makerFee,
      takerFee: this.takerFee,
    });
  }

  /** The engine's clock (UTC ms). */
  now(): number {
    return this.clock();
  }

  /** How many listeners the engine has now (open sessions, transports; for leak checks). */
  get listenerCount(): number {
    return this.listeners.size;
  }

  /** Listens to every change, as engine events; returns the function that stops listening. */
  onEvent(listener: EngineListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The account an API key belongs to. */
  account(apiKey: string): MockAccount | undefined {
    return this.accounts.find((a) => a.apiKey === apiKey);
  }

  /** Whether the exchange lists a trading pair. */
  hasSymbol(symbol: string): boolean {
    return this.products.has(symbol);
  }

  // ---- market ----

  /** Moves the synthetic books one step and publishes depth, depth-realtime, bbo, trades, bars and ref-px; stop orders may trigger. */
  stepMarket(): void {
    this.market.step();
    this.matching.checkStops();
  }

  /** Steps the market every `intervalMs` until {@link stopMarket}. */
  startMarket(intervalMs: number): void {
    this.stopMarket();
    this.timer = setInterval(() => this.stepMarket(), intervalMs);
  }

  stopMarket(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Scripts the book of `symbol`: it stays still, and marketable orders fill against it at its prices. */
  setBook(symbol: string, book: ScriptedBook): void {
    if (!this.products.has(symbol)) throw new MockExchangeError(`unknown symbol ${symbol}`);
    this.market.setBook(symbol, book);
  }

  // ---- accounts and balances ----

  accountId(account: MockAccount, category: Category): string {
    return this.ledger.of(account, category).accountId;
  }

  /** The balances of an account, by asset: total and available (total minus what open orders hold). */
  balances(account: MockAccount, category: Category): ReadonlyMap<string, Readonly<Balance>> {
    return this.ledger.of(account, category).balances;
  }

  // ---- orders ----

  /** Orders kept now (open and finished, within the retention bound). */
  get orderCount(): number {
    return this.store.size;
  }

  /** The finished orders kept at most (`maxFinishedOrders`). */
  get maxFinishedOrders(): number {
    return this.store.maxFinishedOrders;
  }

  /** An order of the account by server id. */
  order(account: MockAccount, category: Category, orderId: string): MockOrder | undefined {
    const order = this.store.get(orderId);
    return order && order.accountId === this.accountId(account, category) ? order : undefined;
  }

  /** The account's open orders, oldest first. */
  openOrders(account: MockAccount, category: Category): MockOrder[] {
    return [...this.store.openOrders(this.accountId(account, category))];
  }

  /** The account's finished orders kept (of one symbol when given), oldest first. */
  finishedOrders(account: MockAccount, category: Category, symbol?: string): FinishedList {
    return this.store.finishedOrders(this.accountId(account, category), symbol);
  }

  /** The account's orders kept, open and finished (for tests and tools; the answers use the indexes). */
  ordersOf(account: MockAccount, category: Category | 'both'): MockOrder[] {
    const categories: Category[] = category === 'both' ? ['cash', 'margin'] : [category];
    return categories
      .flatMap((c) => {
        const finished = this.finishedOrders(account, c);
        return [...Array.from({ length: finished.length }, (_, i) => finished.at(i)), ...this.openOrders(account, c)];
      })
      .sort((a, b) => a.createTime - b.createTime);
  }

  /** Checks a new order against the product's rules and the balance (`alreadyHeld`: what earlier orders of a batch hold). */
  checkOrder(account: MockAccount, category: Category, args: PlaceArgs, alreadyHeld?: ReadonlyMap<string, string>) {
    return this.matching.checkOrder(account, category, args, alreadyHeld);
  }

  /** Places an order as the exchange does (see the package README for post-only, FOK, IOC and stop orders). */
  placeOrder(account: MockAccount, category: Category, args: PlaceArgs, transport: 'rest' | 'ws'): Outcome<MockOrder> {
    return this.matching.placeOrder(account, category, args, transport);
  }

  /** Fills an open order (maker fee): `qty` defaults to what is left, `price` to the order's. */
  fill(orderId: string, options?: FillOptions): MockOrder {
    return this.matching.fill(orderId, options);
  }

  /** Cancels one open order of the account; a finished or unknown one is refused with 300019. */
  cancel(
    account: MockAccount,
    category: Category,
    request: CancelRequest,
    transport: 'rest' | 'ws',
  ): Outcome<MockOrder> {
    return this.matching.cancel(account, category, request, transport);
  }

  /** Cancels every open order of the account, or those on `symbol`; the orders cancelled. */
  cancelAll(account: MockAccount, category: Category, symbol?: string): MockOrder[] {
    return this.matching.cancelAll(account, category, symbol);
  }
}
