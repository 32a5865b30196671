// Sending one HTTP request: a timeout per attempt, the caller's AbortSignal, and retries with
// exponential backoff and full jitter for GET requests only, on 429, 5xx and network failures.
// Placing or cancelling an order is never retried: a lost answer does not mean a lost order.
import { AscendexAbortError, AscendexNetworkError, AscendexTimeoutError } from './errors.js';

/** @public */
export interface RetryPolicy {
  /** Retries after the first attempt (default 2). */
  readonly retries?: number;
  /** Backoff before retry n is a random delay in [0, min(maxDelayMs, baseDelayMs * 2^n)] (defaults 200 and 5000). */
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
}

/** One HTTP request, built by the request core. */
export interface HttpRequest {
  readonly operationId: string;
  readonly method: 'GET' | 'POST' | 'DELETE' | 'PUT';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** What came back. */
export interface HttpAnswer {
  readonly status: number;
  readonly text: string;
  /** Attempts made (1 without retries). */
  readonly attempts: number;
}

export interface TransportOptions {
  readonly fetch: typeof fetch;
  readonly timeoutMs: number;
  readonly retry: RetryPolicy | false;
  readonly signal?: AbortSignal | undefined;
  /** Injectable for tests. */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
}

/**
 * The underlying error's message without any of the request's header values: some fetch
 * implementations quote them (undici does for an invalid value, e.g. an API key read with a stray
 * control character), and they carry the API key and the signature.
 */
function withoutHeaderValues(message: string, headers: Readonly<Record<string, string>>): string {
  let out = message;
  for (const value of Object.values(headers))
    for (const piece of [value, ...value.split(/[\s\x00-\x1f\x7f]+/)])
      if (piece.length >= 8) out = out.split(piece).join('[header value]');
  return out;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const retryable = (status: number) => status === 429 || status >= 500;

/** One attempt: resolves with the answer, or rejects with a typed error. */
async function attempt(request: HttpRequest, options: TransportOptions): Promise<{ status: number; text: string }> {
  const { operationId } = request;
  if (options.signal?.aborted) throw new AscendexAbortError(operationId);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  const onAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const response = await options.fetch(request.url, {
      method: request.method,
      headers: request.headers,
      ...(request.body === undefined ? {} : { body: request.body }),
      signal: controller.signal,
    });
    return { status: response.status, text: await response.text() };
  } catch (error) {
    if (timedOut) throw new AscendexTimeoutError(operationId, options.timeoutMs);
    if (options.signal?.aborted) throw new AscendexAbortError(operationId);
    const detail = error instanceof Error ? error.message : String(error);
    throw new AscendexNetworkError(operationId, withoutHeaderValues(detail, request.headers));
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * Sends `request`. GET requests are retried on 429, 5xx and network failures (never on a timeout
 * or an abort); every other method is sent exactly once.
 */
export async function send(request: HttpRequest, options: TransportOptions): Promise<HttpAnswer> {
  const policy = request.method === 'GET' && options.retry !== false ? options.retry : undefined;
  const retries = policy ? (policy.retries ?? 2) : 0;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  for (let n = 0; ; n++) {
    try {
      const answer = await attempt(request, options);
      if (!retryable(answer.status) || n >= retries) return { ...answer, attempts: n + 1 };
    } catch (error) {
      const failure = error as AscendexAbortError | AscendexNetworkError | AscendexTimeoutError; // all attempt() throws
      // A timeout is not retried: the exchange may still be working on the first attempt.
      if (!(failure instanceof AscendexNetworkError) || n >= retries) throw failure;
    }
    const cap = Math.min(policy?.maxDelayMs ?? 5000, (policy?.baseDelayMs ?? 200) * 2 ** n);
    await sleep(Math.floor(random() * cap));
  }
}
