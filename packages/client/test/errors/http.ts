// Test support until the operation layer is merged: one REST call with plain fetch against the
// mocks, signed as the client signs (validators/auth), its error envelope turned into an error by
// apiErrorFrom exactly as the request core does. It records the signatures it sends, so the
// secrets test can look for them too.
import { defaultAccount, mockOperations, type MockAccount } from '@ascendex-toolkit/mocks';
import { sign, signedMessage } from '@ascendex-toolkit/validators/auth';
import { parseJson } from '@ascendex-toolkit/validators/json';
import { apiErrorFrom as apiErrorOf } from '../../src/core/api-error.js';
import { apiErrors } from '../../src/generated/errors.gen.js';

/** The request core's mapping, with the catalog's table the operation rows carry. */
const apiErrorFrom = (body: Parameters<typeof apiErrorOf>[1], meta: Parameters<typeof apiErrorOf>[2]) =>
  apiErrorOf(apiErrors, body, meta);

export const BASE_URL = 'https://ascendex.com';

/** Every `x-auth-signature` sent by `call`. */
export const sentSignatures: string[] = [];

export interface CallInput {
  readonly accountCategory?: 'cash' | 'margin';
  readonly query?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  /** Signing credentials (default the mocks' account); `secret` may differ to sign wrongly. */
  readonly account?: Pick<MockAccount, 'apiKey' | 'secret' | 'accountGroup'>;
}

/** Calls `operationId` on the mocks; resolves with the answer's body, rejects with apiErrorFrom's error. */
export async function call(operationId: keyof typeof mockOperations, input: CallInput = {}): Promise<unknown> {
  const op = mockOperations[operationId];
  const account = input.account ?? defaultAccount;
  const category = input.accountCategory ?? 'cash';
  let path = op.paths[op.accountGroup ? 1 : 0]!.replace(':accountCategory', category);
  if (op.accountGroup) path = `/${account.accountGroup}${path}`;
  const url = new URL(path, BASE_URL);
  for (const [k, v] of Object.entries(input.query ?? {})) url.searchParams.set(k, v);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (op.signed) {
    const timestamp = String(Date.now());
    const signature = await sign(
      account.secret,
      signedMessage(timestamp, op.prehashes[0]!.replace('{accountCategory}', category)),
    );
    sentSignatures.push(signature);
    Object.assign(headers, {
      'x-auth-key': account.apiKey,
      'x-auth-timestamp': timestamp,
      'x-auth-signature': signature,
    });
  }
  const response = await fetch(url, {
    method: op.methods[0]!.toUpperCase(),
    headers,
    ...(input.body === undefined ? {} : { body: JSON.stringify(input.body) }),
  });
  const body = parseJson(await response.text()) as { code: number; reason?: string; message?: string; info?: unknown };
  if (body.code !== 0) throw apiErrorFrom(body, { operationId, status: response.status });
  return body;
}
