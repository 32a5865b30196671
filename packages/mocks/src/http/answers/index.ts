// The REST answers of the mock exchange: one table per spec tag, merged. An operation no table
// answers (the wallet, risk limits, transfers...) falls back to the spec's example.
import type { RestOperationId } from '@ascendex-toolkit/validators/exchange';
import type { RestAnswer, RestRequest } from '../../backend.js';
import type { ExchangeEngine } from '../../engine/engine.js';
import { accountAnswers } from './account.js';
import { balanceAnswers } from './balance.js';
import { clockAnswers } from './exchange-info.js';
import { marketDataAnswers } from './market-data.js';
import { orderAnswers } from './order.js';
import { orderListAnswers } from './order-lists.js';
import type { RestAnswerer, RestAnswerTable } from './types.js';

const tables: readonly RestAnswerTable[] = [
  accountAnswers,
  balanceAnswers,
  marketDataAnswers,
  orderAnswers,
  orderListAnswers,
  { getExchangeLatency: (request, engine) => clockAnswers.getExchangeLatency(request, engine.now()) },
];

const answers = new Map<RestOperationId, RestAnswerer<RestOperationId>>(
  tables.flatMap((table) => Object.entries(table) as [RestOperationId, RestAnswerer<RestOperationId>][]),
);

/** The engine's answer to a REST request, or undefined to let the spec's example answer. */
export function answerRest(engine: ExchangeEngine, request: RestRequest): RestAnswer | undefined {
  return answers.get(request.operationId)?.(request, engine);
}

export { clockAnswers } from './exchange-info.js';
export type { RestAnswerer, RestAnswerTable } from './types.js';
