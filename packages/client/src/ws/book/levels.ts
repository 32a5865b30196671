// Reading the levels of an update or snapshot before anything changes: each `[price, size]` pair is
// checked (decimal strings, a price above 0, a size of 0 or more) and its price's sort key found,
// into scratch arrays that the apply step then reads. An update is applied only when all of it
// passed, so the book is never half-updated. The scratch arrays are reused from update to update
// (no allocation per update), and released after an unusually large message so that one huge
// update does not pin its memory.
import type { PriceLevel } from '@ascendex-toolkit/types';
import { AscendexError } from '@ascendex-toolkit/validators';
import { toUnits } from '@ascendex-toolkit/validators/orders';
import { BookSide, NO_SLOT, comparePriceKeys, type PriceKey } from './side.js';

/** A level that is not `[decimal string, decimal string]`: thrown and caught inside the book only. */
class MalformedLevel extends AscendexError {}

/** Reads a price's sort key (exactly: `toUnits`, bigint of 10^-18 units); text that is not a decimal is malformed. */
function priceKey(text: unknown): PriceKey {
  if (typeof text !== 'string') throw new MalformedLevel(`a price is not a string: ${typeof text}`);
  let units: bigint;
  try {
    units = toUnits(text);
  } catch {
    throw new MalformedLevel(`a price is not a decimal string: ${JSON.stringify(text.slice(0, 40))}`);
  }
  return { units, approx: Number(text) };
}

// Sizes are never compared or added, only stored, so they are classified by their text rather
// than converted (a conversion per level was most of the cost of an update): a non-negative
// decimal (digits, optionally a point and more digits), and whether it is zero (which deletes
// the level). One pass over the characters; two regular expressions cost twice as much.
const NOT_A_SIZE = 0;
const POSITIVE_SIZE = 1;
const ZERO_SIZE = 2;
type SizeClass = typeof NOT_A_SIZE | typeof POSITIVE_SIZE | typeof ZERO_SIZE;

function classifySize(text: string): SizeClass {
  const length = text.length;
  let zero = true;
  let point = -1;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 /* . */) {
      // One point, with digits on both sides.
      if (point !== -1 || i === 0 || i === length - 1) return NOT_A_SIZE;
      point = i;
    } else if (c < 48 || c > 57) return NOT_A_SIZE;
    else if (c !== 48) zero = false;
  }
  if (length === 0) return NOT_A_SIZE;
  return zero ? ZERO_SIZE : POSITIVE_SIZE;
}

/** Prices already read, so that a level updated again costs a map lookup, not a conversion. */
const PRICE_CACHE_LIMIT = 8192;
/** Scratch entries kept between messages; a larger message's are released after it. */
const SCRATCH_KEEP = 1024;

/** Why a message's levels cannot be applied. */
export interface LevelProblem {
  readonly reason: 'malformed' | 'oversized';
  readonly detail: string;
}

/** The scratch space of one book: check a message's levels, then apply or load them. @internal */
export class LevelReader {
  private readonly keys: PriceKey[] = [];
  /** The slot of the level each checked price names when its side holds it under that exact text, else NO_SLOT. */
  private readonly slots: number[] = [];
  private readonly removals: boolean[] = [];
  /** How many entries of the scratch arrays the last check wrote (they are overwritten, not emptied, to keep their storage). */
  private count = 0;
  private readonly priceCache = new Map<string, PriceKey>();

  constructor(
    private readonly askSide: BookSide,
    private readonly bidSide: BookSide,
    /** Levels a message may hold, both sides together. */
    private readonly maxLevels: number,
  ) {}

  /** Reads both level lists (asks first); returns the problem, or undefined when all of them can be applied. */
  check(asks: unknown, bids: unknown): LevelProblem | undefined {
    if (!Array.isArray(asks) || !Array.isArray(bids))
      return { reason: 'malformed', detail: 'asks and bids must be lists' };
    const levels = asks.length + bids.length;
    if (levels > this.maxLevels) {
      return { reason: 'oversized', detail: `${levels} levels in one message, more than ${this.maxLevels}` };
    }
    this.count = 0;
    let problem: string | undefined;
    try {
      problem = this.checkList(asks, this.askSide) ?? this.checkList(bids, this.bidSide);
    } catch (error) {
      problem = (error as Error).message;
    }
    if (problem === undefined) return undefined;
    this.release();
    return { reason: 'malformed', detail: problem };
  }

  private checkList(list: readonly unknown[], side: BookSide): string | undefined {
    const keys = this.keys;
    const found = this.slots;
    const removals = this.removals;
    const cache = this.priceCache;
    for (let i = 0; i < list.length; i++) {
      const level: unknown = list[i];
      if (!Array.isArray(level) || level.length !== 2) return 'a level is not a [price, size] pair';
      const priceText: unknown = level[0];
      // A price the side holds under this exact text was checked when the level was added.
      const slot = typeof priceText === 'string' ? side.find(priceText) : NO_SLOT;
      const n = this.count;
      found[n] = slot;
      let price =
        slot !== NO_SLOT ? side.keyOf(slot) : typeof priceText === 'string' ? cache.get(priceText) : undefined;
      if (price === undefined) {
        price = priceKey(priceText);
        if (price.units <= 0n) return `a price is not above 0: ${String(priceText)}`;
        if (cache.size >= PRICE_CACHE_LIMIT) cache.clear();
        cache.set(priceText as string, price);
      }
      const size: unknown = level[1];
      const sizeClass = typeof size === 'string' ? classifySize(size) : NOT_A_SIZE;
      if (sizeClass === NOT_A_SIZE) return `a size is not a non-negative decimal string: ${String(size)}`;
      keys[n] = price;
      removals[n] = sizeClass === ZERO_SIZE;
      this.count = n + 1;
    }
    return undefined;
  }

  /** Applies the levels {@link check} accepted. */
  apply(asks: readonly PriceLevel[], bids: readonly PriceLevel[]): void {
    this.applyList(this.askSide, asks, 0);
    this.applyList(this.bidSide, bids, asks.length);
    this.release();
  }

  /** Applies one side's checked levels; `k` is where they start in the scratch arrays. */
  private applyList(side: BookSide, list: readonly PriceLevel[], k: number): void {
    const keys = this.keys;
    const found = this.slots;
    const removals = this.removals;
    for (let i = 0; i < list.length; i++, k++) {
      const slot = found[k]!;
      // A level found while checking may have gone since, in the same update (a price repeated).
      if (slot !== NO_SLOT && side.holds(slot, list[i]![0])) {
        if (removals[k]) side.removeSlot(slot);
        else side.resize(slot, list[i]![1]);
      } else if (removals[k]) side.remove(keys[k]!);
      else side.set(keys[k]!, list[i]![0], list[i]![1]);
    }
  }

  /**
   * True when the checked snapshot levels cross (best bid at or above best ask); the best of each
   * side is found among the checked keys, before the book is touched.
   */
  snapshotCrosses(askCount: number): boolean {
    let bestAsk: PriceKey | undefined;
    let bestBid: PriceKey | undefined;
    for (let i = 0; i < this.count; i++) {
      if (this.removals[i]) continue;
      const key = this.keys[i]!;
      if (i < askCount) {
        if (bestAsk === undefined || comparePriceKeys(key, bestAsk) < 0) bestAsk = key;
      } else if (bestBid === undefined || comparePriceKeys(key, bestBid) > 0) bestBid = key;
    }
    return bestAsk !== undefined && bestBid !== undefined && comparePriceKeys(bestBid, bestAsk) >= 0;
  }

  /** Replaces both sides with the checked snapshot levels; a level of size 0 is no level. */
  load(asks: readonly PriceLevel[], bids: readonly PriceLevel[]): void {
    this.askSide.clear();
    this.bidSide.clear();
    this.loadSide(this.askSide, asks, 0);
    this.loadSide(this.bidSide, bids, asks.length);
    this.release();
  }

  private loadSide(side: BookSide, levels: readonly PriceLevel[], offset: number): void {
    for (let i = 0; i < levels.length; i++) {
      if (!this.removals[offset + i]) side.set(this.keys[offset + i]!, levels[i]![0], levels[i]![1]);
    }
  }

  /** Lets the storage of an unusually large message go. */
  private release(): void {
    if (this.keys.length <= SCRATCH_KEEP) return;
    this.keys.length = 0;
    this.slots.length = 0;
    this.removals.length = 0;
    this.count = 0;
  }
}
