// Reading the levels of an update or snapshot before anything changes: each `[price, size]` pair is
// checked (decimal strings, a price above 0, a size of 0 or more) and its price's double found,
// into scratch arrays that the apply step then reads. An update is applied only when all of it
// passed, so the book is never half-updated. The scratch arrays are typed and reused from update
// to update (no allocation per update), and released after an unusually large message so that one
// huge update does not pin its memory.
import type { PriceLevel } from '@ascendex-toolkit/types';
import { BookSide, comparePrices } from './side.js';

/**
 * Decimals a price may have: the exact arithmetic of the toolkit (validators' `/orders`) holds 18,
 * and a price with more is refused rather than read differently from what it says.
 */
const MAX_DECIMALS = 18;
/** 10^k for k <= MAX_DECIMALS: exact doubles (10^22 is the last one). */
const POW10 = Array.from({ length: MAX_DECIMALS + 1 }, (_, k) => 10 ** k);
/** Digits that make an integer below 2^53, so summing them one by one is exact. */
const EXACT_DIGITS = 15;

const NOT_A_PRICE = -1;
const ZERO_PRICE = 0;

/**
 * A price's double, read in one pass over its characters (a decimal with digits on both sides of
 * an optional point, at most MAX_DECIMALS decimals), or NOT_A_PRICE, or ZERO_PRICE for a value of
 * 0. The double is the nearest to the exact value, as `Number(text)` gives it: for up to 15 digits
 * the digits make an exact integer and one division by an exact power of ten rounds once.
 */
function readPrice(text: string): number {
  const length = text.length;
  let digits = 0;
  let point = -1;
  let zero = true;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 /* . */) {
      if (point !== -1 || i === 0 || i === length - 1) return NOT_A_PRICE;
      point = i;
    } else if (c < 48 || c > 57) return NOT_A_PRICE;
    else {
      digits = digits * 10 + (c - 48);
      if (c !== 48) zero = false;
    }
  }
  if (length === 0) return NOT_A_PRICE;
  const decimals = point === -1 ? 0 : length - point - 1;
  if (decimals > MAX_DECIMALS) return NOT_A_PRICE;
  if (zero) return ZERO_PRICE;
  return length - (point === -1 ? 0 : 1) <= EXACT_DIGITS ? digits / POW10[decimals]! : Number(text);
}

// Sizes are never compared or added, only stored, so they are classified by their text: a
// non-negative decimal (digits, optionally a point and more digits), and whether it is zero (which
// deletes the level). One pass over the characters; two regular expressions cost twice as much.
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

/** Scratch entries kept between messages; a larger message's are released after it. */
const SCRATCH_KEEP = 1024;

/** Why a message's levels cannot be applied. */
export interface LevelProblem {
  readonly reason: 'malformed' | 'oversized';
  readonly detail: string;
}

/** The scratch space of one book: check a message's levels, then apply or load them. @internal */
export class LevelReader {
  /** The double of each checked price, asks first, then bids. */
  private approx = new Float64Array(64);
  /** 1 where the checked level has size 0 (a deletion). */
  private removals = new Uint8Array(64);
  /** How many entries the last check wrote. */
  private count = 0;

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
    if (levels > this.approx.length) {
      const capacity = Math.max(levels, this.approx.length * 2);
      this.approx = new Float64Array(capacity);
      this.removals = new Uint8Array(capacity);
    }
    this.count = 0;
    const problem = this.checkList(asks) ?? this.checkList(bids);
    if (problem === undefined) return undefined;
    this.release();
    return { reason: 'malformed', detail: problem };
  }

  private checkList(list: readonly unknown[]): string | undefined {
    const approx = this.approx;
    const removals = this.removals;
    let n = this.count;
    for (let i = 0; i < list.length; i++, n++) {
      const level: unknown = list[i];
      if (!Array.isArray(level) || level.length !== 2) return 'a level is not a [price, size] pair';
      const price: unknown = level[0];
      if (typeof price !== 'string') return `a price is not a string: ${typeof price}`;
      const value = readPrice(price);
      if (value === NOT_A_PRICE) return `a price is not a decimal string: ${JSON.stringify(price.slice(0, 40))}`;
      if (value === ZERO_PRICE) return `a price is not above 0: ${price}`;
      const size: unknown = level[1];
      const sizeClass = typeof size === 'string' ? classifySize(size) : NOT_A_SIZE;
      if (sizeClass === NOT_A_SIZE) return `a size is not a non-negative decimal string: ${String(size)}`;
      approx[n] = value;
      removals[n] = sizeClass === ZERO_SIZE ? 1 : 0;
    }
    this.count = n;
    return undefined;
  }

  /** Applies the levels {@link check} accepted, in order (a price repeated in one update ends as its last mention says). */
  apply(asks: readonly PriceLevel[], bids: readonly PriceLevel[]): void {
    this.applyList(this.askSide, asks, 0);
    this.applyList(this.bidSide, bids, asks.length);
    this.release();
  }

  /** Applies one side's checked levels; `k` is where they start in the scratch arrays. */
  private applyList(side: BookSide, list: readonly PriceLevel[], k: number): void {
    const approx = this.approx;
    const removals = this.removals;
    for (let i = 0; i < list.length; i++, k++) {
      const level = list[i]!;
      if (removals[k] === 1) side.remove(approx[k]!, level[0]);
      else side.set(approx[k]!, level[0], level[1]);
    }
  }

  /**
   * True when the checked snapshot levels cross (best bid at or above best ask); the best of each
   * side is found among the checked levels, before the book is touched.
   */
  snapshotCrosses(asks: readonly PriceLevel[], bids: readonly PriceLevel[]): boolean {
    const ask = this.best(asks, 0, 1);
    const bid = this.best(bids, asks.length, -1);
    return (
      ask >= 0 &&
      bid >= 0 &&
      comparePrices(this.approx[bid]!, bids[bid - asks.length]![0], this.approx[ask]!, asks[ask]![0]) >= 0
    );
  }

  /** The scratch index of the best level of a side's checked levels that is not a deletion (`sign` 1: lowest, -1: highest), or -1. */
  private best(list: readonly PriceLevel[], offset: number, sign: number): number {
    let best = -1;
    for (let i = 0; i < list.length; i++) {
      const k = offset + i;
      if (this.removals[k] === 1) continue;
      if (
        best < 0 ||
        sign * comparePrices(this.approx[k]!, list[i]![0], this.approx[best]!, list[best - offset]![0]) < 0
      )
        best = k;
    }
    return best;
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
      if (this.removals[offset + i] === 0) side.set(this.approx[offset + i]!, levels[i]![0], levels[i]![1]);
    }
  }

  /** Lets the storage of an unusually large message go. */
  private release(): void {
    this.count = 0;
    if (this.approx.length <= SCRATCH_KEEP) return;
    this.approx = new Float64Array(64);
    this.removals = new Uint8Array(64);
  }
}
