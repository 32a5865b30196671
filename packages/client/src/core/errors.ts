// The client's errors. Everything it throws derives from AscendexError (validators package), so one
// `instanceof AscendexError` catches all of it. No error ever holds a secret, a signature or an API
// key: they are built from the exchange's answer and the operationId only.
import type { BatchOrderErrorItem } from '@ascendex-toolkit/types';
import { AscendexError, type ValidationError } from '@ascendex-toolkit/validators';

/** What identifies the call an error came from. @public */
export interface CallMeta {
  readonly operationId: string;
  /** HTTP status of the answer (the exchange answers most failures with 200). */
  readonly status: number;
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
  }
}

/** The request could not be sent or its answer not received (DNS, connection reset, ...). @public */
export class AscendexNetworkError extends AscendexError {
  override readonly name = 'AscendexNetworkError';
  constructor(
    readonly operationId: string,
    /** The underlying error's message (never the request itself, which may carry credentials). */
    readonly detail: string,
  ) {
    super(`${operationId}: network failure: ${detail}`);
  }
}

/** No answer within the timeout. @public */
export class AscendexTimeoutError extends AscendexError {
  override readonly name = 'AscendexTimeoutError';
  constructor(
    readonly operationId: string,
    readonly timeoutMs: number,
  ) {
    super(`${operationId}: no answer within ${timeoutMs} ms`);
  }
}

/** The caller aborted the call through its AbortSignal. @public */
export class AscendexAbortError extends AscendexError {
  override readonly name = 'AscendexAbortError';
  constructor(readonly operationId: string) {
    super(`${operationId}: aborted`);
  }
}

/** The exchange answered something that is not the operation's response schema (or not JSON). @public */
export class AscendexResponseError extends AscendexError {
  override readonly name = 'AscendexResponseError';
  constructor(
    readonly operationId: string,
    readonly status: number,
    /** Why: the validation error (with JSON-pointer issues) or the parse error. */
    readonly detail: ValidationError | AscendexError,
  ) {
    super(`${operationId}: unexpected answer (HTTP ${status}): ${detail.message}`);
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
