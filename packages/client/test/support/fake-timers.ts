// Fake time for the REST client (ClientOptions.timers): nothing fires until a test says so, and a
// test can wait for a timer of a given delay to be scheduled. So "abort() ends the backoff at once"
// is shown by the order of events, at fake time 0, with no wall clock involved.
import type { Timers } from '../../src/core/timers.js';

interface Scheduled {
  readonly id: number;
  readonly at: number;
  readonly ms: number;
  readonly callback: () => void;
}

export class FakeTimers implements Timers {
  /** Fake time, ms. */
  now = 0;
  /** Every delay ever scheduled, in order (cleared ones included). */
  readonly delays: number[] = [];
  #next = 1;
  #pending = new Map<number, Scheduled>();
  #waiters: { match: (ms: number) => boolean; resolve: (timer: Scheduled) => void }[] = [];

  setTimeout = (callback: () => void, ms: number): unknown => {
    const timer = { id: this.#next++, at: this.now + ms, ms, callback };
    this.#pending.set(timer.id, timer);
    this.delays.push(ms);
    for (const waiter of this.#waiters.filter((w) => w.match(ms))) {
      this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
      waiter.resolve(timer);
    }
    return timer.id;
  };

  clearTimeout = (handle: unknown): void => {
    this.#pending.delete(handle as number);
  };

  /** The delays of the timers still pending. */
  get pending(): number[] {
    return [...this.#pending.values()].map((t) => t.ms);
  }

  /** The clock the client reads (for HTTP-date `Retry-After`). */
  clock = (): number => this.now;

  /** Resolves when a timer whose delay matches is scheduled (now or later). */
  scheduled(match: (ms: number) => boolean): Promise<{ id: number; ms: number }> {
    const found = [...this.#pending.values()].find((t) => match(t.ms));
    if (found) return Promise.resolve(found);
    return new Promise((resolve) => this.#waiters.push({ match, resolve }));
  }

  /** Moves time to the timer's due time and runs it (if still pending). */
  fire(timer: { id: number }): void {
    const scheduled = this.#pending.get(timer.id);
    if (!scheduled) throw new Error(`timer ${timer.id} is not pending`);
    this.#pending.delete(timer.id);
    this.now = Math.max(this.now, scheduled.at);
    scheduled.callback();
  }

  /** Runs the earliest pending timer; false when none is pending. */
  fireNext(): boolean {
    const earliest = [...this.#pending.values()].sort((a, b) => a.at - b.at || a.id - b.id)[0];
    if (!earliest) return false;
    this.fire(earliest);
    return true;
  }

  /**
   * Settles `promise` whose only waits are these timers (a scripted fetch, no real I/O): lets
   * pending callbacks run, then fires the earliest timer, until the promise settles.
   */
  async settle<T>(promise: Promise<T>): Promise<T> {
    let settled = false;
    promise.then(
      () => (settled = true),
      () => (settled = true),
    );
    for (let round = 0; round < 10_000; round++) {
      await new Promise((resolve) => setImmediate(resolve));
      if (settled) return promise;
      if (!this.fireNext()) continue;
    }
    throw new Error('the promise did not settle');
  }
}
