// The exchange's refusals as error fields `{ code, reason, message }`, always taken from the error
// catalog so that a code and its reason never disagree (domain knowledge, shared by every layer).
import { errorCatalog, type KnownErrorCode } from '@ascendex-toolkit/types';
import type { ExchangeErrorFields } from '../backend.js';
import { MockExchangeError } from './errors.js';

/** Error fields of a catalog code; the reason is left out where the catalog has none (300019, 100014). */
export type CatalogRefusal = Omit<ExchangeErrorFields, 'reason'> & { readonly reason?: string };

const codeByReason = new Map<string, number>(
  Object.entries(errorCatalog).flatMap(([code, entry]) =>
    entry.reason === null ? [] : [[entry.reason, Number(code)] as const],
  ),
);

/** The exchange's error fields for a catalog reason (the code comes from the catalog). */
export function refusal(reason: string, message: string): ExchangeErrorFields {
  const code = codeByReason.get(reason);
  if (code === undefined) throw new MockExchangeError(`no catalog code for ${reason}`);
  return { code, reason, message };
}

/** The exchange's error fields for a catalog code, with the catalog's reason when it has one. */
export function refusalByCode(code: KnownErrorCode, message: string): CatalogRefusal {
  const reason = errorCatalog[code].reason;
  return reason === null ? { code, message } : { code, reason, message };
}

/**
 * The refusal of a cancel whose order is not open (the cancel-order section's code 300019). The
 * catalog has no reason for it, so the envelope carries none.
 */
export const cancelNotOpen: CatalogRefusal = refusalByCode(300019, 'Trying to cancel non-open order');
