// Simulated time for the WebSocket tests: a WsScheduler (and the mocks' WsClock: the same shape)
// whose clock moves only when a test advances it. Between timers it lets the event loop turn, so
// promise chains, MSW's socket events (microtasks) and WebCrypto signatures finish before the next
// timer fires; nothing waits on the wall clock.
import type { WsScheduler } from '../../../src/ws/scheduler.js';

/** Lets pending promise reactions and I/O callbacks run (a few turns of the event loop, no timer). */
export async function settle(turns = 4): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

interface Entry {
  readonly at: number;
  readonly order: number;
  readonly callback: () => void;
}

export class FakeScheduler implements WsScheduler {
  #now: number;
  #order = 0;
  readonly #timers = new Map<number, Entry>();

  constructor(start = 1_700_000_000_000) {
    this.#now = start;
  }

  // Arrow functions: the mocks' sessions call them detached from the object.
  now = (): number => this.#now;

  setTimeout = (callback: () => void, ms: number): unknown => {
    const id = ++this.#order;
    this.#timers.set(id, { at: this.#now + Math.max(0, ms), order: id, callback });
    return id;
  };

  clearTimeout = (handle: unknown): void => {
    this.#timers.delete(handle as number);
  };

  /** Timers waiting to fire. */
  get pending(): number {
    return this.#timers.size;
  }

  #due(until: number): [number, Entry] | undefined {
    let first: [number, Entry] | undefined;
    for (const entry of this.#timers) {
      if (entry[1].at > until) continue;
      if (!first || entry[1].at < first[1].at || (entry[1].at === first[1].at && entry[1].order < first[1].order))
        first = entry;
    }
    return first;
  }

  /** Moves the clock `ms` forward, firing the timers that fall due in time order. */
  async advance(ms: number): Promise<void> {
    const until = this.#now + ms;
    for (;;) {
      await settle();
      const due = this.#due(until);
      if (!due) break;
      this.#timers.delete(due[0]);
      this.#now = due[1].at;
      due[1].callback();
    }
    this.#now = until;
    await settle();
  }

  /** When the next timer falls due, or undefined when none waits. */
  get nextDue(): number | undefined {
    let at: number | undefined;
    for (const entry of this.#timers.values()) if (at === undefined || entry.at < at) at = entry.at;
    return at;
  }

  /**
   * Advances in `stepMs` steps until `check()` holds; fails after `maxMs` of simulated time (so a
   * condition that never comes fails fast instead of hanging).
   */
  async until(check: () => boolean, what: string, maxMs = 60_000, stepMs = 10): Promise<void> {
    const limit = this.#now + maxMs;
    await settle();
    while (!check()) {
      if (this.#now >= limit) throw new Error(`not within ${maxMs} simulated ms: ${what}`);
      await this.advance(stepMs);
    }
  }
}
