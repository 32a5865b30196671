// A DepthSource fed by hand: updates pushed by the test, snapshots from a function. Its iterator's
// return() ends a waiting next() at once, as the connection's subscriptions do.
import type { DepthBookSnapshot, DepthSource, DepthUpdate } from '../../../src/ws/book-index.js';

/** An update stream fed by hand whose iterator's return() ends a waiting next(), like a subscription's. */
export function handFedSource(snapshot: () => DepthBookSnapshot): DepthSource & { push(u: DepthUpdate): void } {
  const items: DepthUpdate[] = [];
  let waiting: ((r: IteratorResult<DepthUpdate>) => void) | undefined;
  let ended = false;
  const iterator: AsyncIterator<DepthUpdate> = {
    next: () => {
      if (items.length) return Promise.resolve({ value: items.shift()!, done: false });
      if (ended) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve) => (waiting = resolve));
    },
    return: async () => {
      ended = true;
      waiting?.({ value: undefined, done: true });
      return { value: undefined, done: true };
    },
  };
  return {
    updates: () => ({ [Symbol.asyncIterator]: () => iterator }),
    snapshot: async () => snapshot(),
    push(update) {
      const w = waiting;
      waiting = undefined;
      if (w) w({ value: update, done: false });
      else items.push(update);
    },
  };
}
