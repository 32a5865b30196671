// The order book of one symbol, kept from a snapshot and the `depth` (or `depth-realtime`) updates
// that continue it. Synchronous and transport-free: feed it messages, it applies them by the
// documented rules and says when it needs a new snapshot (the driver in feed.ts asks for one). It
// is never `synced` while out of sequence, crossed or holding a level it could not read: an update
// is checked whole before any level changes (levels.ts), and one that cannot be applied makes the
// book wait for a snapshot. What it keeps is bounded: the updates buffered while it waits
// (`maxBuffered`) and the levels of one message (`maxLevelsPerUpdate`).
import type { DepthData, PriceLevel } from '@ascendex-toolkit/types';
import { AscendexError } from '@ascendex-toolkit/validators';
import { Emitter } from '../emitter.js';
import { LevelReader, type LevelProblem } from './levels.js';
import { BookSide, comparePrices } from './side.js';
import { isNextSeqNum, isSeqNum, seqNumAtMost, type SeqNum } from './seqnum.js';

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
  /** An update's `seqnum` skipped ahead of the last one + 1 (updates were lost), or the updates received after the snapshot was asked for do not continue it. */
  | 'gap'
  /** An update repeated a `seqnum` already applied. */
  | 'duplicate'
  /** An update or snapshot that cannot be read: a level that is not `[price, size]` of decimal strings, a price not above 0, a negative size, a `seqnum` that is not an integer. */
  | 'malformed'
  /** An update or snapshot with more levels than `maxLevelsPerUpdate`. */
  | 'oversized'
  /** An update or snapshot for another symbol. */
  | 'symbol'
  /** The best bid reached the best ask: proof of a missed update (or a crossed snapshot, which is refused). */
  | 'crossed'
  /** A buffered update that continues the snapshot could not be applied on top of it; it is dropped, so the next snapshot is not held back by it. */
  | 'poisoned';

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
  /** False while the book waits for a snapshot (before the first one, and after a resync): the levels are then those of `seqnum`, no longer current. */
  readonly synced: boolean;
  /** Best (lowest) first. */
  readonly asks: readonly PriceLevel[];
  /** Best (highest) first. */
  readonly bids: readonly PriceLevel[];
}

/** Options of an {@link OrderBook}. @public */
export interface OrderBookOptions {
  /** Updates kept while waiting for a snapshot; beyond it the oldest are dropped (a snapshot newer than them makes them useless anyway). Default 10 000. */
  readonly maxBuffered?: number;
  /** Levels one update or snapshot may hold, asks and bids together; a larger one is refused (`oversized`). Default 50 000. */
  readonly maxLevelsPerUpdate?: number;
}

/** Misuse of the order book API (not bad data from the exchange, which triggers a resync). @public */
export class OrderBookError extends AscendexError {
  override readonly name = 'OrderBookError';
}

interface BookEvents {
  /** The book stopped applying updates and needs a snapshot. */
  resync: ResyncEvent;
  /** A snapshot was loaded (and the buffered updates replayed): the book is current again. */
  synced: OrderBook;
  /** An update or snapshot changed the book. */
  change: OrderBook;
}
const bookEvents: readonly string[] = ['resync', 'synced', 'change'] satisfies (keyof BookEvents)[];

type Problem = { readonly reason: ResyncReason; readonly detail: string };

/** The key of the `seqnum` after `seqnum` in {@link seqnumKeys} (a number and a bigint of one value share it). */
const keyAfter = (seqnum: SeqNum): string => String(BigInt(seqnum) + 1n);

/** The `seqnum`s of some updates, as keys. */
function seqnumKeys(updates: readonly DepthUpdate[]): Set<string> {
  const keys = new Set<string>();
  for (const update of updates) {
    const seqnum = update.data?.seqnum;
    if (isSeqNum(seqnum)) keys.add(String(seqnum));
  }
  return keys;
}

/**
 * The order book of one symbol. Prices and sizes are the exchange's decimal strings, ordered by
 * their exact numeric value.
 * @public
 */
export class OrderBook {
  readonly symbol: string;
  private readonly askSide = new BookSide(false);
  private readonly bidSide = new BookSide(true);
  private readonly levels: LevelReader;
  private lastSeqnum: SeqNum | undefined;
  /** The `seqnum` of the snapshot the book was last loaded from. */
  private snapshotSeqnum: SeqNum | undefined;
  private lastTs: number | undefined;
  private live = false;
  private buffer: DepthUpdate[] = [];
  /**
   * How many of the buffered updates arrived before the book last asked for a snapshot. A snapshot
   * asked for afterwards is at least as new as every one of them, so those that are ahead of it
   * without continuing it are out of line with the stream (e.g. an absurd `seqnum`) and dropped.
   */
  private bufferedBeforeAsk = 0;
  private readonly maxBuffered: number;
  private readonly events = new Emitter<BookEvents>();

  constructor(symbol: string, options: OrderBookOptions = {}) {
    if (typeof symbol !== 'string' || symbol === '') throw new OrderBookError('an order book needs a symbol');
    this.symbol = symbol;
    this.maxBuffered = options.maxBuffered ?? 10_000;
    if (!(this.maxBuffered >= 0)) throw new OrderBookError(`maxBuffered must be 0 or more: ${options.maxBuffered}`);
    const maxLevels = options.maxLevelsPerUpdate ?? 50_000;
    if (!(maxLevels >= 1)) throw new OrderBookError(`maxLevelsPerUpdate must be 1 or more: ${maxLevels}`);
    this.levels = new LevelReader(this.askSide, this.bidSide, maxLevels);
  }

  /** Listens to `resync`, `synced` or `change`; returns the function that stops listening. */
  on<K extends keyof BookEvents>(event: K, listener: (event: BookEvents[K]) => void): () => void {
    if (!bookEvents.includes(event)) throw new OrderBookError(`unknown order book event: ${String(event)}`);
    return this.events.on(event, listener);
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
   * is synced afterwards; when not, a `resync` event said why and the book waits for another
   * snapshot. Buffered updates the snapshot already contains are dropped, and so are those out of
   * line with the stream: received before the book asked for a snapshot, ahead of it, neither
   * continuing it nor continued by another buffered update (e.g. an absurd `seqnum`).
   */
  reset(snapshot: DepthBookSnapshot): boolean {
    const problem = this.checkSnapshot(snapshot);
    if (problem) {
      const seqnum = (snapshot as { data?: { seqnum?: unknown } } | null)?.data?.seqnum;
      this.requireSnapshot(problem.reason, problem.detail, undefined, isSeqNum(seqnum) ? seqnum : undefined);
      return false;
    }
    const { data } = snapshot;
    this.levels.load(data.asks, data.bids);
    this.lastSeqnum = data.seqnum;
    this.snapshotSeqnum = data.seqnum;
    this.lastTs = data.ts;
    this.live = true;
    const pending = this.buffer;
    const beforeAsk = this.bufferedBeforeAsk;
    this.buffer = [];
    this.bufferedBeforeAsk = 0;
    let continued: Set<string> | undefined;
    for (let i = 0; i < pending.length; i++) {
      const update = pending[i]!;
      const seqnum = update.data?.seqnum;
      // Without a readable seqnum it cannot be placed; if it mattered, the chain breaks below.
      if (!isSeqNum(seqnum) || seqNumAtMost(seqnum, this.lastSeqnum)) continue;
      let failed: Problem | undefined;
      if (isNextSeqNum(this.lastSeqnum, seqnum)) {
        const outcome = this.applyLevels(update.data, seqnum);
        if (outcome === undefined) continue;
        failed =
          outcome.reason === 'crossed'
            ? outcome
            : { reason: 'poisoned', detail: `buffered update ${seqnum}: ${outcome.detail}` };
      } else if (i < beforeAsk && !(continued ??= seqnumKeys(pending)).has(keyAfter(seqnum))) {
        continue; // out of line: ahead of a snapshot taken after it arrived, and nothing continues it
      } else {
        this.buffer.push(update); // may continue the next snapshot
        failed = { reason: 'gap', detail: `the buffered updates skip from ${this.lastSeqnum} to ${seqnum}` };
      }
      this.buffer.push(...pending.slice(i + 1));
      this.trimBuffer();
      this.requireSnapshot(failed.reason, failed.detail, this.expectedNext(), seqnum);
      return false;
    }
    this.events.emit('synced', this);
    this.events.emit('change', this);
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
      this.trimBuffer();
      return 'buffered';
    }
    const outcome = this.applyInSequence(message);
    if (outcome === 'applied') this.events.emit('change', this);
    return outcome;
  }

  /**
   * Stops applying updates until the next snapshot, e.g. because the subscription was lost: a
   * `resync` event (`gap`). The levels stay as they are (those of `seqnum`); `synced` turns false.
   */
  invalidate(detail = 'invalidated by the caller'): void {
    if (this.live) this.requireSnapshot('gap', detail, this.expectedNext(), undefined);
  }

  /**
   * Stops following without asking for a snapshot (its feed was closed): `synced` turns false and
   * the buffered updates are dropped; no `resync` event. The levels stay those of `seqnum`.
   */
  suspend(): void {
    this.live = false;
    this.buffer = [];
    this.bufferedBeforeAsk = 0;
  }

  private expectedNext(): SeqNum | undefined {
    const last = this.lastSeqnum;
    return last === undefined ? undefined : typeof last === 'number' ? last + 1 : last + 1n;
  }

  private trimBuffer(): void {
    const excess = this.buffer.length - this.maxBuffered;
    if (excess <= 0) return;
    this.buffer.splice(0, excess);
    this.bufferedBeforeAsk = Math.max(0, this.bufferedBeforeAsk - excess);
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
    const problem = this.applyLevels(data, seqnum);
    if (problem) return this.requireSnapshot(problem.reason, problem.detail, this.expectedNext(), seqnum);
    return 'applied';
  }

  /**
   * Applies the levels of an update that continues the book and moves it to `seqnum`; returns why
   * it could not (the book is unchanged) or that it crossed the book (it was applied: the book was
   * already missing something, and only a snapshot repairs that).
   */
  private applyLevels(data: DepthData, seqnum: SeqNum): Problem | LevelProblem | undefined {
    const problem = this.levels.check(data.asks, data.bids);
    if (problem) return problem;
    this.levels.apply(data.asks, data.bids);
    this.lastSeqnum = seqnum;
    this.lastTs = data.ts;
    const ask = this.askSide.bestPrice();
    const bid = this.bidSide.bestPrice();
    if (
      ask !== undefined &&
      bid !== undefined &&
      comparePrices(this.bidSide.bestApprox(), bid, this.askSide.bestApprox(), ask) >= 0
    ) {
      return { reason: 'crossed', detail: `best bid ${bid} at or above best ask ${ask}` };
    }
    return undefined;
  }

  private requireSnapshot(
    reason: ResyncReason,
    detail: string,
    expected: SeqNum | undefined,
    received: SeqNum | undefined,
  ): 'resync' {
    this.live = false;
    // Whatever arrives from now on may be newer than the snapshot the listener asks for.
    this.bufferedBeforeAsk = this.buffer.length;
    if (this.events.has('resync')) {
      const event: ResyncEvent = { symbol: this.symbol, reason, detail };
      if (expected !== undefined) (event as { expected?: SeqNum }).expected = expected;
      if (received !== undefined) (event as { received?: SeqNum }).received = received;
      this.events.emit('resync', Object.freeze(event));
    }
    return 'resync';
  }

  private checkSnapshot(snapshot: DepthBookSnapshot): Problem | undefined {
    if (snapshot === null || typeof snapshot !== 'object' || typeof snapshot.data !== 'object' || !snapshot.data) {
      return { reason: 'malformed', detail: 'a snapshot without data' };
    }
    if (snapshot.symbol !== this.symbol) {
      return { reason: 'symbol', detail: `a snapshot of ${String(snapshot.symbol)} for the book of ${this.symbol}` };
    }
    const { seqnum, ts, asks, bids } = snapshot.data;
    if (!isSeqNum(seqnum)) return { reason: 'malformed', detail: 'a snapshot whose seqnum is not an integer' };
    if (typeof ts !== 'number') return { reason: 'malformed', detail: 'a snapshot without ts' };
    const problem = this.levels.check(asks, bids);
    if (problem) return { reason: problem.reason, detail: `snapshot: ${problem.detail}` };
    if (this.levels.snapshotCrosses(asks, bids)) return { reason: 'crossed', detail: 'the snapshot is crossed' };
    return undefined;
  }
}
