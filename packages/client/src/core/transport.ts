// Sending one HTTP request and reading its answer, against a server that may misbehave:
// - a timeout per attempt covers the answer's body too; the caller's AbortSignal ends every phase,
//   waits included, and becomes the error's `cause`;
// - redirects are never followed by fetch (`redirect: 'manual'`): a signed request or any method but
//   GET refuses every redirect, a public GET follows up to `maxRedirects` to its own origin only;
// - a body is read up to `maxResponseBytes`, counted while it streams in, after decompression;
// - retries with exponential backoff and full jitter for GET requests only, on 429, 5xx and network
//   failures, honouring `Retry-After` on 429/503 up to `maxRetryAfterMs`. Placing or cancelling an
//   order is never retried: a lost answer does not mean a lost order. A timeout, a redirect, an
//   over-long or undecodable body is never retried.
import { AscendexError } from '@ascendex-toolkit/validators';
import {
  AscendexNetworkError,
  AscendexRedirectError,
  AscendexResponseError,
  AscendexResponseTooLargeError,
  AscendexTimeoutError,
  type RedirectRefusal,
} from './errors.js';
import { notify, type RequestEvent, type ResponseEvent } from './hooks.js';
import { discardBody, readBody } from './read-body.js';
import { originOf, Redactor, urlForError } from './redact.js';
import { abortError, systemTimers, throwIfAborted, wait, type Timers } from './timers.js';

/** @public */
export interface RetryPolicy {
  /** Retries after the first attempt (default 2). */
  readonly retries?: number;
  /** Backoff before retry n is a random delay in [0, min(maxDelayMs, baseDelayMs * 2^n)] (defaults 200 and 5000). */
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  /**
   * The longest `Retry-After` of a 429 or 503 waited for before retrying (default 10 000 ms). A
   * longer one ends the retries: the call fails at once with the error, whose `retryAfterMs` says it.
   */
  readonly maxRetryAfterMs?: number;
}

/** One HTTP request, built by the request core (core/build-request.ts). */
export interface HttpRequest {
  readonly operationId: string;
  readonly method: 'GET' | 'POST' | 'DELETE' | 'PUT';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  /** A signed request never follows a redirect (an `x-auth-*` header marks one signed too). */
  readonly signed?: boolean;
}

/** What came back. */
export interface HttpAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** Attempts made (1 without retries). */
  readonly attempts: number;
  /** The URL that answered: the request's, or where same-origin redirects led. */
  readonly url: string;
}

export interface TransportOptions {
  readonly fetch: typeof fetch;
  readonly timeoutMs: number;
  readonly retry: RetryPolicy | false;
  readonly signal?: AbortSignal | undefined;
  /** Default 8 MiB. */
  readonly maxResponseBytes?: number;
  /** Default 3. */
  readonly maxRedirects?: number;
  /** Default the global timers. */
  readonly timers?: Timers;
  /** Reads HTTP-date `Retry-After` values (default `Date.now`). */
  readonly clock?: () => number;
  /** Jitter (default `Math.random`). */
  readonly random?: () => number;
  /** The client's credentials and signatures to keep out of errors and events. */
  readonly redactor?: Redactor;
  readonly onRequest?: ((event: RequestEvent) => void) | undefined;
  readonly onResponse?: ((event: ResponseEvent) => void) | undefined;
}

/** Default of `maxResponseBytes`: 8 MiB, over ten times the largest answer the API gives (the
 * full product list, a page of 1000 history orders). */
export const DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;
/** Default of `maxRedirects`. */
export const DEFAULT_MAX_REDIRECTS = 3;
/** Default of `maxRetryAfterMs`. */
const DEFAULT_MAX_RETRY_AFTER_MS = 10_000;

const RETRYABLE = (status: number) => status === 429 || status >= 500;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const AUTH_HEADERS: Readonly<Record<string, string>> = {
  'x-auth-key': '[api key]',
  'x-auth-signature': '[signature]',
};
const isSigned = (request: HttpRequest) =>
  request.signed === true || Object.keys(request.headers).some((name) => name.toLowerCase().startsWith('x-auth-'));

/** `Retry-After` in ms (delay-seconds or an HTTP-date), or undefined when absent or unreadable. @internal */
export function retryAfterMs(headers: Headers, now: number): number | undefined {
  const value = headers.get('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The error and its causes, outermost first (a fetch error's `cause` says what really failed). */
function chainOf(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let e = error; e !== undefined && chain.length < 8; e = (e as { cause?: unknown }).cause) {
    chain.push(e);
    if (typeof e !== 'object' || e === null) break;
  }
  return chain;
}

const codeOf = (chain: unknown[]): string | undefined =>
  chain.map((e) => (e as { code?: unknown } | null)?.code).find((code): code is string => typeof code === 'string');

/** zlib's (`Z_DATA_ERROR`, ...) and brotli's error codes: the body's bytes are not what its encoding says. */
const isDecodeCode = (code: string | undefined) => code !== undefined && /^(Z_|ERR__ERROR_|ERR_BROTLI)/.test(code);

/** One request as the hooks see it: signed, the key and the signature redacted. */
function requestEvent(request: HttpRequest, url: string, redactor: Redactor, attempt: number, redirects: number) {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers))
    headers[name] = AUTH_HEADERS[name.toLowerCase()] ?? redactor.text(value);
  return {
    operationId: request.operationId,
    method: request.method,
    url: redactor.text(url),
    headers,
    body: request.body === undefined ? undefined : redactor.text(request.body),
    attempt,
    redirects,
  };
}

/** Where a redirect may lead, or the reason it may not. */
function redirectTarget(
  request: HttpRequest,
  from: string,
  location: string | null,
  hops: number,
  maxRedirects: number,
): { url: string } | { refusal: RedirectRefusal; origin: string | undefined } {
  let target: URL | undefined;
  try {
    target = location === null ? undefined : new URL(location, from);
  } catch {
    target = undefined;
  }
  const origin = target?.origin;
  if (isSigned(request)) return { refusal: 'signed', origin };
  if (request.method !== 'GET') return { refusal: 'method', origin };
  if (!target) return { refusal: 'unreadable', origin };
  if (origin !== originOf(request.url)) return { refusal: 'cross-origin', origin };
  if (hops >= maxRedirects) return { refusal: 'too-many', origin };
  return { url: target.href };
}

/** The failure of a fetch or a body read as the typed error a caller gets. */
function failureOf(
  request: HttpRequest,
  url: string,
  error: unknown,
  redactor: Redactor,
  answered: { status: number; headers: Headers } | undefined,
): AscendexNetworkError | AscendexResponseError {
  const chain = chainOf(error);
  const code = codeOf(chain);
  const detail = redactor.text(
    chain
      .map((e) => (e instanceof Error ? e.message : String(e)))
      .filter(Boolean)
      .join(': '),
  );
  const cause = redactor.cause(error);
  if (answered && isDecodeCode(code)) {
    // The same bytes would come again: an answer that cannot be decoded is not retried.
    const encoding = answered.headers.get('content-encoding') ?? 'none';
    const why = new AscendexError(`the body cannot be decoded (content-encoding ${encoding}): ${detail}`, { cause });
    return new AscendexResponseError(request.operationId, answered.status, why, {
      headers: redactor.headers(answered.headers),
    });
  }
  return new AscendexNetworkError(request.operationId, detail, {
    method: request.method,
    url: redactor.text(urlForError(url)),
    code,
    cause,
  });
}

type Decision = { readonly read: true } | { readonly read: false; readonly delayMs: number };

/**
 * One attempt: the request, the redirects it may follow, and the answer's body unless `decide`
 * says the answer will be retried (its body is then let go unread). Throws typed errors only.
 */
async function attempt(
  request: HttpRequest,
  options: TransportOptions,
  redactor: Redactor,
  attemptNo: number,
  decide: (status: number, headers: Headers) => Decision,
): Promise<HttpAnswer | { retryAfter: number }> {
  const { operationId } = request;
  const timers = options.timers ?? systemTimers;
  throwIfAborted(operationId, options.signal);
  const controller = new AbortController();
  let timedOut = false;
  const timer = timers.setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  const onAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  let url = request.url;
  let answered: { status: number; headers: Headers } | undefined;
  try {
    for (let hops = 0; ; hops++) {
      answered = undefined;
      notify(options.onRequest, () => requestEvent(request, url, redactor, attemptNo, hops));
      const response = await options.fetch(url, {
        method: request.method,
        headers: request.headers,
        ...(request.body === undefined ? {} : { body: request.body }),
        signal: controller.signal,
        redirect: 'manual',
      });
      answered = { status: response.status, headers: response.headers };
      /** What an error about this answer keeps of it (redacted). */
      const answerMeta = () => ({
        method: request.method,
        url: redactor.text(urlForError(url)),
        status: response.status,
        headers: redactor.headers(response.headers),
      });
      notify(options.onResponse, () => ({
        operationId,
        method: request.method,
        url: redactor.text(url),
        status: response.status,
        headers: redactor.headers(response.headers),
        attempt: attemptNo,
        redirects: hops,
      }));
      // A browser's fetch shows a manual redirect as an opaque answer without its Location.
      if (REDIRECTS.has(response.status) || response.type === 'opaqueredirect') {
        discardBody(response);
        const next = redirectTarget(
          request,
          url,
          response.headers.get('location'),
          hops,
          options.maxRedirects ?? DEFAULT_MAX_REDIRECTS,
        );
        if ('url' in next) {
          url = next.url;
          continue;
        }
        const location = next.origin === undefined ? undefined : redactor.text(next.origin);
        throw new AscendexRedirectError(operationId, { ...answerMeta(), location }, next.refusal);
      }
      const decision = decide(response.status, response.headers);
      if (!decision.read) {
        discardBody(response);
        return { retryAfter: decision.delayMs };
      }
      const limit = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
      const bytes = await readBody(response, limit);
      if (!bytes) {
        controller.abort(); // the connection is closed, not kept for reuse with unread bytes
        throw new AscendexResponseTooLargeError(operationId, answerMeta(), limit);
      }
      return {
        status: response.status,
        headers: response.headers,
        text: new TextDecoder().decode(bytes),
        attempts: attemptNo,
        url,
      };
    }
  } catch (error) {
    if (error instanceof AscendexError) throw error;
    if (timedOut)
      throw new AscendexTimeoutError(operationId, options.timeoutMs, {
        method: request.method,
        url: redactor.text(urlForError(url)),
      });
    if (options.signal?.aborted) throw abortError(operationId, options.signal);
    throw failureOf(request, url, error, redactor, answered);
  } finally {
    timers.clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * Sends `request`. GET requests are retried on 429, 5xx and network failures (never on a timeout,
 * an abort, a redirect or a body over the limit); every other method is sent exactly once. Resolves
 * with the last answer, whatever its status; rejects with a typed error.
 */
export async function send(request: HttpRequest, options: TransportOptions): Promise<HttpAnswer> {
  const policy = request.method === 'GET' && options.retry !== false ? options.retry : undefined;
  const retries = policy ? (policy.retries ?? 2) : 0;
  const maxRetryAfter = policy?.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS;
  const random = options.random ?? Math.random;
  const clock = options.clock ?? Date.now;
  const backoff = (n: number) =>
    Math.floor(random() * Math.min(policy?.maxDelayMs ?? 5000, (policy?.baseDelayMs ?? 200) * 2 ** n));
  // Fetch implementations quote request header values in their errors: the key and the signature.
  const auth = Object.entries(request.headers)
    .filter(([name]) => AUTH_HEADERS[name.toLowerCase()])
    .map(([name, value]): [string, string] => [value, AUTH_HEADERS[name.toLowerCase()]!]);
  const redactor = (options.redactor ?? new Redactor()).with(auth);
  for (let n = 0; ; n++) {
    const last = n >= retries;
    let delayMs: number;
    try {
      const outcome = await attempt(request, options, redactor, n + 1, (status, headers): Decision => {
        if (last || !RETRYABLE(status)) return { read: true };
        const after = status === 429 || status === 503 ? retryAfterMs(headers, clock()) : undefined;
        if (after !== undefined && after > maxRetryAfter) return { read: true };
        return { read: false, delayMs: after ?? backoff(n) };
      });
      if ('text' in outcome) return outcome;
      delayMs = outcome.retryAfter;
    } catch (error) {
      // attempt() throws toolkit errors only; of those, network failures are retried.
      if (!(error instanceof AscendexNetworkError) || last) throw error as AscendexError;
      delayMs = backoff(n);
    }
    await wait(request.operationId, delayMs, options.signal, options.timers ?? systemTimers);
  }
}
