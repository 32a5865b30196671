// The frames a session builds itself: error replies and the catalog refusals they carry.
import { errorCatalog, type KnownErrorCode } from '@ascendex-toolkit/types';

export type Frame = Record<string, unknown>;

/** An error reply's code and reason, from the error catalog. */
const catalog = (code: KnownErrorCode) => ({ code, reason: errorCatalog[code].reason ?? '' });

export const wsRefusals = {
  invalid: catalog(100005),
  symbol: catalog(100008),
  authNeeded: catalog(100009),
  authFailed: catalog(200001),
  accountNotFound: catalog(200006),
  server: catalog(510001),
};

/** `{"m":"error",...}`: the reply to a message the session cannot take. */
export const errorFrame = (refusal: { code: number; reason: string }, detail: string, id: unknown): Frame => ({
  m: 'error',
  ...(typeof id === 'string' ? { id } : {}),
  code: refusal.code,
  reason: refusal.reason,
  info: detail,
});
