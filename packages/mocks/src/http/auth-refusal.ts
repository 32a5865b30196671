// The exchange's answers to signed requests it cannot authenticate. The docs' auth section says
// only that a timestamp more than 30 s off is rejected; the codes come from the error appendix:
// no credentials at all -> AUTHORIZATION_NEEDED, a timestamp too far from server time ->
// INVALID_TIMESTAMP, and an unknown key or a signature that is unreadable or does not match ->
// AUTHENTICATION_FAILED.
import { errorCatalog } from '@ascendex-toolkit/types';
import type { SignatureProblem } from '@ascendex-toolkit/validators/auth';
import type { ExchangeErrorFields } from '../backend.js';

/** Why a signed request was not authenticated: a signature problem, or a key no account has. @public */
export type AuthProblem = SignatureProblem | 'unknown-key';

const REASONS = {
  missing: { code: 100009, message: 'x-auth-key, x-auth-timestamp and x-auth-signature are required' },
  'unknown-key': { code: 200001, message: 'unknown API key' },
  malformed: { code: 200001, message: 'x-auth-timestamp or x-auth-signature is not well-formed' },
  stale: { code: 100011, message: 'x-auth-timestamp is more than 30 s from server time' },
  wrong: { code: 200001, message: 'signature does not match' },
} as const satisfies Record<AuthProblem, { code: keyof typeof errorCatalog; message: string }>;

/** The error envelope the exchange answers a request with that it could not authenticate. @public */
export function authRefusal(problem: AuthProblem): ExchangeErrorFields {
  const { code, message } = REASONS[problem];
  return { code, reason: errorCatalog[code].reason, message };
}
