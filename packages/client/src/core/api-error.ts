// Turns the exchange's error envelope into the error class of its group. The request core calls
// this for every answer with a non-zero `code`. Errors are built from the answer and the call's
// operationId and status only, so no credential can end up in one.
import type { errorCatalog, KnownErrorCode, KnownErrorReason } from '@ascendex-toolkit/types';
import { AscendexError } from '@ascendex-toolkit/validators';
import { AscendexApiError, type CallMeta } from './errors.js';
import { errorClassOfGroup, groupOfCode, reasonOfCode, type ErrorClassOfGroup } from '../generated/errors.gen.js';

/** The error class of a code: the catalog's group for known codes, else `Math.floor(code / 10000)`. */
function errorClassOf(code: number): typeof AscendexApiError {
  return errorClassOfGroup[groupOfCode[code] ?? Math.floor(code / 10000)] ?? AscendexApiError;
}

/**
 * The error of an answer whose `code` is not 0: GeneralError, AuthError, OrderError, ... by the
 * code's group, AscendexApiError for groups the catalog does not know. An answer without `reason`
 * gets the catalog's reason of its code.
 * @internal
 */
export function apiErrorFrom(
  body: { code: number; reason?: string; message?: string; info?: unknown },
  meta: CallMeta,
): AscendexApiError {
  const ErrorClass = errorClassOf(body.code);
  const reason = body.reason ?? reasonOfCode[body.code];
  return new ErrorClass(reason === undefined ? body : { ...body, reason }, meta);
}

/** The catalog codes of a reason. */
type CodeOf<R extends KnownErrorReason> = {
  [C in KnownErrorCode]: (typeof errorCatalog)[C]['reason'] extends R ? C : never;
}[KnownErrorCode];

/**
 * The error `isAscendexError(e, reason)` narrows to: the class of the reason's catalog group, with
 * the reason and code as literal types.
 * @public
 */
export type AscendexErrorOf<R extends KnownErrorReason> =
  ErrorClassOfGroup[(typeof errorCatalog)[CodeOf<R>]['group']] & {
    readonly reason: R;
    readonly code: CodeOf<R>;
  };

/**
 * Whether `e` is an error of this toolkit (`AscendexError`, the base of everything it throws), or,
 * with a reason, the exchange's refusal with that catalog reason, e.g.
 * `isAscendexError(e, 'INVALID_BALANCE')` (an `OrderError` with code 300011).
 * @public
 */
export function isAscendexError(e: unknown): e is AscendexError;
export function isAscendexError<R extends KnownErrorReason>(e: unknown, reason: R): e is AscendexErrorOf<R>;
export function isAscendexError(e: unknown, reason?: KnownErrorReason): boolean {
  if (reason === undefined) return e instanceof AscendexError;
  // Code and reason must both be the catalog's, so the narrowed type (class, code) holds.
  return e instanceof AscendexApiError && e.reason === reason && reasonOfCode[e.code] === reason;
}
