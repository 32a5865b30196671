// When to try again after the socket was lost: exponential backoff with full jitter (a random
// delay between 0 and a ceiling that doubles per failed attempt), and when to give up.
import { backoffCeiling } from '../backoff.js';

/** Reconnect policy: exponential backoff with full jitter. @public */
export interface WsReconnectOptions {
  /** First delay ceiling, ms (default 250); doubled per failed attempt. */
  readonly baseDelayMs?: number;
  /** Largest delay, ms (default 10 000). */
  readonly maxDelayMs?: number;
  /** Attempts in a row before the connection gives up and closes (default: never gives up). */
  readonly maxAttempts?: number;
}

/** Attempts counted since the last time the connection was ready. @internal */
export class Reconnect {
  #attempts = 0;
  readonly #policy: Required<WsReconnectOptions> | false;

  constructor(
    options: WsReconnectOptions | false | undefined,
    /** Random numbers in [0, 1). */
    private readonly random: () => number,
  ) {
    this.#policy =
      options === false
        ? false
        : {
            baseDelayMs: options?.baseDelayMs ?? 250,
            maxDelayMs: options?.maxDelayMs ?? 10_000,
            maxAttempts: options?.maxAttempts ?? Infinity,
          };
  }

  /** Failed attempts since the connection was last ready. */
  get attempts(): number {
    return this.#attempts;
  }

  /** The delay before the next attempt, ms, counting it; undefined when the policy gives up. */
  next(): number | undefined {
    const policy = this.#policy;
    if (!policy || this.#attempts >= policy.maxAttempts) return undefined;
    this.#attempts += 1;
    return Math.round(backoffCeiling(this.#attempts, policy.baseDelayMs, policy.maxDelayMs) * this.random());
  }

  /** The connection is ready again: the next loss starts from the first delay. */
  reset(): void {
    this.#attempts = 0;
  }
}
