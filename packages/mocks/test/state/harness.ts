// Drives the mock exchange as the transports do: requests read with the exchange-side profile,
// every answer and every event checked with the strict validators.
import * as validators from '@ascendex-toolkit/validators';
import { assertServerMessage } from '@ascendex-toolkit/validators';
import {
  checkClientMessage,
  checkRestBody,
  checkRestParams,
  type RestOperationId,
} from '@ascendex-toolkit/validators/exchange';
import { expect } from 'vitest';
import {
  defaultAccount,
  type ExchangeEvent,
  type MockAccount,
  type RestRequest,
  type WsSessionInfo,
} from '../../src/backend.js';
import { createMockExchange, type MockExchange, type MockExchangeOptions } from '../../src/exchange/index.js';

export const T0 = 1_700_000_000_000;

/** A mock exchange on a clock the test moves, with everything it publishes recorded and validated. */
export function setup(options: MockExchangeOptions = {}) {
  const clock = { now: T0 };
  const exchange = createMockExchange({ seed: 7, clock: () => clock.now, ...options });
  const events: ExchangeEvent[] = [];
  exchange.subscribe((event) => {
    assertServerMessage(event.message);
    events.push(event);
  });
  return { exchange, clock, events };
}

type Json = Record<string, any>;

/** Calls a REST operation with URL-style params and a JSON body; asserts the answer validates strictly. */
export function rest(
  exchange: MockExchange,
  operationId: RestOperationId,
  params: Record<string, unknown> = {},
  body?: unknown,
  account: MockAccount | undefined = defaultAccount,
): Json {
  const p = checkRestParams(operationId, { accountGroup: String(account?.accountGroup ?? 6), ...params });
  if (!p.ok) throw new Error(`params refused: ${p.refusal.message}`);
  const b = checkRestBody(operationId, body);
  if (!b.ok) throw new Error(`body refused: ${b.refusal.message}`);
  const answer = exchange.handleRest({ operationId, params: p.value, body: b.value, account } as RestRequest);
  expect(answer, `${operationId} is answered from state`).toBeDefined();
  const name = `assert${operationId[0]!.toUpperCase()}${operationId.slice(1)}Response` as keyof typeof validators;
  (validators[name] as (value: unknown) => void)(answer!.body);
  return answer!.body as Json;
}

/** Sends an `op: req` message; asserts every reply frame validates strictly. */
export function ws(
  exchange: MockExchange,
  message: Json,
  session: WsSessionInfo = { account: defaultAccount },
): Json[] {
  const checked = checkClientMessage(message);
  if (!checked.ok) throw new Error(`message refused: ${checked.refusal.message}`);
  const replies = exchange.handleWsRequest(checked, session);
  expect(replies, `${String(message.action)} is answered from state`).toBeDefined();
  for (const reply of replies!) assertServerMessage(reply);
  return replies as Json[];
}

/** The messages of the recorded events on one topic (and, for account events, visible to one ack mode). */
export function messages(events: readonly ExchangeEvent[], topic: string, ackMode: 'new' | 'ready' = 'new'): Json[] {
  return events
    .filter((e) => e.topic === topic && (e.kind === 'market' || e.ackMode === undefined || e.ackMode === ackMode))
    .map((e) => e.message as Json);
}

export const limit = (over: Json = {}): Json => ({
  time: T0,
  symbol: 'BTC/USDT',
  orderPrice: '40000',
  orderQty: '0.5',
  orderType: 'limit',
  side: 'buy',
  ...over,
});
