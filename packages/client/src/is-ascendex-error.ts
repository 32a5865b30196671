// The guard users narrow errors with. It reads the catalog's reasons (generated/errors.gen.ts), so
// it sits above the generated code, beside the other public helpers.
import type { errorCatalog, KnownErrorCode, KnownErrorReason } from '@ascendex-toolkit/types';
import { AscendexError } from '@ascendex-toolkit/validators';
import { AscendexApiError } from './core/errors.js';
import { apiErrors, type ErrorClassOfGroup } from './generated/errors.gen.js';

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
  return e instanceof AscendexApiError && e.reason === reason && apiErrors.reasonOfCode[e.code] === reason;
}
