// The one source of time of the WebSocket client: every timer of the connection (connect and
// request timeouts, keep-alive, reconnect backoff) and of the order book feed (snapshot retries)
// is taken from a WsScheduler, and so is the time signatures and order times are made from.
// Tests pass a fake one and move time by hand. The shape is the mocks' `WsClock`, so one fake
// drives both the client and the mock exchange's sessions.

/**
 * The clock and timers the WebSocket client runs on (default {@link realScheduler}).
 * @public
 */
export interface WsScheduler {
  /** UTC milliseconds. */
  now(): number;
  /** Runs `callback` once after `ms`; returns a handle for {@link WsScheduler.clearTimeout}. */
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * `Date.now` and the global timers, looked up at each call (so test runners' fake timers work too).
 * @public
 */
export const realScheduler: WsScheduler = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** One restartable timer on a scheduler: starting it again replaces what was pending. @internal */
export class Timer {
  #handle: unknown;
  #armed = false;

  constructor(private readonly scheduler: WsScheduler) {}

  /** True while a callback is pending. */
  get armed(): boolean {
    return this.#armed;
  }

  start(ms: number, callback: () => void): void {
    this.stop();
    this.#armed = true;
    this.#handle = this.scheduler.setTimeout(
      () => {
        this.#armed = false;
        callback();
      },
      Math.max(0, ms),
    );
  }

  stop(): void {
    if (!this.#armed) return;
    this.#armed = false;
    this.scheduler.clearTimeout(this.#handle);
  }
}

/** Waits `ms` on the scheduler; `wake()` ends the wait early. @internal */
export function pause(scheduler: WsScheduler, ms: number): { done: Promise<void>; wake(): void } {
  const timer = new Timer(scheduler);
  let wake!: () => void;
  const done = new Promise<void>((resolve) => {
    wake = () => {
      timer.stop();
      resolve();
    };
    timer.start(ms, resolve);
  });
  return { done, wake };
}
