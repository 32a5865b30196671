// Keeps an OrderBook current from a source of depth updates and snapshots: subscribes first,
// then asks for a snapshot (updates that arrive meanwhile are buffered by the book), and asks for
// a new one whenever the book reports a gap, a duplicate or an update it cannot apply. The source
// is a small interface so that the WebSocket connection, REST, or a test fake can all stand behind it.
import { OrderBook, type DepthBookSnapshot, type DepthUpdate, type OrderBookOptions } from './order-book.js';

/** Where a book's data comes from. @public */
export interface DepthSource {
  /** The update stream of a symbol (`depth` or `depth-realtime` messages), subscribed when iteration starts. */
  updates(symbol: string): AsyncIterable<DepthUpdate>;
  /** A full book of a symbol whose `seqnum` the update stream continues. */
  snapshot(symbol: string): Promise<DepthBookSnapshot>;
}

/**
 * What {@link connectionDepthSource} needs of the WebSocket connection: `subscribe` to a depth
 * channel and the `depth-snapshot` requests.
 * @public
 */
export interface DepthConnection {
  /** The updates; the connection's subscription resolves once the exchange acknowledged it. */
  subscribe(
    channel: 'depth' | 'depth-realtime',
    symbol: string,
  ): AsyncIterable<DepthUpdate> | Promise<AsyncIterable<DepthUpdate>>;
  request(action: 'depth-snapshot' | 'depth-snapshot-realtime', args: { symbol: string }): Promise<DepthBookSnapshot>;
}

/** The updates of a subscription that may still be waiting for its acknowledgement. */
async function* subscribed(subscription: AsyncIterable<DepthUpdate> | Promise<AsyncIterable<DepthUpdate>>) {
  yield* await subscription;
}

/**
 * The depth source of a WebSocket connection: the throttled `depth` channel with `depth-snapshot`,
 * or (authenticated sessions) `depth-realtime` with `depth-snapshot-realtime`, whose sequence
 * numbers the realtime updates continue. `restSnapshot` takes snapshots from REST `getDepth`
 * instead (its payload has the snapshot's shape), e.g. `(symbol) => client.getDepth({ symbol })`.
 * @public
 */
export function connectionDepthSource(
  connection: DepthConnection,
  options: { realtime?: boolean; restSnapshot?: (symbol: string) => Promise<DepthBookSnapshot> } = {},
): DepthSource {
  const realtime = options.realtime === true;
  return {
    updates: (symbol) => subscribed(connection.subscribe(realtime ? 'depth-realtime' : 'depth', symbol)),
    snapshot: (symbol) =>
      options.restSnapshot
        ? options.restSnapshot(symbol)
        : connection.request(realtime ? 'depth-snapshot-realtime' : 'depth-snapshot', { symbol }),
  };
}

/** Options of {@link followOrderBook}. @public */
export interface OrderBookFeedOptions extends OrderBookOptions {
  /** Wait before asking for the second snapshot in a row that did not sync the book; doubles each time. Default 250 ms. */
  readonly retryDelayMs?: number;
  /** Longest wait between snapshot requests. Default 10 000 ms. */
  readonly maxRetryDelayMs?: number;
  /** Told when a snapshot request fails (the feed retries). */
  readonly onError?: (error: unknown) => void;
}

/** A book kept current by {@link followOrderBook}. @public */
export interface OrderBookFeed {
  readonly book: OrderBook;
  /** Settles when the update stream ends (rejects with its error) or after {@link close}. */
  readonly done: Promise<void>;
  /** Stops following: ends the subscription, stops asking for snapshots; the book stays as it is, unsynced. */
  close(): Promise<void>;
}

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
  const baseDelay = options.retryDelayMs ?? 250;
  const maxDelay = options.maxRetryDelayMs ?? 10_000;
  let closed = false;
  let syncing = false;
  let wakeUp: (() => void) | undefined;
  let stop!: () => void;
  // Resolves on close(), so that a stream that never yields again cannot keep the feed open.
  const stopped = new Promise<{ done: true; value: undefined }>((resolve) => {
    stop = () => resolve({ done: true, value: undefined });
  });
  const iterator = source.updates(symbol)[Symbol.asyncIterator]();

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  // One loop at a time asks for snapshots until the book is synced; a resync while it runs (the
  // buffered updates did not continue the snapshot) is picked up by its condition.
  async function resync(): Promise<void> {
    if (syncing || closed) return;
    syncing = true;
    try {
      for (let attempt = 0; !closed && !book.synced; attempt++) {
        if (attempt > 0) await sleep(Math.min(maxDelay, baseDelay * 2 ** (attempt - 1)));
        if (closed) break;
        let snapshot: DepthBookSnapshot;
        try {
          snapshot = await source.snapshot(symbol);
        } catch (error) {
          options.onError?.(error);
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
        const next = await Promise.race([iterator.next(), stopped]);
        if (next.done || closed) break;
        book.update(next.value);
      }
    } finally {
      stopListening();
      book.invalidate('the update stream ended');
    }
  }

  const consuming = consume();
  void resync();

  return {
    book,
    done: consuming,
    async close() {
      if (closed) return;
      closed = true;
      wakeUp?.();
      stop();
      await iterator.return?.();
      await consuming.catch(() => undefined);
    },
  };
}
