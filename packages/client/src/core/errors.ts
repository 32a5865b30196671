// The client's errors. Everything it throws derives from AscendexError (validators package), so one
// `instanceof AscendexError` catches all of it. No error holds the API key, the secret or a
// signature: whatever text of an answer, a cause or a URL goes into one has passed the client's
// Redactor (core/redact.ts), and a request is named by its method, origin and path only.
import type { BatchOrderErrorItem } from '@ascendex-toolkit/types';
import { AscendexError, type ValidationError } from '@ascendex-toolkit/validators';

/** What identifies the call an error came from. @public */
export interface CallMeta {
  readonly operationId: string;
  /** HTTP status of the answer (the exchange answers most failures with 200). */
  readonly status: number;
  /** The answer's headers (values redacted), when it came over HTTP. */
  readonly headers?: Headers | undefined;
  /** The answer's request id (`x-request-id`, else Cloudflare's `cf-ray`), when it has one. */
  readonly requestId?: string | undefined;
}

/** The request an error is about: its method and `origin + path` (never the query). @public */
export interface RequestTarget {
  readonly method: string;
  readonly url: string;
}

/** What an answer that went wrong carries. @public */
export interface AnswerMeta extends RequestTarget {
  readonly status: number;
  /** The answer's headers (values redacted). */
  readonly headers: Headers;
  readonly requestId: string | undefined;
}

/** The exchange answered with a non-zero `code` (HTTP 200 included). @public */
export class AscendexApiError extends AscendexError {
  override readonly name: string = 'AscendexApiError';
  /** The catalog code, e.g. 300011. */
  readonly code: number;
  /** The catalog reason, e.g. `INVALID_BALANCE` (as the exchange sent it, or from the catalog). */
  readonly reason: string | undefined;
  /** The exchange's `info` (per-order details of batch errors, the order's id and symbol, ...). */
  readonly info: unknown;
  /** Why each order of a refused batch was refused (batch place/cancel), else undefined. */
  readonly orderErrors: readonly BatchOrderErrorItem[] | undefined;
  readonly status: number;
  readonly operationId: string;
  /** The answer's headers (values redacted); undefined for WebSocket replies. */
  readonly headers: Headers | undefined;
  /** The answer's request id, when the exchange sent one. */
  readonly requestId: string | undefined;
  constructor(body: { code: number; reason?: string; message?: string; info?: unknown }, meta: CallMeta) {
    super(
      `${meta.operationId}: ${body.code}${body.reason ? ` ${body.reason}` : ''}${body.message ? `: ${body.message}` : ''}`,
    );
    this.code = body.code;
    this.reason = body.reason;
    this.info = body.info;
    // Batch answers explain each order in an array under `info` (validated with the response).
    this.orderErrors = Array.isArray(body.info) ? (body.info as BatchOrderErrorItem[]) : undefined;
    this.status = meta.status;
    this.operationId = meta.operationId;
    this.headers = meta.headers;
    this.requestId = meta.requestId;
  }
}

/**
 * The server answered an HTTP error status without the exchange's error envelope (an HTML page of a
 * proxy, a text 404, JSON without a `code`). The two that matter most have their own classes. @public
 */
export class AscendexHttpError extends AscendexError {
  override readonly name: string = 'AscendexHttpError';
  declare readonly operationId: string;
  declare readonly method: string;
  /** `origin + path` of the request. */
  declare readonly url: string;
  declare readonly status: number;
  declare readonly headers: Headers;
  declare readonly requestId: string | undefined;
  /** From `Retry-After`, when the answer has one. */
  declare readonly retryAfterMs: number | undefined;
  constructor(
    operationId: string,
    meta: AnswerMeta & { readonly retryAfterMs?: number | undefined },
    what = 'HTTP error',
  ) {
    const type = meta.headers.get('content-type') ?? 'no content-type';
    const wait = meta.retryAfterMs === undefined ? '' : `, retry after ${meta.retryAfterMs} ms`;
    super(
      `${operationId}: ${what}: ${meta.method} ${meta.url} answered HTTP ${meta.status} (${type}${wait}) ` +
        "without the exchange's error envelope",
    );
    Object.assign(this, { operationId, retryAfterMs: undefined, ...meta });
  }
}

/** HTTP 429 without the exchange's envelope, after the retries the policy allows. @public */
export class AscendexRateLimitError extends AscendexHttpError {
  override readonly name = 'AscendexRateLimitError';
  constructor(operationId: string, meta: AnswerMeta & { readonly retryAfterMs?: number | undefined }) {
    super(operationId, meta, 'rate limited');
  }
}

/** HTTP 5xx without the exchange's envelope (a proxy's page, an outage), after the retries. @public */
export class AscendexUnavailableError extends AscendexHttpError {
  override readonly name = 'AscendexUnavailableError';
  constructor(operationId: string, meta: AnswerMeta & { readonly retryAfterMs?: number | undefined }) {
    super(operationId, meta, 'unavailable');
  }
}

/** Why a redirect was not followed. @public */
export type RedirectRefusal =
  /** A signed request never follows a redirect: its headers and body would go along. */
  | 'signed'
  /** Only GET requests follow redirects (a 302/303 would turn a POST into a GET). */
  | 'method'
  /** To another origin than the client's `baseUrl`. */
  | 'cross-origin'
  /** More than `maxRedirects` in a row (a loop). */
  | 'too-many'
  /** The Location is missing or not a URL, or the browser hides it (`opaqueredirect`). */
  | 'unreadable';

const WHY_NOT_FOLLOWED: Readonly<Record<RedirectRefusal, string>> = {
  signed: 'a signed request follows no redirect',
  method: 'only GET follows redirects',
  'cross-origin': 'another origin',
  'too-many': 'too many redirects',
  unreadable: 'its target cannot be read',
};

/** The server answered a redirect the client does not follow; nothing was sent to its target. @public */
export class AscendexRedirectError extends AscendexError {
  override readonly name = 'AscendexRedirectError';
  declare readonly operationId: string;
  declare readonly method: string;
  /** `origin + path` of the request that was redirected. */
  declare readonly url: string;
  declare readonly status: number;
  /** The origin the redirect pointed to (never its path or query), when readable. */
  declare readonly location: string | undefined;
  declare readonly headers: Headers;
  declare readonly refusal: RedirectRefusal;
  constructor(
    operationId: string,
    meta: RequestTarget & { readonly status: number; readonly headers: Headers; readonly location: string | undefined },
    refusal: RedirectRefusal,
  ) {
    super(
      `${operationId}: ${meta.method} ${meta.url} answered HTTP ${meta.status} redirecting to ` +
        `${meta.location ?? '(unknown)'}; not followed: ${WHY_NOT_FOLLOWED[refusal]}`,
    );
    Object.assign(this, { operationId, ...meta, refusal });
  }
}

/** The answer's body is longer than `maxResponseBytes` (counted after decompression); the rest
 * was not read and the connection was closed. Not retried. @public */
export class AscendexResponseTooLargeError extends AscendexError {
  override readonly name = 'AscendexResponseTooLargeError';
  declare readonly operationId: string;
  declare readonly method: string;
  declare readonly url: string;
  declare readonly status: number;
  declare readonly headers: Headers;
  declare readonly limitBytes: number;
  constructor(
    operationId: string,
    meta: RequestTarget & { readonly status: number; readonly headers: Headers },
    limitBytes: number,
  ) {
    super(
      `${operationId}: ${meta.method} ${meta.url} answered HTTP ${meta.status} with a body over ` +
        `maxResponseBytes (${limitBytes} bytes after decompression); the rest was not read`,
    );
    Object.assign(this, { operationId, ...meta, limitBytes });
  }
}

/** The request could not be sent or its answer not received (DNS, refused, reset, ...). @public */
export class AscendexNetworkError extends AscendexError {
  override readonly name = 'AscendexNetworkError';
  declare readonly operationId: string;
  /** What failed, from the underlying error's message (redacted). */
  declare readonly detail: string;
  /** The request's method, when known. */
  declare readonly method: string | undefined;
  /** `origin + path` of the request, when known. */
  declare readonly url: string | undefined;
  /** The underlying error's code (`ECONNREFUSED`, `ECONNRESET`, `UND_ERR_SOCKET`, ...), when it has one. */
  declare readonly code: string | undefined;
  constructor(
    operationId: string,
    detail: string,
    { cause, ...where }: Partial<RequestTarget> & { readonly code?: string | undefined; readonly cause?: unknown } = {},
  ) {
    const at = where.method && where.url ? ` ${where.method} ${where.url}` : '';
    super(
      `${operationId}:${at} network failure: ${detail}${where.code ? ` (${where.code})` : ''}`,
      cause === undefined ? undefined : { cause },
    );
    Object.assign(this, { operationId, detail, method: undefined, url: undefined, code: undefined, ...where });
  }
}

/** No answer within the timeout (the body included). Not retried. @public */
export class AscendexTimeoutError extends AscendexError {
  override readonly name = 'AscendexTimeoutError';
  declare readonly operationId: string;
  declare readonly timeoutMs: number;
  declare readonly method: string | undefined;
  declare readonly url: string | undefined;
  constructor(operationId: string, timeoutMs: number, target?: RequestTarget) {
    super(`${operationId}:${target ? ` ${target.method} ${target.url}:` : ''} no answer within ${timeoutMs} ms`);
    Object.assign(this, { operationId, timeoutMs, method: undefined, url: undefined, ...target });
  }
}

/** The caller aborted the call through its AbortSignal; `cause` is the signal's reason. @public */
export class AscendexAbortError extends AscendexError {
  override readonly name = 'AscendexAbortError';
  constructor(
    readonly operationId: string,
    options: { readonly cause?: unknown } = {},
  ) {
    super(`${operationId}: aborted`, 'cause' in options ? { cause: options.cause } : undefined);
  }
}

/** The exchange answered something that is not the operation's response schema (or not JSON, or a
 * body that cannot be decoded). @public */
export class AscendexResponseError extends AscendexError {
  override readonly name = 'AscendexResponseError';
  declare readonly operationId: string;
  declare readonly status: number;
  /** Why: the validation error (with JSON-pointer issues), the parse error, or the decoding error. */
  declare readonly detail: ValidationError | AscendexError;
  /** The answer's headers (values redacted), when known. */
  declare readonly headers: Headers | undefined;
  declare readonly requestId: string | undefined;
  constructor(
    operationId: string,
    status: number,
    detail: ValidationError | AscendexError,
    meta: { readonly headers?: Headers | undefined; readonly requestId?: string | undefined } = {},
  ) {
    super(`${operationId}: unexpected answer (HTTP ${status}): ${detail.message}`);
    Object.assign(this, { operationId, status, detail, headers: undefined, requestId: undefined, ...meta });
  }
}

/** The call's arguments are not what the operation takes; nothing was sent. @public */
export class AscendexRequestError extends AscendexError {
  override readonly name = 'AscendexRequestError';
  constructor(
    readonly operationId: string,
    readonly detail: ValidationError,
  ) {
    super(`${operationId}: invalid request, not sent: ${detail.message}`);
  }
}
