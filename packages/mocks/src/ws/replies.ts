// What the spec says about each client request: whether it needs an authenticated session and how
// its reply is matched (`x-ascendex-request` of the AsyncAPI send operations), and the reply built
// from the spec's examples when no backend answers. Read from the bundled AsyncAPI document of
// @ascendex-toolkit/spec, so the mocks follow the spec without a second copy of it.
import { asyncapi } from '@ascendex-toolkit/spec';
import type { ExchangeClientMessageMap } from '@ascendex-toolkit/validators/exchange';
import type { MockAccount } from '../backend.js';

/** The name of a client message kind (`WsPlaceOrderRequest`, ...). */
export type ClientMessageName = keyof ExchangeClientMessageMap;

/** A request kind as the spec describes it. */
export interface RequestSpec {
  readonly requiresAuth: boolean;
  /** Where the reply echoes the request: `/id`, or `/symbol` for the order book snapshots. */
  readonly replyCorrelation: string | undefined;
  /** The reply message names in the spec's order (success first, then the errors). */
  readonly replies: readonly string[];
}

const lastSegment = (ref: unknown): string =>
  typeof ref === 'object' && ref !== null && '$ref' in ref ? String(ref.$ref).split('/').pop()! : '';

function buildRequestTable(): ReadonlyMap<string, RequestSpec> {
  const table = new Map<string, RequestSpec>();
  for (const operation of Object.values(asyncapi.operations)) {
    const request = operation['x-ascendex-request'];
    const name = lastSegment(operation.messages?.[0]);
    if (operation.action !== 'send' || !request || !name) continue;
    const reply = operation.reply as { messages?: unknown[] } | undefined;
    table.set(name, {
      requiresAuth: request.requiresAuth,
      replyCorrelation: request.correlation?.reply,
      replies: (reply?.messages ?? []).map(lastSegment),
    });
  }
  return table;
}

let requestTable: ReadonlyMap<string, RequestSpec> | undefined;

/** The spec's description of a request kind. */
export function requestSpec(name: ClientMessageName): RequestSpec | undefined {
  requestTable ??= buildRequestTable();
  return requestTable.get(name);
}

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The first example payload of a message of the spec, copied (bigints survive). */
function examplePayload(messageName: string): Json | undefined {
  const payload = asyncapi.components.messages[messageName]?.examples?.[0]?.payload;
  return isRecord(payload) ? structuredClone(payload) : undefined;
}

// A reply is a success when its name does not say it is an error (`...ErrMessage`, `...ErrorMessage`).
const isSuccessReply = (name: string): boolean => !/(Err|Error|Failure)Message$/.test(name);

/**
 * The `balance` reply has no example in the spec (the request is undocumented): build it from the
 * balance update example of the account's category, whose item fields it is modelled on.
 */
function balanceSnapshot(request: Json): Json | undefined {
  const margin = request.account === 'margin';
  const update = examplePayload(margin ? 'MarginBalanceUpdateMessage' : 'CashBalanceUpdateMessage');
  if (!update) return undefined;
  return { m: 'balance', accountId: update.accountId, ac: margin ? 'MARGIN' : 'CASH', data: [update.data] };
}

/**
 * The successful reply to a request, from the spec's examples: the first success reply of the
 * operation that has an example, echoing the request's `id` (or its symbol, for the snapshots
 * matched by symbol) and carrying the session account's id.
 */
export function exampleReply(
  name: ClientMessageName,
  request: Json,
  account: MockAccount | undefined,
): Json | undefined {
  const spec = requestSpec(name);
  if (!spec) return undefined;
  let reply: Json | undefined;
  for (const replyName of spec.replies.filter(isSuccessReply)) {
    reply = examplePayload(replyName);
    if (reply) break;
  }
  reply ??= name === 'WsBalanceRequest' ? balanceSnapshot(request) : undefined;
  if (!reply) return undefined;
  const args = isRecord(request.args) ? request.args : {};
  if ('symbol' in reply && typeof args.symbol === 'string') reply.symbol = args.symbol;
  if (spec.replyCorrelation === '/id') {
    if (typeof request.id === 'string') reply.id = request.id;
    else delete reply.id;
  }
  if (account && typeof reply.accountId === 'string')
    reply.accountId =
      reply.ac === 'MARGIN' || request.account === 'margin' ? account.marginAccountId : account.cashAccountId;
  return reply;
}
