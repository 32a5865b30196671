// Turns the exchange's error envelope into the error class of its group. The request core calls
// this for every answer with a non-zero `code`, with the table of the catalog's classes it is given
// (each operation row carries it: generated/errors.gen.ts), so the runtime never imports generated
// code. Errors are built from the answer and the call's operationId and status only, so no
// credential can end up in one.
import { AscendexApiError, type CallMeta } from './errors.js';

/**
 * What the runtime knows of the error catalog: the class of each group, the known codes whose
 * group is not `Math.floor(code / 10000)`, and the catalog's reason of each code that has one.
 * Generated from the catalog (generated/errors.gen.ts, `apiErrors`).
 * @public
 */
export interface ApiErrorTable {
  readonly classOfGroup: Readonly<Record<number, typeof AscendexApiError>>;
  readonly groupOfCode: Readonly<Record<number, number>>;
  readonly reasonOfCode: Readonly<Record<number, string>>;
}

/**
 * The error of an answer whose `code` is not 0: GeneralError, AuthError, OrderError, ... by the
 * code's group, AscendexApiError for groups the catalog does not know. An answer without `reason`
 * gets the catalog's reason of its code.
 * @internal
 */
export function apiErrorFrom(
  table: ApiErrorTable,
  body: { code: number; reason?: string; message?: string; info?: unknown },
  meta: CallMeta,
): AscendexApiError {
  const ErrorClass =
    table.classOfGroup[table.groupOfCode[body.code] ?? Math.floor(body.code / 10000)] ?? AscendexApiError;
  const reason = body.reason ?? table.reasonOfCode[body.code];
  return new ErrorClass(reason === undefined ? body : { ...body, reason }, meta);
}
