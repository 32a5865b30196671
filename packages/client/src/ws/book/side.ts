// One side of an order book: levels kept in price order, each with its price and size as the
// exchange wrote them.
//
// A price is placed by its nearest double (`approx`) and, only where two doubles are equal, by
// its exact decimal value read from the text (comparePriceTexts). Rounding to the nearest double
// never reverses an order (a < b implies double(a) <= double(b)), so this is the exact order with
// one comparison of doubles per step for nearly every price. The order lives in typed arrays (the
// levels' slot numbers and their doubles): a binary search reads doubles without following a
// reference per step, and inserting or removing is a plain memory move, where moving the
// references of an array of level objects costs a garbage-collector write barrier per element.
// The best level is last, as most changes happen near the top of the book: they move little.
// A level's texts sit in per-slot arrays; a slot freed by a removal is reused by the next new
// level. Nothing is kept per price beyond its level: no map, no cache.
import type { PriceLevel } from '@ascendex-toolkit/types';

/**
 * Orders two decimal price texts (digits with an optional fraction, as the book accepts them) by
 * exact value: negative when `a` is the lower price, 0 when equal (`"1.50"` and `"1.5"`), positive
 * when higher. Without converting: leading zeros skipped, the longer integer part is larger, then
 * digit by digit, a missing fraction digit counting as 0.
 */
export function comparePriceTexts(a: string, b: string): number {
  if (a === b) return 0;
  let pointA = a.indexOf('.');
  let pointB = b.indexOf('.');
  if (pointA < 0) pointA = a.length;
  if (pointB < 0) pointB = b.length;
  let i = 0;
  let j = 0;
  while (i < pointA && a.charCodeAt(i) === 48) i++;
  while (j < pointB && b.charCodeAt(j) === 48) j++;
  if (pointA - i !== pointB - j) return pointA - i - (pointB - j);
  for (; i < pointA; i++, j++) {
    const d = a.charCodeAt(i) - b.charCodeAt(j);
    if (d !== 0) return d;
  }
  // The fractions, digit by digit after the points.
  for (i = pointA + 1, j = pointB + 1; i < a.length || j < b.length; i++, j++) {
    const d = (i < a.length ? a.charCodeAt(i) : 48) - (j < b.length ? b.charCodeAt(j) : 48);
    if (d !== 0) return d;
  }
  return 0;
}

/** Orders two prices, each given by its double and its text (see the file comment). */
export function comparePrices(approxA: number, textA: string, approxB: number, textB: string): number {
  if (approxA !== approxB) return approxA < approxB ? -1 : 1;
  return comparePriceTexts(textA, textB);
}

/** The capacity of a side's position arrays when empty; a larger book's are released when it is cleared. */
const INITIAL_CAPACITY = 64;

export class BookSide {
  /** Slot numbers, worst level first, best last (so that changes near the top of the book move little); `count` in use. */
  private order = new Int32Array(INITIAL_CAPACITY);
  /**
   * The sort key of the slot at the same position of `order`: the price's double, negated on the
   * ask side, so that both sides ascend towards their best level.
   */
  private keys = new Float64Array(INITIAL_CAPACITY);
  private count = 0;
  // Per slot: the level's price text (undefined when the slot is free) and size.
  private readonly prices: (string | undefined)[] = [];
  private readonly sizes: string[] = [];
  private readonly freeSlots: number[] = [];
  /** 1 for bids (best = highest price), -1 for asks (best = lowest). */
  private readonly sign: number;

  /** @param descending true for bids (best = highest price), false for asks. */
  constructor(descending: boolean) {
    this.sign = descending ? 1 : -1;
  }

  get length(): number {
    return this.count;
  }

  /** The double of the best level's price (NaN when the side is empty). */
  bestApprox(): number {
    return this.count === 0 ? NaN : this.sign * this.keys[this.count - 1]!;
  }

  /** The text of the best level's price, or undefined when the side is empty. */
  bestPrice(): string | undefined {
    return this.count === 0 ? undefined : this.prices[this.order[this.count - 1]!];
  }

  /** The position of the level at the price when found, else `-(insertionPoint + 1)` (as Java's binarySearch). */
  private search(approx: number, price: string): number {
    const keys = this.keys;
    const key = this.sign * approx;
    let low = 0;
    let high = this.count - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const k = keys[mid]!;
      if (k < key) low = mid + 1;
      else if (k > key) high = mid - 1;
      else {
        // Equal doubles: the exact values decide (rare: the same price, or prices a double cannot tell apart).
        const order = this.sign * comparePriceTexts(this.prices[this.order[mid]!]!, price);
        if (order === 0) return mid;
        if (order < 0) low = mid + 1;
        else high = mid - 1;
      }
    }
    return -(low + 1);
  }

  /** Adds or replaces the level at the price; the same price written differently ("1.50" after "1.5") takes the new spelling. */
  set(approx: number, price: string, size: string): void {
    const found = this.search(approx, price);
    if (found >= 0) {
      const slot = this.order[found]!;
      this.prices[slot] = price;
      this.sizes[slot] = size;
      return;
    }
    const slot = this.freeSlots.length > 0 ? this.freeSlots.pop()! : this.prices.length;
    this.prices[slot] = price;
    this.sizes[slot] = size;
    if (this.count === this.order.length) this.grow();
    const at = -found - 1;
    if (at < this.count) {
      this.order.copyWithin(at + 1, at, this.count);
      this.keys.copyWithin(at + 1, at, this.count);
    }
    this.order[at] = slot;
    this.keys[at] = this.sign * approx;
    this.count++;
  }

  private grow(): void {
    const order = new Int32Array(this.order.length * 2);
    order.set(this.order);
    this.order = order;
    const keys = new Float64Array(this.keys.length * 2);
    keys.set(this.keys);
    this.keys = keys;
  }

  /** Removes the level at the price; a price the side does not hold is not an error (the exchange may repeat deletions). */
  remove(approx: number, price: string): void {
    const at = this.search(approx, price);
    if (at < 0) return;
    const slot = this.order[at]!;
    this.count--;
    if (at < this.count) {
      this.order.copyWithin(at, at + 1, this.count + 1);
      this.keys.copyWithin(at, at + 1, this.count + 1);
    }
    this.prices[slot] = undefined;
    this.sizes[slot] = '';
    this.freeSlots.push(slot);
  }

  clear(): void {
    if (this.order.length > INITIAL_CAPACITY * 16) {
      this.order = new Int32Array(INITIAL_CAPACITY);
      this.keys = new Float64Array(INITIAL_CAPACITY);
    }
    this.count = 0;
    this.prices.length = 0;
    this.sizes.length = 0;
    this.freeSlots.length = 0;
  }

  /** The level at `index` (0 = best), or undefined. */
  at(index: number): PriceLevel | undefined {
    if (!(index >= 0 && index < this.count)) return undefined;
    const slot = this.order[this.count - 1 - index]!;
    return [this.prices[slot]!, this.sizes[slot]!];
  }

  /** The best `n` levels (all when `n` is undefined), as fresh, frozen `[price, size]` pairs. */
  top(n?: number): readonly PriceLevel[] {
    const count = n === undefined ? this.count : Math.min(Math.max(0, Math.floor(n)), this.count);
    const result = new Array<PriceLevel>(count);
    for (let i = 0; i < count; i++) {
      const slot = this.order[this.count - 1 - i]!;
      result[i] = Object.freeze([this.prices[slot]!, this.sizes[slot]!]) as PriceLevel;
    }
    return Object.freeze(result);
  }
}
