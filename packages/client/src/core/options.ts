// What a client is configured with. Secrets live in a closure of the signer, not on any object that
// could be logged or serialised.
import type { RetryPolicy } from './transport.js';

/** @public */
export interface ClientOptions {
  /** API key of private operations. */
  readonly apiKey?: string;
  /** API secret of private operations; kept only inside the signer, never on the client object. */
  readonly secret?: string;
  /** Account group (first URL segment of private routes); discovered once through getAccountInfo when absent. */
  readonly accountGroup?: number;
  /** Default `https://ascendex.com`. */
  readonly baseUrl?: string;
  /** Default the global `fetch`. */
  readonly fetch?: typeof fetch;
  /** Per-attempt timeout, ms (default 10 000); a call may override it. */
  readonly timeoutMs?: number;
  /** Retries of GET requests on 429, 5xx and network failures (default `{ retries: 2 }`); `false` turns them off. */
  readonly retry?: RetryPolicy | false;
  /** Validate every request before sending and every response (default true). */
  readonly validate?: boolean;
  /** The clock signatures and order times use (UTC ms, default `Date.now`). */
  readonly clock?: () => number;
}

/** Per-call options. @public */
export interface CallOptions {
  readonly signal?: AbortSignal;
  readonly timeoutMs?: number;
}
