// One side of an order book: levels kept best first (asks ascending, bids descending), each with
// its price's sort key (see PriceKey) and the price and size as the exchange wrote them.
//
// Most updates resize a level that exists, so a level is also found by its price text in a map:
// a resize is a map lookup and an in-place write. The order is touched only when a level appears
// or goes away, and it lives in typed arrays (the levels' slot numbers and their keys as doubles):
// inserting or removing is a plain memory move, where moving the references of an array of level
// objects costs a garbage-collector write barrier per element, and the binary search reads
// doubles without following a reference per step. A level's data sits in per-slot arrays; a slot
// freed by a removal is reused by the next new level.
import type { PriceLevel } from '@ascendex-toolkit/types';

/**
 * A price's sort key: the exact value as a bigint of 10^-18 units, and the nearest double.
 * Comparing the doubles first is exact: rounding to the nearest double never reverses an order
 * (a < b implies double(a) <= double(b)), so doubles that differ order the prices; only equal
 * doubles need the bigint comparison, which is several times slower.
 */
export interface PriceKey {
  readonly units: bigint;
  readonly approx: number;
}

/** Orders two keys: negative when `a` is the lower price, 0 when equal, positive when higher. */
export function comparePriceKeys(a: PriceKey, b: PriceKey): number {
  if (a.approx !== b.approx) return a.approx < b.approx ? -1 : 1;
  return a.units === b.units ? 0 : a.units < b.units ? -1 : 1;
}

/** Returned by {@link BookSide.find} for a price the side does not hold under that text. */
export const NO_SLOT = -1;

/** The capacity of a side's position arrays when empty; a larger book's are released when it is cleared. */
const INITIAL_CAPACITY = 64;

export class BookSide {
  /** Slot numbers, best first; `count` of them are in use. */
  private order = new Int32Array(INITIAL_CAPACITY);
  /** `approx` of the key of the slot at the same position of `order`. */
  private approx = new Float64Array(INITIAL_CAPACITY);
  private count = 0;
  // Per slot: the level's key, price text (undefined when the slot is free) and size.
  private readonly keys: (PriceKey | undefined)[] = [];
  private readonly prices: (string | undefined)[] = [];
  private readonly sizes: string[] = [];
  private readonly freeSlots: number[] = [];
  /** Every level's slot under its `price` text (other spellings of the price miss and fall back to the key). */
  private readonly byPrice = new Map<string, number>();

  /** @param descending true for bids (best = highest price), false for asks. */
  constructor(private readonly descending: boolean) {}

  get length(): number {
    return this.count;
  }

  /** The slot of the level whose price is written exactly `price`, or {@link NO_SLOT}. */
  find(price: string): number {
    return this.byPrice.get(price) ?? NO_SLOT;
  }

  /** True while `slot` holds the level of `price` (a level found earlier in an update may be gone by now). */
  holds(slot: number, price: string): boolean {
    return this.prices[slot] === price;
  }

  /** The key of the best level, or undefined when the side is empty. */
  bestKey(): PriceKey | undefined {
    return this.count === 0 ? undefined : this.keys[this.order[0]!];
  }

  /** The key of a level this side holds. */
  keyOf(slot: number): PriceKey {
    return this.keys[slot]!;
  }

  /** Changes the size of a level this side holds. */
  resize(slot: number, size: string): void {
    this.sizes[slot] = size;
  }

  /** The position of the level at `key` when found, else `-(insertionPoint + 1)` (as Java's binarySearch). */
  private search(key: PriceKey): number {
    const approx = this.approx;
    const order = this.order;
    const keys = this.keys;
    const descending = this.descending;
    const target = key.approx;
    let low = 0;
    let high = this.count - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const a = approx[mid]!;
      let below = a < target;
      if (a === target) {
        const k = keys[order[mid]!]!;
        if (k === key || k.units === key.units) return mid;
        below = k.units < key.units;
      }
      if (below !== descending) low = mid + 1;
      else high = mid - 1;
    }
    return -(low + 1);
  }

  /** Adds or replaces the level at `key`. */
  set(key: PriceKey, price: string, size: string): void {
    const found = this.search(key);
    if (found >= 0) {
      // The same price written differently ("1.50" after "1.5"): the level takes the new spelling.
      const slot = this.order[found]!;
      const old = this.prices[slot]!;
      if (old !== price) {
        this.byPrice.delete(old);
        this.byPrice.set(price, slot);
        this.prices[slot] = price;
      }
      this.sizes[slot] = size;
      return;
    }
    const slot = this.freeSlots.length > 0 ? this.freeSlots.pop()! : this.prices.length;
    this.keys[slot] = key;
    this.prices[slot] = price;
    this.sizes[slot] = size;
    this.byPrice.set(price, slot);
    if (this.count === this.order.length) this.grow();
    const at = -found - 1;
    this.order.copyWithin(at + 1, at, this.count);
    this.approx.copyWithin(at + 1, at, this.count);
    this.order[at] = slot;
    this.approx[at] = key.approx;
    this.count++;
  }

  private grow(): void {
    const order = new Int32Array(this.order.length * 2);
    order.set(this.order);
    this.order = order;
    const approx = new Float64Array(this.approx.length * 2);
    approx.set(this.approx);
    this.approx = approx;
  }

  /** Removes the level at `key`; a price the side does not hold is not an error (the exchange may repeat deletions). */
  remove(key: PriceKey): void {
    const at = this.search(key);
    if (at >= 0) this.drop(at);
  }

  /** Removes a level this side holds (its slot from {@link find}). */
  removeSlot(slot: number): void {
    this.drop(this.search(this.keys[slot]!));
  }

  private drop(at: number): void {
    const slot = this.order[at]!;
    this.order.copyWithin(at, at + 1, this.count);
    this.approx.copyWithin(at, at + 1, this.count);
    this.count--;
    this.byPrice.delete(this.prices[slot]!);
    this.keys[slot] = undefined;
    this.prices[slot] = undefined;
    this.freeSlots.push(slot);
  }

  clear(): void {
    if (this.order.length > INITIAL_CAPACITY * 16) {
      this.order = new Int32Array(INITIAL_CAPACITY);
      this.approx = new Float64Array(INITIAL_CAPACITY);
    }
    this.count = 0;
    this.keys.length = 0;
    this.prices.length = 0;
    this.sizes.length = 0;
    this.freeSlots.length = 0;
    this.byPrice.clear();
  }

  /** The level at `index` (0 = best), or undefined. */
  at(index: number): PriceLevel | undefined {
    if (!(index >= 0 && index < this.count)) return undefined;
    const slot = this.order[index]!;
    return [this.prices[slot]!, this.sizes[slot]!];
  }

  /** The best `n` levels (all when `n` is undefined), as fresh, frozen `[price, size]` pairs. */
  top(n?: number): readonly PriceLevel[] {
    const count = n === undefined ? this.count : Math.min(Math.max(0, Math.floor(n)), this.count);
    const result = new Array<PriceLevel>(count);
    for (let i = 0; i < count; i++) {
      const slot = this.order[i]!;
      result[i] = Object.freeze([this.prices[slot]!, this.sizes[slot]!]) as PriceLevel;
    }
    return Object.freeze(result);
  }
}
