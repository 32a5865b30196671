// Keeps an OrderBook current from a DepthSource: subscribes first, then asks for a snapshot
// (updates that arrive meanwhile are buffered by the book), and asks for a new one whenever the
// book reports a resync. Long-running by design: nothing it holds grows with the number of
// updates (each wait for the next update is its own small promise, settled by the update or by
// `close()`, never a race against a promise that lives as long as the feed), and `close()` ends
// the stream at once, even while it waits on a quiet symbol.
import { backoffCeiling } from '../backoff.js';
import { pause, realScheduler, type WsScheduler } from '../scheduler.js';
import { OrderBook, type DepthBookSnapshot, type DepthUpdate, type OrderBookOptions } from './order-book.js';
import type { DepthSource } from './sources.js';

/** Options of {@link followOrderBook}. @public */
export interface OrderBookFeedOptions extends OrderBookOptions {
  /** Wait before asking for the second snapshot in a row that did not sync the book; doubles each time. Default 250 ms. */
  readonly retryDelayMs?: number;
  /** Longest wait between snapshot requests. Default 10 000 ms. */
  readonly maxRetryDelayMs?: number;
  /** Told when a snapshot request fails (the feed retries). */
  readonly onError?: (error: unknown) => void;
  /** The timers of the retry waits (default the real ones; tests pass a fake). */
  readonly scheduler?: WsScheduler;
}

/** A book kept current by {@link followOrderBook}. @public */
export interface OrderBookFeed {
  readonly book: OrderBook;
  /** Settles when the update stream ends (rejects with its error, e.g. a refused subscription) or after {@link close}; never an unhandled rejection. */
  readonly done: Promise<void>;
  /** Stops following: ends the subscription (the connection unsubscribes), stops asking for snapshots; the book keeps its levels, unsynced, without a `resync` event. */
  close(): Promise<void>;
}

const ended: IteratorResult<DepthUpdate> = { done: true, value: undefined };

/**
 * Builds the book of `symbol` and keeps it current from `source`, resynchronising by itself.
 * @public
 */
export function followOrderBook(
  source: DepthSource,
  symbol: string,
  options: OrderBookFeedOptions = {},
): OrderBookFeed {
  const book = new OrderBook(symbol, options);
  const scheduler = options.scheduler ?? realScheduler;
  const baseDelay = options.retryDelayMs ?? 250;
  const maxDelay = options.maxRetryDelayMs ?? 10_000;
  let closed = false;
  let syncing = false;
  let wakeRetry: (() => void) | undefined;
  /** Settles the wait for the next update early (on close). */
  let wakeNext: ((result: IteratorResult<DepthUpdate>) => void) | undefined;
  const iterator = source.updates(symbol)[Symbol.asyncIterator]();

  function nextUpdate(): Promise<IteratorResult<DepthUpdate>> {
    return new Promise((resolve, reject) => {
      wakeNext = resolve;
      iterator.next().then(resolve, reject);
    });
  }

  // One loop at a time asks for snapshots until the book is synced; a resync while it runs (the
  // buffered updates did not continue the snapshot) is picked up by its condition.
  async function resync(): Promise<void> {
    if (syncing || closed) return;
    syncing = true;
    try {
      for (let attempt = 0; !closed && !book.synced; attempt++) {
        if (attempt > 0) {
          const wait = pause(scheduler, backoffCeiling(attempt, baseDelay, maxDelay));
          wakeRetry = wait.wake;
          await wait.done;
          wakeRetry = undefined;
        }
        if (closed) break;
        let snapshot: DepthBookSnapshot;
        try {
          snapshot = await source.snapshot(symbol);
        } catch (error) {
          if (!closed) options.onError?.(error);
          continue;
        }
        if (!closed) book.reset(snapshot);
      }
    } finally {
      syncing = false;
    }
  }

  const stopListening = book.on('resync', () => void resync());

  async function consume(): Promise<void> {
    try {
      for (;;) {
        const next = await nextUpdate();
        wakeNext = undefined;
        if (next.done || closed) break;
        book.update(next.value);
      }
    } finally {
      // Whether closed or ended by the source: the book stops, without asking for a snapshot.
      stopListening();
      book.suspend();
    }
  }

  const consuming = consume();
  // `done` rejects for whoever awaits it; nobody awaiting it is no unhandled rejection.
  consuming.catch(() => undefined);
  void resync();
  let closing: Promise<void> | undefined;

  return {
    book,
    done: consuming,
    close() {
      closing ??= (async () => {
        closed = true;
        wakeRetry?.();
        wakeNext?.(ended);
        try {
          await iterator.return?.();
        } catch {
          // The source failed to end its stream; the feed has stopped reading it anyway.
        }
        await consuming.catch(() => undefined);
      })();
      return closing;
    },
  };
}
