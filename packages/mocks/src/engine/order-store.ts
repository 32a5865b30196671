// Where the engine keeps orders, indexed for the questions the API asks, with a bound on memory.
// Open orders are always kept (funds are held for them). Finished orders (filled, cancelled,
// rejected) are kept up to `maxFinishedOrders`, oldest dropped first, as the exchange keeps a
// limited history. Lists are answered from indexes (by id, the open orders of an account, the
// finished orders of an account and of an account's symbol), never by scanning every order.
import { isOpen, type MockOrder } from './orders.js';

/** Finished orders kept by default. @public */
export const DEFAULT_MAX_FINISHED_ORDERS = 10_000;

/** A first-in first-out list with O(1) append, drop-oldest and index access. */
class Queue<T> {
  private items: T[] = [];
  private head = 0;

  get length(): number {
    return this.items.length - this.head;
  }

  push(item: T): void {
    this.items.push(item);
  }

  /** Drops the oldest item (compacting now and then, so memory follows the length). */
  shift(): T | undefined {
    if (this.head >= this.items.length) return undefined;
    const item = this.items[this.head]!;
    this.items[this.head++] = undefined as T;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }

  /** The item at `i`, 0 being the oldest. */
  at(i: number): T {
    return this.items[this.head + i]!;
  }

  peek(): T | undefined {
    return this.length > 0 ? this.at(0) : undefined;
  }
}

/** The finished orders of one index key, oldest first (so in increasing `seqNum`). */
export interface FinishedList {
  readonly length: number;
  /** The order at `i`, 0 being the oldest kept. */
  at(i: number): MockOrder;
}

const EMPTY: FinishedList = { length: 0, at: () => undefined as never };

export class OrderStore {
  private readonly byId = new Map<string, MockOrder>();
  private readonly open = new Map<string, Map<string, MockOrder>>();
  /** Finished orders by `accountId` and by `accountId|symbol`. */
  private readonly finished = new Map<string, Queue<MockOrder>>();
  /** Every finished order kept, in the order they finished: the eviction queue. */
  private readonly finishOrder = new Queue<MockOrder>();

  constructor(readonly maxFinishedOrders = DEFAULT_MAX_FINISHED_ORDERS) {}

  /** Orders kept, open and finished. */
  get size(): number {
    return this.byId.size;
  }

  has(orderId: string): boolean {
    return this.byId.has(orderId);
  }

  get(orderId: string): MockOrder | undefined {
    return this.byId.get(orderId);
  }

  /** Adds a new (open) order. */
  add(order: MockOrder): void {
    this.byId.set(order.orderId, order);
    let open = this.open.get(order.accountId);
    if (!open) this.open.set(order.accountId, (open = new Map()));
    open.set(order.orderId, order);
    if (!isOpen(order)) this.finish(order);
  }

  /** Moves an order that has just finished from the open index to the finished ones; drops the oldest beyond the bound. */
  finish(order: MockOrder): void {
    const open = this.open.get(order.accountId);
    if (!open?.delete(order.orderId)) return;
    for (const key of [order.accountId, `${order.accountId}|${order.symbol}`]) {
      let list = this.finished.get(key);
      if (!list) this.finished.set(key, (list = new Queue()));
      list.push(order);
    }
    this.finishOrder.push(order);
    while (this.finishOrder.length > this.maxFinishedOrders) this.evict();
  }

  private evict(): void {
    const oldest = this.finishOrder.shift()!;
    this.byId.delete(oldest.orderId);
    // The oldest finished order overall is the oldest of each list it is in.
    for (const key of [oldest.accountId, `${oldest.accountId}|${oldest.symbol}`]) {
      const list = this.finished.get(key)!;
      list.shift();
      if (list.length === 0) this.finished.delete(key);
    }
  }

  /** The open orders of an account, oldest first. */
  openOrders(accountId: string): Iterable<MockOrder> {
    return this.open.get(accountId)?.values() ?? [];
  }

  /** The finished orders of an account (of one symbol when given), oldest first. */
  finishedOrders(accountId: string, symbol?: string): FinishedList {
    return this.finished.get(symbol === undefined ? accountId : `${accountId}|${symbol}`) ?? EMPTY;
  }
}

/** The position of the first order of a finished list whose `seqNum` is at least `seqNum` (binary search). */
export function firstAtOrAfter(list: FinishedList, seqNum: number | bigint): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (list.at(mid).seqNum < seqNum) low = mid + 1;
    else high = mid;
  }
  return low;
}
