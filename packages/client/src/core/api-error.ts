// Turns the exchange's error envelope into the error class of its group. The request core calls
// this for every answer with a non-zero `code`.
import { AscendexApiError, type CallMeta } from './errors.js';

/** The error of an answer whose `code` is not 0. @internal */
export function apiErrorFrom(
  body: { code: number; reason?: string; message?: string; info?: unknown },
  meta: CallMeta,
): AscendexApiError {
  return new AscendexApiError(body, meta);
}
