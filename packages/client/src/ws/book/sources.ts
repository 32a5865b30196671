// Where a followed book's data comes from: a small interface, so that the WebSocket connection,
// REST, a recording or a test fake can all stand behind it, and the connection's source.
import type { DepthBookSnapshot, DepthUpdate } from './order-book.js';

/** Where a book's data comes from. @public */
export interface DepthSource {
  /**
   * The update stream of a symbol (`depth` or `depth-realtime` messages), subscribed when iteration
   * starts. Its iterator's `return()` should end the stream promptly, even while a `next()` waits:
   * `close()` of the feed calls it.
   */
  updates(symbol: string): AsyncIterable<DepthUpdate>;
  /** A full book of a symbol whose `seqnum` the update stream continues. */
  snapshot(symbol: string): Promise<DepthBookSnapshot>;
}

/** A subscription as {@link DepthConnection.subscribe} resolves it. @public */
export interface DepthSubscription extends AsyncIterable<DepthUpdate> {
  unsubscribe?(): Promise<void>;
}

/**
 * What {@link connectionDepthSource} needs of the WebSocket connection: `subscribe` to a depth
 * channel and the `depth-snapshot` requests.
 * @public
 */
export interface DepthConnection {
  /** The updates; the connection's subscription resolves once the exchange acknowledged it. */
  subscribe(channel: 'depth' | 'depth-realtime', symbol: string): DepthSubscription | Promise<DepthSubscription>;
  request(action: 'depth-snapshot' | 'depth-snapshot-realtime', args: { symbol: string }): Promise<DepthBookSnapshot>;
}

/**
 * The updates of a subscription that may still be waiting for its acknowledgement, as an iterator
 * whose `return()` acts at once: it ends a pending `next()`, returns the subscription's own
 * iterator (which unsubscribes), or unsubscribes the subscription when it arrives later. (An async
 * generator would queue `return()` behind the pending `next()`, which on a quiet stream is forever.)
 */
function subscribed(subscription: DepthSubscription | Promise<DepthSubscription>): AsyncIterable<DepthUpdate> {
  let inner: AsyncIterator<DepthUpdate> | undefined;
  let ended = false;
  const endedResult: IteratorResult<DepthUpdate> = { done: true, value: undefined };
  const arrived = Promise.resolve(subscription).then((s) => {
    if (ended) {
      void s.unsubscribe?.().catch(() => undefined);
      return undefined;
    }
    return (inner = s[Symbol.asyncIterator]());
  });
  // A refusal reaches the caller through next(); nobody may be calling it (a feed closed early).
  arrived.catch(() => undefined);
  const iterator: AsyncIterator<DepthUpdate> = {
    async next() {
      if (ended) return endedResult;
      const it = inner ?? (await arrived);
      return it && !ended ? it.next() : endedResult;
    },
    async return() {
      ended = true;
      await inner?.return?.();
      return endedResult;
    },
  };
  return { [Symbol.asyncIterator]: () => iterator };
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
