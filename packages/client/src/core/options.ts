// What a client is configured with. Secrets live in a closure of the signer, not on any object that
// could be logged or serialised.
import type { RetryPolicy } from './transport.js';
import type { Timers } from './timers.js';
import type { RequestEvent, ResponseEvent } from './hooks.js';

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
  /** Per-attempt timeout, ms, the body included (default 10 000); a call may override it. */
  readonly timeoutMs?: number;
  /** Retries of GET requests on 429, 5xx and network failures (default `{ retries: 2 }`); `false` turns them off. */
  readonly retry?: RetryPolicy | false;
  /** Validate every request before sending and every response (default true). */
  readonly validate?: boolean;
  /** The clock signatures and order times use (UTC ms, default `Date.now`). */
  readonly clock?: () => number;
  /** The timers timeouts and waits use (default the global `setTimeout`/`clearTimeout`). */
  readonly timers?: Timers;
  /**
   * The longest body read, in bytes, counted while it streams in and after decompression (default
   * 8 MiB). A longer one fails the call with
   * `AscendexResponseTooLargeError`, closes the connection and is not retried.
   */
  readonly maxResponseBytes?: number;
  /**
   * Redirects a public GET request follows, to the origin of `baseUrl` only (default 3; 0 follows
   * none). Signed requests and other methods never follow one.
   */
  readonly maxRedirects?: number;
  /** Called before each HTTP request goes out (each attempt and redirect), with the API key and
   * signature redacted. An observer: what it returns or throws does not change the call. */
  readonly onRequest?: (event: RequestEvent) => void;
  /** Called when each HTTP answer's status and headers arrive, before its body is read. */
  readonly onResponse?: (event: ResponseEvent) => void;
}

/** Per-call options. @public */
export interface CallOptions {
  /** Aborts the call in any phase (sending, waiting, reading, between retries); the abort's
   * reason becomes the `cause` of the `AscendexAbortError`. */
  readonly signal?: AbortSignal;
  readonly timeoutMs?: number;
  readonly maxResponseBytes?: number;
}
