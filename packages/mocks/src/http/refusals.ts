// The envelopes the HTTP mocks answer for requests refused before any operation reads them: a path
// the exchange does not serve, a method its route lacks, a body too large, an account group that
// is not the key's. The codes come from the catalog; the choices where the docs are silent are in
// spec/discrepancies/behaviour.yaml.
import { errorCatalog } from '@ascendex-toolkit/types';
import type { ExchangeErrorFields } from '../backend.js';

/** Request bodies accepted by default, in bytes (the largest request of the API, a batch of ten orders, is a few kB). @public */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

const invalidHttpInput = (message: string): ExchangeErrorFields => ({
  code: 100001,
  reason: errorCatalog[100001].reason,
  message,
});

/**
 * What the exchange answers for a path it does not serve: HTTP 404 with its error envelope. The
 * code is the catalog's "request could not be understood" (the docs give none for this case).
 * @public
 */
export const notFoundEnvelope = {
  code: 100001,
  reason: errorCatalog[100001].reason,
  message: 'no such API path',
} as const;

/** A method the route does not answer (HTTP 405, with an `Allow` header). */
export const methodNotAllowed = (method: string): ExchangeErrorFields =>
  invalidHttpInput(`method ${method} is not allowed on this path`);

/** A body longer than the limit (HTTP 413). */
export const bodyTooLarge = (limit: number): ExchangeErrorFields =>
  invalidHttpInput(`request body larger than ${limit} bytes`);

/** A signed request whose URL names an account group the key does not belong to. */
export const groupMismatch = (group: string): ExchangeErrorFields => ({
  code: 200006,
  reason: errorCatalog[200006].reason,
  message: `the API key does not belong to account group ${group}`,
});
