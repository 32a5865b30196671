// One side of an order book: levels kept best first (asks ascending, bids descending) in three
// parallel arrays: the exact price as a bigint of 10^-18 units (the sort key), the price and the
// size as the exchange wrote them. Lookups are binary searches on the key; inserting and removing
// move the tail in place, so applying a level allocates nothing beyond the strings it stores.
import type { PriceLevel } from '@ascendex-toolkit/types';

export class BookSide {
  private readonly keys: bigint[] = [];
  private readonly prices: string[] = [];
  private readonly sizes: string[] = [];

  /** @param descending true for bids (best = highest price), false for asks. */
  constructor(private readonly descending: boolean) {}

  get length(): number {
    return this.keys.length;
  }

  /**
   * Where `key` is, or where it would be inserted: `index` and whether the level exists.
   * Returns the index when found, else `-(insertionPoint + 1)`, like Java's binarySearch.
   */
  private search(key: bigint): number {
    const keys = this.keys;
    let low = 0;
    let high = keys.length - 1;
    const descending = this.descending;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const k = keys[mid]!;
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
      this.prices[found] = price;
      this.sizes[found] = size;
      return;
    }
    const at = -found - 1;
    const { keys, prices, sizes } = this;
    // Grow by one, then shift the tail right by one (no temporary array, unlike splice).
    let i = keys.length;
    keys.push(key);
    prices.push(price);
    sizes.push(size);
    for (; i > at; i--) {
      keys[i] = keys[i - 1]!;
      prices[i] = prices[i - 1]!;
      sizes[i] = sizes[i - 1]!;
    }
    keys[at] = key;
    prices[at] = price;
    sizes[at] = size;
  }

  /** Removes the level at `key`; a price the side does not hold is not an error (the exchange may repeat deletions). */
  remove(key: bigint): void {
    const at = this.search(key);
    if (at < 0) return;
    const { keys, prices, sizes } = this;
    const last = keys.length - 1;
    for (let i = at; i < last; i++) {
      keys[i] = keys[i + 1]!;
      prices[i] = prices[i + 1]!;
      sizes[i] = sizes[i + 1]!;
    }
    keys.pop();
    prices.pop();
    sizes.pop();
  }

  clear(): void {
    this.keys.length = 0;
    this.prices.length = 0;
    this.sizes.length = 0;
  }

  /** The level at `index` (0 = best), or undefined. */
  at(index: number): PriceLevel | undefined {
    return index < this.keys.length ? [this.prices[index]!, this.sizes[index]!] : undefined;
  }

  /** The best `n` levels (all when `n` is undefined), as fresh, frozen `[price, size]` pairs. */
  top(n?: number): readonly PriceLevel[] {
    const count = n === undefined ? this.keys.length : Math.min(Math.max(0, Math.floor(n)), this.keys.length);
    const levels = new Array<PriceLevel>(count);
    for (let i = 0; i < count; i++) levels[i] = Object.freeze([this.prices[i]!, this.sizes[i]!]) as PriceLevel;
    return Object.freeze(levels);
  }
}
