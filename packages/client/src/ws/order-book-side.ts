// One side of an order book: levels kept best first (asks ascending, bids descending), each with
// the exact price as a bigint of 10^-18 units (the sort key) and the price and size as the
// exchange wrote them. Lookups are binary searches on the key; a resized level is changed in
// place, so only a new price level allocates (its record).
import type { PriceLevel } from '@ascendex-toolkit/types';

/** One level; updated in place when its size changes. */
interface Level {
  readonly key: bigint;
  price: string;
  size: string;
}

export class BookSide {
  private readonly levels: Level[] = [];

  /** @param descending true for bids (best = highest price), false for asks. */
  constructor(private readonly descending: boolean) {}

  get length(): number {
    return this.levels.length;
  }

  /** The index of the level at `key` when found, else `-(insertionPoint + 1)` (as Java's binarySearch). */
  private search(key: bigint): number {
    const levels = this.levels;
    let low = 0;
    let high = levels.length - 1;
    const descending = this.descending;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const k = levels[mid]!.key;
      if (k === key) return mid;
      if (k < key !== descending) low = mid + 1;
      else high = mid - 1;
    }
    return -(low + 1);
  }

  /** Adds or replaces the level at `key`. */
  set(key: bigint, price: string, size: string): void {
    const found = this.search(key);
    if (found >= 0) {
      const level = this.levels[found]!;
      level.price = price;
      level.size = size;
    } else {
      // splice moves the tail with a memmove: far cheaper than moving it element by element.
      this.levels.splice(-found - 1, 0, { key, price, size });
    }
  }

  /** Removes the level at `key`; a price the side does not hold is not an error (the exchange may repeat deletions). */
  remove(key: bigint): void {
    const at = this.search(key);
    if (at >= 0) this.levels.splice(at, 1);
  }

  clear(): void {
    this.levels.length = 0;
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
