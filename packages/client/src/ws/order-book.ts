// The order book of one symbol, kept from a snapshot and the `depth` (or `depth-realtime`) updates
// that continue it. Synchronous and transport-free: feed it messages, it applies them by the
// documented rules and says when it needs a new snapshot (the driver in order-book-feed.ts asks
// for one). It never holds a half-applied or out-of-sequence state: an update is checked whole
// before any level changes, and one that cannot be applied makes the book wait for a snapshot.
import type { DepthData, PriceLevel } from '@ascendex-toolkit/types';
import { AscendexError } from '@ascendex-toolkit/validators';
import { toUnits } from '@ascendex-toolkit/validators/orders';
import { BookSide, NO_SLOT, type PriceKey } from './order-book-side.js';
import { isNextSeqNum, isSeqNum, seqNumAtMost, type SeqNum } from './order-book-seqnum.js';

/**
 * A book update: a `depth` or `depth-realtime` message. Typed loosely on purpose: the book checks
 * every field itself, so it is safe with unvalidated input too.
 * @public
 */
export interface DepthUpdate {
  readonly m?: string;
  readonly symbol: string;
  readonly data: DepthData;
}

/**
 * A full book: the `depth-snapshot` or `depth-snapshot-realtime` reply, or the payload of REST
 * `getDepth` (the same shape).
 * @public
 */
export interface DepthBookSnapshot {
  readonly m?: string;
  readonly symbol: string;
  readonly data: DepthData;
}

/** Why the book stopped applying updates and needs a new snapshot. @public */
export type ResyncReason =
  /** An update's `seqnum` skipped ahead of the last one + 1 (updates were lost), or the snapshot is older than the updates that continue it. */
  | 'gap'
  /** An update repeated a `seqnum` already applied. */
  | 'duplicate'
  /** An update or snapshot that cannot be applied: a level that is not `[price, size]` of decimal strings, a price not above 0, a negative size, a `seqnum` that is not an integer. */
  | 'malformed'
  /** An update or snapshot for another symbol. */
  | 'symbol';

/** What the `resync` event carries. @public */
export interface ResyncEvent {
  readonly symbol: string;
  readonly reason: ResyncReason;
  /** For people: what was wrong. */
  readonly detail: string;
  /** The `seqnum` the book expected next, when it had one. */
  readonly expected?: SeqNum;
  /** The `seqnum` it received, when the message had one. */
  readonly received?: SeqNum;
}

/** What {@link OrderBook.update} did with a message. @public */
export type UpdateOutcome =
  /** Applied; the book moved to its `seqnum`. */
  | 'applied'
  /** Kept until a snapshot arrives. */
  | 'buffered'
  /** Already contained in the snapshot the book started from (`seqnum` at or below it). */
  | 'skipped'
  /** Could not be applied; the book now waits for a snapshot (see the `resync` event). */
  | 'resync';

/** An immutable copy of the book at one `seqnum`. @public */
export interface OrderBookSnapshot {
  readonly symbol: string;
  /** The `seqnum` of the last snapshot or update applied; undefined before the first snapshot. */
  readonly seqnum: SeqNum | undefined;
  /** The `ts` of that message. */
  readonly ts: number | undefined;
  /** False while the book waits for a snapshot (before the first one, and after a resync): the levels are then those of `seqnum`, consistent but no longer current. */
  readonly synced: boolean;
  /** Best (lowest) first. */
  readonly asks: readonly PriceLevel[];
  /** Best (highest) first. */
  readonly bids: readonly PriceLevel[];
}

/** Options of an {@link OrderBook}. @public */
export interface OrderBookOptions {
  /** Updates kept while waiting for a snapshot; the oldest are dropped beyond it (a snapshot newer than them makes them useless anyway). Default 10 000. */
  readonly maxBuffered?: number;
}

/** Misuse of the order book API (not bad data from the exchange, which triggers a resync). @public */
export class OrderBookError extends AscendexError {
  override readonly name = 'OrderBookError';
}

type Listener<E> = (event: E) => void;
interface BookEvents {
  /** The book stopped applying updates and needs a snapshot. */
  resync: ResyncEvent;
  /** A snapshot was loaded (and the buffered updates replayed): the book is current again. */
  synced: OrderBook;
  /** An update or snapshot changed the book. */
  change: OrderBook;
}

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

/**
 * The order book of one symbol. Prices and sizes are the exchange's decimal strings, ordered by
 * their exact numeric value.
 * @public
 */
export class OrderBook {
  readonly symbol: string;
  private readonly askSide = new BookSide(false);
  private readonly bidSide = new BookSide(true);
  private lastSeqnum: SeqNum | undefined;
  /** The `seqnum` of the snapshot the book was last loaded from. */
  private snapshotSeqnum: SeqNum | undefined;
  private lastTs: number | undefined;
  private live = false;
  private readonly buffer: DepthUpdate[] = [];
  private readonly maxBuffered: number;
  // Scratch space for checking an update whole before applying it; reused, never reallocated.
  private readonly checkedKeys: PriceKey[] = [];
  /** The slot of the level each checked price names when its side holds it under that exact text, else NO_SLOT. */
  private readonly checkedSlots: number[] = [];
  private readonly checkedRemovals: boolean[] = [];
  /** How many entries of the scratch arrays the last check wrote (they are overwritten, not emptied, to keep their storage). */
  private checkedCount = 0;
  private readonly priceCache = new Map<string, PriceKey>();
  private readonly listeners: { [K in keyof BookEvents]: Set<Listener<BookEvents[K]>> } = {
    resync: new Set(),
    synced: new Set(),
    change: new Set(),
  };

  constructor(symbol: string, options: OrderBookOptions = {}) {
    if (typeof symbol !== 'string' || symbol === '') throw new OrderBookError('an order book needs a symbol');
    this.symbol = symbol;
    this.maxBuffered = options.maxBuffered ?? 10_000;
    if (!(this.maxBuffered >= 0)) throw new OrderBookError(`maxBuffered must be 0 or more: ${options.maxBuffered}`);
  }

  /** Listens to `resync`, `synced` or `change`; returns the function that stops listening. */
  on<K extends keyof BookEvents>(event: K, listener: Listener<BookEvents[K]>): () => void {
    const set = this.listeners[event] as Set<Listener<BookEvents[K]>> | undefined;
    if (!set) throw new OrderBookError(`unknown order book event: ${String(event)}`);
    set.add(listener);
    return () => set.delete(listener);
  }

  private emit<K extends keyof BookEvents>(event: K, value: BookEvents[K]): void {
    const set = this.listeners[event] as Set<Listener<BookEvents[K]>>;
    if (set.size === 0) return;
    for (const listener of set) listener(value);
  }

  /** True once a snapshot is loaded and every update since applied in sequence. */
  get synced(): boolean {
    return this.live;
  }

  /** The `seqnum` of the last snapshot or update applied. */
  get seqnum(): SeqNum | undefined {
    return this.lastSeqnum;
  }

  /** Updates waiting for a snapshot. */
  get buffered(): number {
    return this.buffer.length;
  }

  /** The best (lowest) ask, `[price, size]`. */
  bestAsk(): PriceLevel | undefined {
    return this.askSide.at(0);
  }

  /** The best (highest) bid, `[price, size]`. */
  bestBid(): PriceLevel | undefined {
    return this.bidSide.at(0);
  }

  /** The best `n` asks (all when omitted), best first. */
  asks(n?: number): readonly PriceLevel[] {
    return this.askSide.top(n);
  }

  /** The best `n` bids (all when omitted), best first. */
  bids(n?: number): readonly PriceLevel[] {
    return this.bidSide.top(n);
  }

  /** An immutable copy of the book (the best `depth` levels a side, all when omitted). */
  snapshot(depth?: number): OrderBookSnapshot {
    return Object.freeze({
      symbol: this.symbol,
      seqnum: this.lastSeqnum,
      ts: this.lastTs,
      synced: this.live,
      asks: this.askSide.top(depth),
      bids: this.bidSide.top(depth),
    });
  }

  /**
   * Loads a full book and replays the buffered updates that continue it. Returns whether the book
   * is synced afterwards; when not, a `resync` event said why (a malformed snapshot, or buffered
   * updates that do not continue it) and the book waits for another snapshot.
   */
  reset(snapshot: DepthBookSnapshot): boolean {
    const problem = this.checkSnapshot(snapshot);
    if (problem) {
      this.requireSnapshot(problem.reason, problem.detail, undefined, problem.received);
      return false;
    }
    const { data } = snapshot;
    this.askSide.clear();
    this.bidSide.clear();
    this.loadSide(this.askSide, data.asks);
    this.loadSide(this.bidSide, data.bids);
    this.lastSeqnum = data.seqnum;
    this.snapshotSeqnum = data.seqnum;
    this.lastTs = data.ts;
    this.live = true;
    const pending = this.buffer.splice(0);
    for (let i = 0; i < pending.length; i++) {
      if (this.applyInSequence(pending[i]!) === 'resync') {
        // What follows the update that failed may continue the next snapshot: keep it.
        // (a gap has already put the update itself back in the buffer, ahead of them).
        this.buffer.push(...pending.slice(i + 1));
        this.buffer.splice(0, Math.max(0, this.buffer.length - this.maxBuffered));
        return false;
      }
    }
    this.emit('synced', this);
    this.emit('change', this);
    return true;
  }

  /**
   * Applies a `depth` / `depth-realtime` update, or buffers it while the book waits for a
   * snapshot. Never throws for bad data: an update that cannot be applied returns `'resync'`.
   */
  update(message: DepthUpdate): UpdateOutcome {
    if (!this.live) {
      if (message === null || typeof message !== 'object' || message.symbol !== this.symbol) return 'skipped';
      this.buffer.push(message);
      if (this.buffer.length > this.maxBuffered) this.buffer.shift();
      return 'buffered';
    }
    const outcome = this.applyInSequence(message);
    if (outcome === 'applied') this.emit('change', this);
    return outcome;
  }

  /**
   * Stops applying updates until the next snapshot, e.g. because the subscription was lost. The
   * levels stay as they are (consistent at `seqnum`); `synced` turns false.
   */
  invalidate(detail = 'invalidated by the caller'): void {
    if (this.live) this.requireSnapshot('gap', detail, this.expectedNext(), undefined);
  }

  private expectedNext(): SeqNum | undefined {
    const last = this.lastSeqnum;
    return last === undefined ? undefined : typeof last === 'number' ? last + 1 : last + 1n;
  }

  /** The `seqnum` rules, then the levels. Only called while live. */
  private applyInSequence(message: DepthUpdate): UpdateOutcome {
    if (message === null || typeof message !== 'object' || typeof message.data !== 'object' || !message.data) {
      return this.requireSnapshot('malformed', 'an update without data', this.expectedNext(), undefined);
    }
    if (message.symbol !== this.symbol) {
      return this.requireSnapshot(
        'symbol',
        `an update for ${String(message.symbol)} reached the book of ${this.symbol}`,
        undefined,
        undefined,
      );
    }
    const data = message.data;
    const seqnum = data.seqnum;
    if (!isSeqNum(seqnum)) {
      return this.requireSnapshot(
        'malformed',
        'an update whose seqnum is not an integer',
        this.expectedNext(),
        undefined,
      );
    }
    const last = this.lastSeqnum!;
    if (!isNextSeqNum(last, seqnum)) {
      if (seqNumAtMost(seqnum, last)) {
        // At or below the snapshot, before anything was applied on top of it: already in the book.
        if (last === this.snapshotSeqnum) return 'skipped';
        return this.requireSnapshot(
          'duplicate',
          `seqnum ${seqnum} repeats one already applied`,
          this.expectedNext(),
          seqnum,
        );
      }
      this.buffer.push(message); // may continue the next snapshot
      return this.requireSnapshot('gap', `seqnum ${seqnum} skips ahead`, this.expectedNext(), seqnum);
    }
    let problem: string | undefined;
    try {
      problem = this.checkLevels(data.asks, data.bids);
    } catch (error) {
      problem = (error as Error).message;
    }
    if (problem !== undefined) return this.requireSnapshot('malformed', problem, this.expectedNext(), seqnum);
    this.applyChecked(data.asks, data.bids);
    this.lastSeqnum = seqnum;
    this.lastTs = data.ts;
    return 'applied';
  }

  private requireSnapshot(
    reason: ResyncReason,
    detail: string,
    expected: SeqNum | undefined,
    received: SeqNum | undefined,
  ): 'resync' {
    this.live = false;
    const event: ResyncEvent = { symbol: this.symbol, reason, detail };
    if (expected !== undefined) (event as { expected?: SeqNum }).expected = expected;
    if (received !== undefined) (event as { received?: SeqNum }).received = received;
    this.emit('resync', Object.freeze(event));
    return 'resync';
  }

  /** Reads both level lists into the scratch arrays (asks first); returns a problem or undefined. */
  private checkLevels(asks: unknown, bids: unknown): string | undefined {
    if (!Array.isArray(asks) || !Array.isArray(bids)) return 'asks and bids must be lists';
    this.checkedCount = 0;
    return this.checkList(asks, this.askSide) ?? this.checkList(bids, this.bidSide);
  }

  private checkList(list: readonly unknown[], side: BookSide): string | undefined {
    const keys = this.checkedKeys;
    const found = this.checkedSlots;
    const removals = this.checkedRemovals;
    const cache = this.priceCache;
    for (let i = 0; i < list.length; i++) {
      const level: unknown = list[i];
      if (!Array.isArray(level) || level.length !== 2) return 'a level is not a [price, size] pair';
      const priceText: unknown = level[0];
      // A price the side holds under this exact text was checked when the level was added.
      const slot = typeof priceText === 'string' ? side.find(priceText) : NO_SLOT;
      const n = this.checkedCount;
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
      this.checkedCount = n + 1;
    }
    return undefined;
  }

  /** Applies the levels {@link checkLevels} accepted. */
  private applyChecked(asks: readonly PriceLevel[], bids: readonly PriceLevel[]): void {
    this.applyList(this.askSide, asks, 0);
    this.applyList(this.bidSide, bids, asks.length);
  }

  /** Applies one side's checked levels; `k` is where they start in the scratch arrays. */
  private applyList(side: BookSide, list: readonly PriceLevel[], k: number): void {
    const keys = this.checkedKeys;
    const found = this.checkedSlots;
    const removals = this.checkedRemovals;
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

  private checkSnapshot(
    snapshot: DepthBookSnapshot,
  ): { reason: ResyncReason; detail: string; received?: SeqNum } | undefined {
    if (snapshot === null || typeof snapshot !== 'object' || typeof snapshot.data !== 'object' || !snapshot.data) {
      return { reason: 'malformed', detail: 'a snapshot without data' };
    }
    if (snapshot.symbol !== this.symbol) {
      return { reason: 'symbol', detail: `a snapshot of ${String(snapshot.symbol)} for the book of ${this.symbol}` };
    }
    const { seqnum, ts, asks, bids } = snapshot.data;
    if (!isSeqNum(seqnum)) return { reason: 'malformed', detail: 'a snapshot whose seqnum is not an integer' };
    if (typeof ts !== 'number') return { reason: 'malformed', detail: 'a snapshot without ts', received: seqnum };
    let problem: string | undefined;
    try {
      problem = this.checkLevels(asks, bids);
    } catch (error) {
      problem = (error as Error).message;
    }
    if (problem) return { reason: 'malformed', detail: `snapshot: ${problem}`, received: seqnum };
    return undefined;
  }

  /** Loads one side of a checked snapshot (the keys are still in the scratch arrays); a level of size 0 is no level. */
  private loadSide(side: BookSide, levels: readonly PriceLevel[]): void {
    const offset = side === this.askSide ? 0 : this.checkedCount - levels.length;
    for (let i = 0; i < levels.length; i++) {
      if (!this.checkedRemovals[offset + i]) side.set(this.checkedKeys[offset + i]!, levels[i]![0], levels[i]![1]);
    }
  }
}
