// One side of an order book: levels kept best first (asks ascending, bids descending), each with
// its price's sort key (see PriceKey) and the price and size as the exchange wrote them. Most updates resize a level that exists, so levels are also found by their
// price text in a map: a resize is a map lookup and changes the level in place, and the sorted
// array (binary searches on the key) is touched only when a level appears or disappears.
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

/** One level; updated in place when its size changes. */
export interface Level {
  readonly key: PriceKey;
  /** The price as last written; the level's entry in the side's map is under this text. */
  price: string;
  size: string;
  /** False once removed from its side (a level found earlier in an update may be gone by now). */
  live: boolean;
}

export class BookSide {
  private readonly levels: Level[] = [];
  /** Every live level under its `price` text (one entry per level; other spellings miss and fall back to the key). */
  private readonly byPrice = new Map<string, Level>();

  /** @param descending true for bids (best = highest price), false for asks. */
  constructor(private readonly descending: boolean) {}

  get length(): number {
    return this.levels.length;
  }

  /** The live level whose price is written exactly `price`, if any. */
  find(price: string): Level | undefined {
    return this.byPrice.get(price);
  }

  /** The index of the level at `key` when found, else `-(insertionPoint + 1)` (as Java's binarySearch). */
  private search(key: PriceKey): number {
    const levels = this.levels;
    let low = 0;
    let high = levels.length - 1;
    const descending = this.descending;
    const approx = key.approx;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const k = levels[mid]!.key;
      let below = k.approx < approx;
      if (k.approx === approx) {
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
      const level = this.levels[found]!;
      if (level.price !== price) {
        this.byPrice.delete(level.price);
        this.byPrice.set(price, level);
        level.price = price;
      }
      level.size = size;
    } else {
      const level: Level = { key, price, size, live: true };
      // splice moves the tail with a memmove: far cheaper than moving it element by element.
      this.levels.splice(-found - 1, 0, level);
      this.byPrice.set(price, level);
    }
  }

  /** Removes the level at `key`; a price the side does not hold is not an error (the exchange may repeat deletions). */
  remove(key: PriceKey): void {
    const at = this.search(key);
    if (at >= 0) this.drop(at);
  }

  /** Removes a level this side holds (found with {@link find}). */
  removeLevel(level: Level): void {
    this.drop(this.search(level.key));
  }

  private drop(at: number): void {
    const level = this.levels[at]!;
    this.levels.splice(at, 1);
    this.byPrice.delete(level.price);
    level.live = false;
  }

  clear(): void {
    for (const level of this.levels) level.live = false;
    this.levels.length = 0;
    this.byPrice.clear();
  }

  /** The level at `index` (0 = best), or undefined. */
  at(index: number): PriceLevel | undefined {
    const level = this.levels[index];
    return level ? [level.price, level.size] : undefined;
  }

  /** The best `n` levels (all when `n` is undefined), as fresh, frozen `[price, size]` pairs. */
  top(n?: number): readonly PriceLevel[] {
    const levels = this.levels;
    const count = n === undefined ? levels.length : Math.min(Math.max(0, Math.floor(n)), levels.length);
    const result = new Array<PriceLevel>(count);
    for (let i = 0; i < count; i++) result[i] = Object.freeze([levels[i]!.price, levels[i]!.size]) as PriceLevel;
    return Object.freeze(result);
  }
}
