// Matching: placing an order that passed its checks (./order-checks.ts) with its funds held,
// crossing a scripted book (IOC, FOK all-or-nothing, post-only refusal), triggering stop orders
// (./stop-orders.ts watches them), fills with fees, and cancels. Every change is told to the
// listeners as an engine event.
import type { OrderStatus } from '@ascendex-toolkit/types';
import type { MockAccount } from '../backend.js';
import { add, cmp, isZero, mul, normalize, serverOrderId, sub } from '@ascendex-toolkit/validators/orders';
import type { AccountState, Ledger } from './accounts.js';
import { MockExchangeError } from './errors.js';
import type { Category, EngineEvent } from './events.js';
import type { Market } from './market.js';
import { checkOrder, holdFor, type CheckedOrder, type Outcome, type PlaceArgs } from './order-checks.js';
import type { OrderStore } from './order-store.js';
import { isOpen, isStop, newOrder, type MockOrder } from './orders.js';
import type { MockProduct } from './products.js';
import type { Prng } from './prng.js';
import { cancelNotOpen, refusal } from './refusals.js';
import { StopOrders } from './stop-orders.js';

/** A fill to apply to an open order: size (default all that is left) and price (default the order's). @public */
export interface FillOptions {
  readonly qty?: string;
  readonly price?: string;
}

/** A cancel request: the order, and the request's own time and id (for the server id of a refusal). */
export interface CancelRequest {
  readonly orderId: string;
  readonly symbol: string;
  readonly time: number;
  readonly id?: string | undefined;
}

export interface MatchingContext {
  readonly ledger: Ledger;
  readonly store: OrderStore;
  readonly market: Market;
  readonly products: ReadonlyMap<string, MockProduct>;
  readonly prng: Prng;
  readonly clock: () => number;
  readonly emit: (event: EngineEvent) => void;
  readonly makerFee: string;
  readonly takerFee: string;
}

export class Matching {
  /** Stop orders not triggered yet. */
  private readonly stops: StopOrders;

  constructor(private readonly x: MatchingContext) {
    this.stops = new StopOrders((symbol) => x.market.lastPrice(symbol));
  }

  private stateOf(order: MockOrder): AccountState {
    return this.x.ledger.byId(order.accountId)!;
  }

  // ---- events ----

  private emitBalance(state: AccountState, asset: string): void {
    const sn = this.x.ledger.nextSn(state);
    this.x.emit({
      kind: 'balance',
      accountId: state.accountId,
      category: state.category,
      asset,
      sn,
      figures: this.x.ledger.figures(state, asset),
    });
  }

  private emitOrder(
    order: MockOrder,
    view: { ackMode?: 'new' | 'ready'; status?: OrderStatus; errorCode?: string } = {},
  ): void {
    const state = this.stateOf(order);
    const product = this.x.products.get(order.symbol)!;
    this.x.emit({
      kind: 'order',
      order: { ...order },
      category: state.category,
      base: this.x.ledger.figures(state, product.baseAsset),
      quote: this.x.ledger.figures(state, product.quoteAsset),
      ...view,
    });
  }

  // ---- placing ----

  /** Checks a new order against the product's rules and the balance; the hold it needs when it passes. */
  checkOrder(
    account: MockAccount,
    category: Category,
    args: PlaceArgs,
    alreadyHeld?: ReadonlyMap<string, string>,
  ): Outcome<CheckedOrder> {
    return checkOrder(this.x, account, category, args, alreadyHeld);
  }

  /** The server id of a place or cancel request, its random tail (if any) drawn from the seeded generator. */
  requestOrderId(account: MockAccount, transport: 'rest' | 'ws', time: number, clientOrderId: string | undefined) {
    return serverOrderId({
      transport,
      time,
      userUID: account.userUID,
      clientOrderId,
      random: () => this.x.prng.next(),
    });
  }

  /**
   * Places an order: checks it, holds its funds, publishes it, then lets it act: a post-only order
   * that would take is rejected, a stop order waits for its trigger, anything else crosses a
   * scripted book. `ackMode` only decides which sessions get the first report (`New` or `Ready`).
   */
  placeOrder(account: MockAccount, category: Category, args: PlaceArgs, transport: 'rest' | 'ws'): Outcome<MockOrder> {
    const checked = this.checkOrder(account, category, args);
    if (!checked.ok) return checked;
    const { hold, holdAsset } = checked.value;
    const state = this.x.ledger.of(account, category);
    const now = this.x.clock();
    const orderId = this.requestOrderId(account, transport, args.time, args.id);
    // A reused client id gives the same server id; the exchange refuses such duplicates.
    if (this.x.store.has(orderId))
      return { ok: false, error: refusal('INVALID_ORDER_ID', `Duplicate order id ${orderId}`) };
    const order = newOrder({ orderId, accountId: state.accountId, category, args, checked: checked.value, now });
    this.x.store.add(order);
    const held = this.x.ledger.balance(state, holdAsset);
    held.available = sub(held.available, hold);
    order.seqNum = this.x.ledger.nextSn(state);
    this.emitOrder(order, { ackMode: 'new' });
    this.emitBalance(state, holdAsset);
    if (order.execInst === 'Post' && this.wouldTake(order)) this.rejectPostOnly(order);
    else if (isStop(order)) this.waitForTrigger(order);
    else this.cross(order, args.timeInForce);
    if (order.status === 'New') this.emitOrder(order, { ackMode: 'ready', status: 'Ready' });
    return { ok: true, value: order };
  }

  /** Whether a limit order's price reaches the best price on the other side of the book. */
  private wouldTake(order: MockOrder): boolean {
    if (order.orderType !== 'Limit') return false;
    const { ask, bid } = this.x.market.best(order.symbol);
    return order.side === 'Buy'
      ? ask !== undefined && cmp(order.price, ask[0]) >= 0
      : bid !== undefined && cmp(order.price, bid[0]) <= 0;
  }

  /**
   * A post-only order that would take is rejected at once: sessions in the default mode see it
   * `Canceled` (after its `New`), Ready Ack sessions see it `Rejected` with `PostOnlyWouldTake`, as
   * the ready-ack article shows; the order keeps the latter.
   */
  private rejectPostOnly(order: MockOrder): void {
    this.release(order);
    order.status = 'Rejected';
    order.errorCode = 'PostOnlyWouldTake';
    this.settle(order);
    this.emitOrder(order, { ackMode: 'new', status: 'Canceled', errorCode: '' });
    this.emitOrder(order, { ackMode: 'ready' });
    this.emitBalance(this.stateOf(order), order.holdAsset);
  }

  // ---- stop orders ----

  private waitForTrigger(order: MockOrder): void {
    if (this.stops.reached(order)) this.trigger(order);
    else this.stops.wait(order);
  }

  /** The stop fired: the order is reported again and acts as the market or limit order it becomes. */
  private trigger(order: MockOrder): void {
    this.stops.forget(order);
    order.triggered = true;
    order.lastExecTime = this.x.clock();
    order.seqNum = this.x.ledger.nextSn(this.stateOf(order));
    this.emitOrder(order);
    this.cross(order, undefined);
  }

  /** Triggers every waiting stop order of `symbol` whose stop price the market price has reached. */
  checkStops(symbol?: string): void {
    for (const order of this.stops.waitingNow(symbol))
      if (isOpen(order) && this.stops.reached(order)) this.trigger(order);
  }

  // ---- crossing and fills ----

  /**
   * Fills a new (or just triggered) order against a scripted book when it is marketable. A FOK
   * order fills whole or not at all; what a market, IOC or FOK order leaves is cancelled. On an
   * unscripted book nothing fills on arrival: IOC and FOK orders are cancelled, market orders wait
   * for `fill()`.
   */
  private cross(order: MockOrder, timeInForce: string | undefined): void {
    const market = order.orderType === 'Market' || order.orderType === 'StopMarket';
    const immediate = market || timeInForce === 'IOC' || timeInForce === 'FOK';
    if (this.x.market.isScripted(order.symbol)) {
      const limit = market ? undefined : order.price;
      const fok =
        timeInForce === 'FOK' && cmp(this.x.market.available(order.symbol, order.side, limit), order.orderQty) < 0;
      if (!fok) {
        const fills = this.x.market.take(order.symbol, order.side, order.orderQty, limit);
        for (const fill of fills) this.applyFill(order, fill.qty, fill.price, this.x.takerFee);
      }
    } else if (market) return;
    if (immediate && isOpen(order)) this.cancelOrder(order);
    this.checkStops(order.symbol);
  }

  /** Applies one fill: sizes, average price, fee, the hold released and the balances moved; publishes all of it. */
  private applyFill(order: MockOrder, qty: string, price: string, feeRate: string): void {
    const product = this.x.products.get(order.symbol)!;
    const state = this.stateOf(order);
    const ledger = this.x.ledger;
    const remainingBefore = sub(order.orderQty, order.filledQty);
    const remainingAfter = sub(remainingBefore, qty);
    const release = sub(
      holdFor(product, order.side, order.holdPrice, remainingBefore),
      holdFor(product, order.side, order.holdPrice, remainingAfter),
    );
    const notional = mul(price, qty);
    const fee = order.feeAsset === product.quoteAsset ? mul(notional, feeRate) : mul(qty, feeRate);
    const [paid, paidAmount, got, gotAmount] =
      order.side === 'Buy'
        ? [product.quoteAsset, notional, product.baseAsset, qty]
        : [product.baseAsset, qty, product.quoteAsset, notional];
    const move = (asset: string, change: (value: string, amount: string) => string, amount: string): void => {
      const b = ledger.balance(state, asset);
      b.total = change(b.total, amount);
      b.available = change(b.available, amount);
    };
    const held = ledger.balance(state, order.holdAsset);
    held.available = add(held.available, release);
    move(paid, sub, paidAmount);
    move(got, add, gotAmount);
    move(order.feeAsset, sub, fee);
    order.filledQty = add(order.filledQty, qty);
    order.filledNotional = add(order.filledNotional, notional);
    order.cumFee = add(order.cumFee, fee);
    order.lastPrice = price;
    order.lastQty = qty;
    order.lastExecTime = this.x.clock();
    order.status = isZero(remainingAfter) ? 'Filled' : 'PartiallyFilled';
    order.seqNum = ledger.nextSn(state);
    this.settle(order);
    this.emitOrder(order);
    for (const asset of new Set([paid, got, order.feeAsset])) this.emitBalance(state, asset);
  }

  /**
   * Fills an open order as the matching engine would when someone trades against it (maker fee):
   * `qty` defaults to what is left, `price` to the order's price (the reference price for market
   * orders). A stop order must have triggered first.
   */
  fill(orderId: string, options: FillOptions = {}): MockOrder {
    const order = this.x.store.get(orderId);
    if (!order) throw new MockExchangeError(`unknown order ${orderId}`);
    if (!isOpen(order)) throw new MockExchangeError(`order ${orderId} is ${order.status}, not open`);
    if (isStop(order) && !order.triggered)
      throw new MockExchangeError(
        `stop order ${orderId} has not triggered (the market price has not reached ${order.stopPrice})`,
      );
    const remaining = sub(order.orderQty, order.filledQty);
    const qty = normalize(options.qty ?? remaining);
    if (cmp(qty, '0') <= 0 || cmp(qty, remaining) > 0)
      throw new MockExchangeError(`fill size ${qty} must be above 0 and at most the ${remaining} left`);
    const price = normalize(options.price ?? (order.price || this.x.market.referencePrice(order.symbol)));
    this.applyFill(order, qty, price, this.x.makerFee);
    return order;
  }

  // ---- cancelling ----

  /** Gives back what an order still holds. */
  private release(order: MockOrder): void {
    const product = this.x.products.get(order.symbol)!;
    const release = holdFor(product, order.side, order.holdPrice, sub(order.orderQty, order.filledQty));
    const b = this.x.ledger.balance(this.stateOf(order), order.holdAsset);
    b.available = add(b.available, release);
  }

  /** A finished order leaves the open index and the stop watch. */
  private settle(order: MockOrder): void {
    if (isOpen(order)) return;
    this.stops.forget(order);
    this.x.store.finish(order);
  }

  /** Cancels an open order: releases its hold and publishes it. */
  private cancelOrder(order: MockOrder): void {
    this.release(order);
    order.status = 'Canceled';
    order.lastExecTime = this.x.clock();
    order.seqNum = this.x.ledger.nextSn(this.stateOf(order));
    this.settle(order);
    this.emitOrder(order);
    this.emitBalance(this.stateOf(order), order.holdAsset);
  }

  /**
   * Cancels one open order of the account. A finished or unknown order is refused (code 300019),
   * and sessions in Ready Ack mode get an OrderCancelReject naming the cancel request's own id.
   */
  cancel(
    account: MockAccount,
    category: Category,
    request: CancelRequest,
    transport: 'rest' | 'ws',
  ): Outcome<MockOrder> {
    const state = this.x.ledger.of(account, category);
    const order = this.x.store.get(request.orderId);
    const own = order && order.accountId === state.accountId ? order : undefined;
    if (own && isOpen(own)) {
      this.cancelOrder(own);
      return { ok: true, value: own };
    }
    this.x.emit({
      kind: 'cancel-reject',
      accountId: state.accountId,
      category: state.category,
      cancelId: this.requestOrderId(account, transport, request.time, request.id),
      origOrderId: request.orderId,
      symbol: request.symbol,
      reason: own ? 'TooLateToCancel' : 'NoOpenForCancel',
      sn: this.x.ledger.nextSn(state),
      time: this.x.clock(),
    });
    return { ok: false, error: cancelNotOpen };
  }

  /** Cancels every open order of the account, or those on `symbol`; the orders cancelled. */
  cancelAll(account: MockAccount, category: Category, symbol?: string): MockOrder[] {
    const accountId = this.x.ledger.of(account, category).accountId;
    const open = [...this.x.store.openOrders(accountId)].filter((o) => symbol === undefined || o.symbol === symbol);
    for (const order of open) this.cancelOrder(order);
    return open;
  }
}
