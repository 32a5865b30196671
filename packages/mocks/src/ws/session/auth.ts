// Authentication of a WebSocket session, by `auth` message or by the `x-auth-*` headers of the
// connection request: the key's account, its account group against the URL's, and a
// `<t>+stream` signature within 30 s of the clock, as the exchange checks them.
import { checkSignature } from '@ascendex-toolkit/validators/auth';
import { defaultAccount, type MockAccount, type MockBackend } from '../../backend.js';
import { wsRefusals } from './frames.js';
import type { WsClock, WsSessionOptions } from './options.js';

/** The `x-auth-*` headers of the connection request, for transports that can read them. @public */
export interface WsAuthHeaders {
  readonly 'x-auth-key'?: string | undefined;
  readonly 'x-auth-timestamp'?: string | undefined;
  readonly 'x-auth-signature'?: string | undefined;
}

export type AuthOutcome = { ok: true; account: MockAccount } | { ok: false; code: number; err: string };

/** Finds the account of an API key and checks a `<t>+stream` signature as the exchange does. */
export async function authenticate(
  input: { key: string; timestamp: string; signature: string },
  context: { backend?: MockBackend; accounts: readonly MockAccount[]; accountGroup: string | undefined; now: number },
): Promise<AuthOutcome> {
  if (context.accountGroup === undefined)
    return { ok: false, ...wsRefusals.authFailed, err: 'Authentication needs the account-group URL' };
  const account = context.backend?.account(input.key) ?? context.accounts.find((a) => a.apiKey === input.key);
  if (!account || String(account.accountGroup) !== context.accountGroup)
    return { ok: false, code: wsRefusals.accountNotFound.code, err: 'Unable to find User Account Data' };
  const problem = await checkSignature({
    secret: account.secret,
    timestamp: input.timestamp,
    signature: input.signature,
    prehashes: ['stream'],
    now: context.now,
  });
  if (problem)
    return { ok: false, code: wsRefusals.authFailed.code, err: `Authentication failed: ${problem} signature` };
  return { ok: true, account };
}

/**
 * Checks the `x-auth-*` headers of a connection request, for a server that refuses the upgrade
 * when they are wrong (as the exchange does). Resolves to `undefined` when no header is present.
 * @public
 */
export async function checkHeaderAuth(
  headers: WsAuthHeaders,
  options: Pick<WsSessionOptions, 'backend' | 'accounts' | 'accountGroup'> & { clock?: Partial<WsClock> } = {},
): Promise<AuthOutcome | undefined> {
  const key = headers['x-auth-key'];
  const timestamp = headers['x-auth-timestamp'];
  const signature = headers['x-auth-signature'];
  if (key === undefined && timestamp === undefined && signature === undefined) return undefined;
  const now = options.clock?.now?.() ?? options.backend?.now() ?? Date.now();
  return authenticate(
    { key: key ?? '', timestamp: timestamp ?? '', signature: signature ?? '' },
    {
      ...(options.backend ? { backend: options.backend } : {}),
      accounts: options.accounts ?? [defaultAccount],
      accountGroup: options.accountGroup === undefined ? undefined : String(options.accountGroup),
      now,
    },
  );
}
