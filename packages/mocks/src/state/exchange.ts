// The stateful mock exchange: accounts with balances, products with their rules, orders and a
// synthetic market. It implements MockBackend, so the HTTP and WebSocket transports can put it
// behind themselves; `rest-answers.ts` and `ws-answers.ts` turn requests into its calls.
import type {
  CashBalance,
  MarginBalance,
  MarginRiskData,
  MarginRiskProfile,
  OrderSide,
  OrderStatus,
  PlaceOrderArgs,
  ServerMessage,
} from '@ascendex-toolkit/types';
import { errorCatalog } from '@ascendex-toolkit/types';
import type { ExchangeClientMessage } from '@ascendex-toolkit/validators/exchange';
import {
  defaultAccount,
  type ExchangeErrorFields,
  type ExchangeEvent,
  type MockAccount,
  type MockBackend,
  type RestAnswer,
  type RestRequest,
  type WsSessionInfo,
} from '../backend.js';
import {
  add,
  checkProductRules,
  cmp,
  isZero,
  mul,
  normalize,
  serverOrderId,
  sub,
} from '@ascendex-toolkit/validators/orders';
import { MockExchangeError } from './errors.js';
import { Market, type ScriptedBook } from './market.js';
import { isOpen, orderUpdateData, type MockOrder } from './orders.js';
import { defaultProducts, type MockProduct } from './products.js';
import { createPrng, type Prng } from './prng.js';
import { answerRest } from './rest-answers.js';
import { answerWsRequest } from './ws-answers.js';

/** An account category as URLs name it. @public */
export type Category = 'cash' | 'margin';

/** Balances to start with: per account id, asset → amount (all available). @public */
export type StartingBalances = Readonly<Record<string, Readonly<Record<string, string>>>>;

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
}

/** What every account holds unless `balances` says otherwise. @public */
export const defaultFunding: Readonly<Record<string, string>> = {
  USDT: '100000',
  BTC: '5',
  ETH: '50',
  ASD: '1000000',
};

/** A fill to apply to an open order: size (default all that is left) and price (default the order's). @public */
export interface FillOptions {
  readonly qty?: string;
  readonly price?: string;
}

interface Balance {
  total: string;
  available: string;
}

interface AccountState {
  readonly account: MockAccount;
  readonly category: Category;
  readonly accountId: string;
  readonly balances: Map<string, Balance>;
}

/** The outcome of an order request: what happened, or the exchange's refusal. */
export type Outcome<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ExchangeErrorFields };

/** The exchange's error fields for a catalog reason (the code comes from the catalog). */
export function refusal(reason: string, message: string): ExchangeErrorFields {
  const entry = Object.entries(errorCatalog).find(([, e]) => e.reason === reason);
  if (!entry) throw new MockExchangeError(`no catalog code for ${reason}`);
  return { code: Number(entry[0]), reason, message };
}

/** The cancel refusal of the cancel-order section: code 300019, which has no catalog reason. */
export const cancelNotOpen: ExchangeErrorFields = {
  code: 300019,
  reason: 'INVALID_ORDER_ID',
  message: 'Trying to cancel non-open order',
};

/** The arguments of a place-order request, REST or WebSocket. */
export type PlaceArgs = PlaceOrderArgs & { readonly postOnly?: boolean; readonly timeInForce?: string };

/** The limit and stop prices of an order request (absent for the order types without them). */
function pricesOf(args: PlaceArgs): { orderPrice?: string | undefined; stopPrice?: string | undefined } {
  return args as { orderPrice?: string; stopPrice?: string };
}

/** The stateful mock exchange. @public */
export class MockExchange implements MockBackend {
  readonly products: ReadonlyMap<string, MockProduct>;
  readonly accounts: readonly MockAccount[];
  readonly makerFee: string;
  readonly takerFee: string;
  readonly market: Market;
  private readonly prng: Prng;
  private readonly clock: () => number;
  private readonly listeners = new Set<(event: ExchangeEvent) => void>();
  private readonly states = new Map<string, AccountState>();
  private readonly sequence = new Map<string, number>();
  private readonly orders = new Map<string, MockOrder>();
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(options: MockExchangeOptions = {}) {
    const seed = options.seed ?? 1;
    this.prng = createPrng(seed);
    this.clock = options.clock ?? Date.now;
    this.accounts = options.accounts ?? [defaultAccount];
    const products = options.products ?? defaultProducts;
    this.products = new Map(products.map((p) => [p.symbol, p]));
    this.makerFee = normalize(options.makerFee ?? '0.001');
    this.takerFee = normalize(options.takerFee ?? '0.001');
    for (const account of this.accounts)
      for (const category of ['cash', 'margin'] as const) {
        const accountId = category === 'cash' ? account.cashAccountId : account.marginAccountId;
        const funding = options.balances ? (options.balances[accountId] ?? {}) : defaultFunding;
        const balances = new Map<string, Balance>();
        for (const [asset, amount] of Object.entries(funding))
          balances.set(asset, { total: normalize(amount), available: normalize(amount) });
        this.states.set(accountId, { account, category, accountId, balances });
        this.sequence.set(accountId, 1_000_000_000 + this.prng.int(0, 999_999) * 1000);
      }
    this.market = new Market(products, seed, this.prng, this.clock, (topic, message) =>
      this.emit({ kind: 'market', topic, message }),
    );
  }

  // ---- MockBackend ----

  now(): number {
    return this.clock();
  }

  account(apiKey: string): MockAccount | undefined {
    return this.accounts.find((a) => a.apiKey === apiKey);
  }

  handleRest(request: RestRequest): RestAnswer | undefined {
    return answerRest(this, request);
  }

  handleWsRequest(request: ExchangeClientMessage, session: WsSessionInfo): readonly unknown[] | undefined {
    return answerWsRequest(this, request, session);
  }

  subscribe(listener: (event: ExchangeEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: ExchangeEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }

  // ---- market ----

  /** Moves the synthetic books one step and publishes depth, depth-realtime, bbo, trades, bar and ref-px messages. */
  stepMarket(): void {
    this.market.step();
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

  /** The state of a cash or margin account of `account`. */
  private state(account: MockAccount, category: Category): AccountState {
    return this.states.get(category === 'cash' ? account.cashAccountId : account.marginAccountId)!;
  }

  accountId(account: MockAccount, category: Category): string {
    return this.state(account, category).accountId;
  }

  /** The balances of an account, by asset: total and available (total minus what open orders hold). */
  balances(account: MockAccount, category: Category): ReadonlyMap<string, Readonly<Balance>> {
    return this.state(account, category).balances;
  }

  private balance(state: AccountState, asset: string): Balance {
    let b = state.balances.get(asset);
    if (!b) state.balances.set(asset, (b = { total: '0', available: '0' }));
    return b;
  }

  private nextSn(accountId: string): number {
    const sn = this.sequence.get(accountId)! + 1;
    this.sequence.set(accountId, sn);
    return sn;
  }

  cashBalances(account: MockAccount): CashBalance[] {
    return [...this.state(account, 'cash').balances].map(([asset, b]) => ({
      asset,
      totalBalance: b.total,
      availableBalance: b.available,
    }));
  }

  marginBalances(account: MockAccount): MarginBalance[] {
    return [...this.state(account, 'margin').balances].map(([asset, b]) => ({
      asset,
      totalBalance: b.total,
      availableBalance: b.available,
      borrowed: '0',
      interest: '0',
    }));
  }

  /** Value of an amount of `asset` in USDT at the market's reference prices. */
  private inUsdt(asset: string, amount: string): string {
    if (asset === 'USDT') return amount;
    const product = [...this.products.values()].find((p) => p.baseAsset === asset && p.quoteAsset === 'USDT');
    return product ? mul(amount, this.market.referencePrice(product.symbol)) : '0';
  }

  marginRisk(account: MockAccount): MarginRiskProfile {
    let total = '0';
    let available = '0';
    for (const [asset, b] of this.state(account, 'margin').balances) {
      total = add(total, this.inUsdt(asset, b.total));
      available = add(available, this.inUsdt(asset, b.available));
    }
    // Nothing is ever borrowed in the mock, so the leverage is 1 and the cushion the maximum.
    return {
      accountMaxLeverage: '10',
      availableBalanceInUSDT: available,
      totalBalanceInUSDT: total,
      totalBorrowedInUSDT: '0',
      totalInterestInUSDT: '0',
      netBalanceInUSDT: total,
      pointsBalance: '0',
      currentLeverage: '1',
      cushion: '100',
    };
  }

  marginRiskData(account: MockAccount): MarginRiskData {
    const risk = this.marginRisk(account);
    return {
      tb: risk.totalBalanceInUSDT,
      ab: risk.availableBalanceInUSDT,
      nb: risk.netBalanceInUSDT,
      eim: '0',
      emm: '0',
      clv: risk.currentLeverage,
      ilv: risk.accountMaxLeverage,
      alv: risk.accountMaxLeverage,
      cus: risk.cushion,
      pts: risk.pointsBalance,
    };
  }

  /** Publishes the balance of `asset` after a change. */
  private emitBalance(state: AccountState, asset: string): void {
    const b = this.balance(state, asset);
    const sn = this.nextSn(state.accountId);
    const message: ServerMessage =
      state.category === 'cash'
        ? { m: 'balance', accountId: state.accountId, ac: 'CASH', data: { a: asset, sn, tb: b.total, ab: b.available } }
        : {
            m: 'balance',
            accountId: state.accountId,
            ac: 'MARGIN',
            data: { a: asset, sn, tb: b.total, ab: b.available, brw: '0', int: '0' },
          };
    this.emit({ kind: 'account', accountId: state.accountId, topic: `order:${state.category}`, message });
  }

  /** Publishes an order's state (with the balances of its two assets); `ackMode` restricts it to sessions in that mode. */
  private emitOrder(order: MockOrder, ackMode?: 'new' | 'ready', status?: OrderStatus): void {
    const state = this.states.get(order.accountId)!;
    const product = this.products.get(order.symbol)!;
    const base = this.balance(state, product.baseAsset);
    const quote = this.balance(state, product.quoteAsset);
    const data = orderUpdateData(order, {
      bab: base.available,
      btb: base.total,
      qab: quote.available,
      qtb: quote.total,
    });
    const message: ServerMessage = {
      m: 'order',
      accountId: order.accountId,
      ac: order.ac,
      data: status ? { ...data, st: status } : data,
    };
    this.emit({
      kind: 'account',
      accountId: order.accountId,
      topic: `order:${state.category}`,
      message,
      ...(ackMode ? { ackMode } : {}),
    });
  }

  /** Publishes an OrderCancelReject to the account's Ready Ack sessions. */
  private emitCancelReject(
    state: AccountState,
    cancelId: string,
    origOrderId: string,
    symbol: string,
    text: string,
  ): void {
    this.emit({
      kind: 'account',
      accountId: state.accountId,
      topic: `order:${state.category}`,
      ackMode: 'ready',
      message: {
        m: 'order',
        accountId: state.accountId,
        ac: state.category === 'cash' ? 'CASH' : 'MARGIN',
        data: {
          sn: this.nextSn(state.accountId),
          ot: 'NULL_VAL',
          s: symbol,
          t: this.clock(),
          orderId: cancelId,
          origOrderId,
          st: 'Rejected',
          err: 'OrderCancelReject',
          text,
        },
      },
    });
  }

  // ---- orders ----

  /** An order of the account by server id. */
  order(account: MockAccount, category: Category, orderId: string): MockOrder | undefined {
    const order = this.orders.get(orderId);
    return order && order.accountId === this.accountId(account, category) ? order : undefined;
  }

  /** The account's orders, oldest first. */
  ordersOf(account: MockAccount, category: Category | 'both'): MockOrder[] {
    const ids =
      category === 'both' ? [account.cashAccountId, account.marginAccountId] : [this.accountId(account, category)];
    return [...this.orders.values()].filter((o) => ids.includes(o.accountId));
  }

  /** The server id of a place or cancel request, its random tail (if any) drawn from the seeded generator. */
  private requestOrderId(
    account: MockAccount,
    transport: 'rest' | 'ws',
    time: number,
    clientOrderId: string | undefined,
  ): string {
    return serverOrderId({ transport, time, userUID: account.userUID, clientOrderId, random: () => this.prng.next() });
  }

  /** What an order holds for `remaining` of its size: quote for buys, base for sells, commission reserve included. */
  private holdFor(product: MockProduct, side: OrderSide, holdPrice: string, remaining: string): string {
    const reserve = add('1', product.commissionReserveRate);
    if (side === 'Buy') {
      const notional = mul(holdPrice, remaining);
      return product.commissionType === 'Quote' ? mul(notional, reserve) : notional;
    }
    return product.commissionType === 'Base' ? mul(remaining, reserve) : remaining;
  }

  /** Checks a new order against the product's rules and the balance; the hold it needs when it passes. */
  checkOrder(
    account: MockAccount,
    category: Category,
    args: PlaceArgs,
    alreadyHeld: ReadonlyMap<string, string> = new Map(),
  ): Outcome<{ product: MockProduct; holdPrice: string; hold: string; holdAsset: string }> {
    const product = this.products.get(args.symbol);
    if (!product) return { ok: false, error: refusal('INVALID_PRODUCT', `Invalid product: ${args.symbol}`) };
    if (category === 'margin' && !product.marginTradable)
      return { ok: false, error: refusal('INVALID_MARGIN_ASSET', `${args.symbol} cannot be traded on margin.`) };
    const { orderPrice, stopPrice } = pricesOf(args);
    const breach = checkProductRules(product, {
      orderQty: args.orderQty,
      orderPrice,
      stopPrice,
    });
    if (breach) return { ok: false, error: refusal(breach.reason, breach.message) };
    const side: OrderSide = args.side === 'buy' ? 'Buy' : 'Sell';
    const holdPrice = orderPrice ?? stopPrice ?? this.market.referencePrice(args.symbol);
    const hold = this.holdFor(product, side, holdPrice, args.orderQty);
    const holdAsset = side === 'Buy' ? product.quoteAsset : product.baseAsset;
    const available = sub(
      this.balance(this.state(account, category), holdAsset).available,
      alreadyHeld.get(holdAsset) ?? '0',
    );
    if (cmp(available, hold) < 0) return { ok: false, error: refusal('INVALID_BALANCE', 'Not Enough Account Balance') };
    return { ok: true, value: { product, holdPrice, hold, holdAsset } };
  }

  /**
   * Places an order: checks it, holds its funds, publishes it, and crosses it against a scripted
   * book. `ackMode` only decides which sessions get the first report (`New` or `Ready`).
   */
  placeOrder(account: MockAccount, category: Category, args: PlaceArgs, transport: 'rest' | 'ws'): Outcome<MockOrder> {
    const checked = this.checkOrder(account, category, args);
    if (!checked.ok) return checked;
    const { product, holdPrice, hold, holdAsset } = checked.value;
    const state = this.state(account, category);
    const now = this.clock();
    const orderId = this.requestOrderId(account, transport, args.time, args.id);
    // A reused client id gives the same server id; the exchange refuses such duplicates.
    if (this.orders.has(orderId))
      return { ok: false, error: refusal('INVALID_ORDER_ID', `Duplicate order id ${orderId}`) };
    const typeName = { market: 'Market', limit: 'Limit', stop_market: 'StopMarket', stop_limit: 'StopLimit' } as const;
    const side: OrderSide = args.side === 'buy' ? 'Buy' : 'Sell';
    const received = side === 'Buy' ? product.baseAsset : product.quoteAsset;
    const feeAsset =
      product.commissionType === 'Quote'
        ? product.quoteAsset
        : product.commissionType === 'Base'
          ? product.baseAsset
          : received;
    const order: MockOrder = {
      orderId,
      clientOrderId: args.id,
      accountId: state.accountId,
      ac: category === 'cash' ? 'CASH' : 'MARGIN',
      symbol: args.symbol,
      side,
      orderType: typeName[args.orderType],
      price: pricesOf(args).orderPrice !== undefined ? normalize(pricesOf(args).orderPrice!) : '',
      stopPrice: pricesOf(args).stopPrice !== undefined ? normalize(pricesOf(args).stopPrice!) : '',
      orderQty: normalize(args.orderQty),
      execInst: args.postOnly ? 'Post' : 'NULL_VAL',
      createTime: now,
      status: 'New',
      filledQty: '0',
      filledNotional: '0',
      cumFee: '0',
      feeAsset,
      lastExecTime: now,
      seqNum: 0,
      holdPrice,
      holdAsset,
      lastPrice: '',
      lastQty: '',
    };
    this.orders.set(orderId, order);
    const held = this.balance(state, holdAsset);
    held.available = sub(held.available, hold);
    order.seqNum = this.nextSn(state.accountId);
    this.emitOrder(order, 'new');
    this.emitBalance(state, holdAsset);
    this.cross(order, args);
    if (order.status === 'New') this.emitOrder(order, 'ready', 'Ready');
    return { ok: true, value: order };
  }

  /** Fills a new order against a scripted book when it is marketable; what a market or IOC order leaves is cancelled. */
  private cross(order: MockOrder, args: PlaceArgs): void {
    if (!this.market.isScripted(order.symbol)) return;
    if (order.orderType !== 'Limit' && order.orderType !== 'Market') return;
    const limit = order.orderType === 'Limit' ? order.price : undefined;
    const fills = this.market.take(order.symbol, order.side, order.orderQty, limit);
    for (const fill of fills) this.applyFill(order, fill.qty, fill.price, this.takerFee);
    const ioc = order.orderType === 'Market' || args.timeInForce === 'IOC' || args.timeInForce === 'FOK';
    if (ioc && isOpen(order)) this.cancelOrder(order);
  }

  /** Applies one fill: sizes, average price, fee, the hold released and the balances moved; publishes all of it. */
  private applyFill(order: MockOrder, qty: string, price: string, feeRate: string): void {
    const product = this.products.get(order.symbol)!;
    const state = this.states.get(order.accountId)!;
    const remainingBefore = sub(order.orderQty, order.filledQty);
    const remainingAfter = sub(remainingBefore, qty);
    const release = sub(
      this.holdFor(product, order.side, order.holdPrice, remainingBefore),
      this.holdFor(product, order.side, order.holdPrice, remainingAfter),
    );
    const notional = mul(price, qty);
    const fee = order.feeAsset === product.quoteAsset ? mul(notional, feeRate) : mul(qty, feeRate);
    const [paid, paidAmount, got, gotAmount] =
      order.side === 'Buy'
        ? [product.quoteAsset, notional, product.baseAsset, qty]
        : [product.baseAsset, qty, product.quoteAsset, notional];
    const move = (asset: string, change: (value: string, amount: string) => string, amount: string): void => {
      const b = this.balance(state, asset);
      b.total = change(b.total, amount);
      b.available = change(b.available, amount);
    };
    this.balance(state, order.holdAsset).available = add(this.balance(state, order.holdAsset).available, release);
    move(paid, sub, paidAmount);
    move(got, add, gotAmount);
    move(order.feeAsset, sub, fee);
    order.filledQty = add(order.filledQty, qty);
    order.filledNotional = add(order.filledNotional, notional);
    order.cumFee = add(order.cumFee, fee);
    order.lastPrice = price;
    order.lastQty = qty;
    order.lastExecTime = this.clock();
    order.status = isZero(remainingAfter) ? 'Filled' : 'PartiallyFilled';
    order.seqNum = this.nextSn(state.accountId);
    this.emitOrder(order);
    for (const asset of new Set([paid, got, order.feeAsset])) this.emitBalance(state, asset);
  }

  /**
   * Fills an open order as the matching engine would when someone trades against it (maker fee):
   * `qty` defaults to what is left, `price` to the order's price (the reference price for market orders).
   */
  fill(orderId: string, options: FillOptions = {}): MockOrder {
    const order = this.orders.get(orderId);
    if (!order) throw new MockExchangeError(`unknown order ${orderId}`);
    if (!isOpen(order)) throw new MockExchangeError(`order ${orderId} is ${order.status}, not open`);
    const remaining = sub(order.orderQty, order.filledQty);
    const qty = normalize(options.qty ?? remaining);
    if (cmp(qty, '0') <= 0 || cmp(qty, remaining) > 0)
      throw new MockExchangeError(`fill size ${qty} must be above 0 and at most the ${remaining} left`);
    const price = normalize(options.price ?? (order.price || this.market.referencePrice(order.symbol)));
    this.applyFill(order, qty, price, this.makerFee);
    return order;
  }

  /** Cancels an open order: releases its hold and publishes it. */
  private cancelOrder(order: MockOrder): void {
    const product = this.products.get(order.symbol)!;
    const state = this.states.get(order.accountId)!;
    const release = this.holdFor(product, order.side, order.holdPrice, sub(order.orderQty, order.filledQty));
    const b = this.balance(state, order.holdAsset);
    b.available = add(b.available, release);
    order.status = 'Canceled';
    order.lastExecTime = this.clock();
    order.seqNum = this.nextSn(state.accountId);
    this.emitOrder(order);
    this.emitBalance(state, order.holdAsset);
  }

  /**
   * Cancels one open order of the account. A finished or unknown order is refused, and sessions in
   * Ready Ack mode get an OrderCancelReject naming the cancel request's own id.
   */
  cancel(
    account: MockAccount,
    category: Category,
    request: { orderId: string; symbol: string; time: number; id?: string | undefined },
    transport: 'rest' | 'ws',
  ): Outcome<MockOrder> {
    const order = this.order(account, category, request.orderId);
    if (order && isOpen(order)) {
      this.cancelOrder(order);
      return { ok: true, value: order };
    }
    const cancelId = this.requestOrderId(account, transport, request.time, request.id);
    this.emitCancelReject(
      this.state(account, category),
      cancelId,
      request.orderId,
      request.symbol,
      order ? 'TooLateToCancel' : 'NoOpenForCancel',
    );
    return { ok: false, error: cancelNotOpen };
  }

  /** Cancels every open order of the account, or those on `symbol`; the orders cancelled. */
  cancelAll(account: MockAccount, category: Category, symbol?: string): MockOrder[] {
    const open = this.ordersOf(account, category).filter(
      (o) => isOpen(o) && (symbol === undefined || o.symbol === symbol),
    );
    for (const order of open) this.cancelOrder(order);
    return open;
  }
}

/** Builds a stateful mock exchange. @public */
export function createMockExchange(options: MockExchangeOptions = {}): MockExchange {
  return new MockExchange(options);
}
