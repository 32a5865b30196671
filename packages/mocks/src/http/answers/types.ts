// The shape of the REST answer tables: per operationId, a function from the request (as the
// exchange read it) and the engine to the answer. Operations a table lacks fall back to the
// spec's example.
import type { RestOperationId } from '@ascendex-toolkit/validators/exchange';
import type { ExchangeErrorFields, MockAccount, RestAnswer, RestRequest } from '../../backend.js';
import type { ExchangeEngine } from '../../engine/engine.js';
import type { Category } from '../../engine/events.js';
import { MockExchangeError } from '../../engine/errors.js';
import type { CatalogRefusal } from '../../engine/refusals.js';
import { refusal } from '../../engine/refusals.js';

/** Answers one operation from the engine; undefined lets the spec's example answer. */
export type RestAnswerer<Op extends RestOperationId> = (
  request: RestRequest<Op>,
  engine: ExchangeEngine,
) => RestAnswer | undefined;

/** One tag's answers. */
export type RestAnswerTable = { readonly [Op in RestOperationId]?: RestAnswerer<Op> };

export const ok = (body: Record<string, unknown>): RestAnswer => ({ body: { code: 0, ...body } });
export const errorAnswer = (error: ExchangeErrorFields | CatalogRefusal): RestAnswer => ({ body: { ...error } });

/** The signing account of a private operation (the transport always passes it). */
export function signer(request: RestRequest): MockAccount {
  if (!request.account)
    throw new MockExchangeError(`${request.operationId} is private: the transport passes its account`);
  return request.account;
}

/** The account category of the URL (`cash` when the route has none). */
export const categoryOf = (request: RestRequest): Category =>
  ((request.params as { accountCategory?: Category }).accountCategory ?? 'cash') as Category;

/** `ac` and `accountId` of an answer about an account. */
export function accountHeader(engine: ExchangeEngine, account: MockAccount, category: Category) {
  return {
    ac: category === 'cash' ? ('CASH' as const) : ('MARGIN' as const),
    accountId: engine.accountId(account, category),
  };
}

export const unknownSymbol = (symbol: string): RestAnswer =>
  errorAnswer(refusal('SYMBOL_ERROR', `Symbol does not exist: ${symbol}`));

/** Limits a requested count to [1, max]. */
export const clampCount = (n: number | undefined, fallback: number, max: number): number =>
  Math.min(Math.max(Math.floor(n ?? fallback), 1), max);
