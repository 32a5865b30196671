// Replies of the mock exchange to WebSocket `op: req` messages, in the AsyncAPI document's reply
// shapes, from the engine: one small function per request action, in two tables (the public
// requests, and the private ones that need an authenticated session), like the REST answers'
// tables per tag. The order outcome itself (New/Ready, fills, cancellations) arrives as `order`
// events.
import type { ErrorMessage, OrderAckInfo, WsRequestMap } from '@ascendex-toolkit/types';
import type { ExchangeClientMessage } from '@ascendex-toolkit/validators/exchange';
import type { ExchangeErrorFields, MockAccount, WsSessionInfo } from '../backend.js';
import type { ExchangeEngine } from '../engine/engine.js';
import type { Category } from '../engine/events.js';
import { refusal } from '../engine/refusals.js';
import { marginRiskData } from '../wire/balances.js';
import { ackInfo, orderStatusReport, orderUpdateData } from '../wire/orders.js';

/** The action of every `op: req` request, as the generated `WsRequestMap` names it (`place-order`, ...). */
type RequestAction = {
  [A in keyof WsRequestMap]: WsRequestMap[A]['request'] extends { op: 'req' } ? A : never;
}[keyof WsRequestMap];

/** A request's canonical action: the spellings the exchange also accepts differ only in case (`place-Order`). */
type Spelling = Extract<ExchangeClientMessage['value'], { op: 'req' }>['action'];
const canonical = (action: Spelling): RequestAction => action.toLowerCase() as Lowercase<Spelling>;

type RequestOf<A extends RequestAction> = WsRequestMap[A]['request'];
type ReplyOf<A extends RequestAction> = WsRequestMap[A]['reply'];

/** Answers a public request from the engine. */
type PublicAnswer<A extends RequestAction> = (request: RequestOf<A>, engine: ExchangeEngine) => readonly ReplyOf<A>[];

/** Answers a private request from the engine, for the session's account. */
type PrivateAnswer<A extends RequestAction> = (
  request: RequestOf<A>,
  engine: ExchangeEngine,
  account: MockAccount,
  session: WsSessionInfo,
) => readonly ReplyOf<A>[];

const echo = (id: string | undefined): { id?: string } => (id !== undefined ? { id } : {});

function errorReply(id: string | undefined, error: ExchangeErrorFields): ErrorMessage[] {
  return [{ m: 'error', ...echo(id), code: error.code, reason: error.reason, info: error.message }];
}

/** `accountId` and `ac` of a reply about an account. */
const header = (engine: ExchangeEngine, account: MockAccount, category: Category) => ({
  accountId: engine.accountId(account, category),
  ac: category === 'cash' ? ('CASH' as const) : ('MARGIN' as const),
});

/** The acknowledgement of a cancel request: no single order type, the request's own `id`. */
const cancelAck = (id: string | undefined, orderId: string, symbol: string, timestamp: number): OrderAckInfo => ({
  id: id ?? '',
  orderId,
  orderType: 'NULL_VAL',
  symbol,
  timestamp,
});

const unknownSymbol = (symbol: string): ExchangeErrorFields =>
  refusal('SYMBOL_ERROR', `Symbol does not exist: ${symbol}`);

/** The order book snapshot `m` answers with (`depth-snapshot`: 500 levels a side, `depth-snapshot-top100`: 100). */
function depthSnapshot<M extends 'depth-snapshot' | 'depth-snapshot-top100'>(m: M, levels: number) {
  return (request: RequestOf<M>, engine: ExchangeEngine) => {
    const { symbol } = request.args;
    if (!engine.market.has(symbol)) return errorReply(request.id, unknownSymbol(symbol));
    return [{ m, symbol, data: engine.market.depth(symbol, levels) }];
  };
}

const publicAnswers: { readonly [A in RequestAction]?: PublicAnswer<A> } = {
  'depth-snapshot': depthSnapshot('depth-snapshot', 500),
  'depth-snapshot-top100': depthSnapshot('depth-snapshot-top100', 100),
  'market-trades': (request, engine) => {
    const { symbol, level } = request.args;
    if (!engine.market.has(symbol)) return errorReply(request.id, unknownSymbol(symbol));
    const n = Math.min(Math.max(level ?? 10, 1), 100);
    return [{ m: 'market-trades', ...echo(request.id), symbol, data: engine.market.recentTrades(symbol, n) }];
  },
};

const privateAnswers: { readonly [A in RequestAction]?: PrivateAnswer<A> } = {
  'depth-snapshot-realtime': (request, engine) => {
    const { symbol } = request.args;
    if (!engine.market.has(symbol)) {
      const e = unknownSymbol(symbol);
      return [{ m: 'depth-snapshot-realtime', ...echo(request.id), code: e.code, reason: e.reason, info: e.message }];
    }
    return [{ m: 'depth-snapshot-realtime', ...echo(request.id), symbol, data: engine.market.depth(symbol) }];
  },
  'place-order': (request, engine, account) => {
    const { id, account: category, args } = request;
    const now = engine.now();
    const placed = engine.placeOrder(account, category, args, 'ws');
    const reply = { m: 'order', ...echo(id), ...header(engine, account, category), action: 'place-order' } as const;
    if (placed.ok) return [{ ...reply, status: 'Ack', info: ackInfo(placed.value, now) }];
    const e = placed.error;
    const info = {
      ...echo(args.id),
      symbol: args.symbol,
      code: e.code,
      ...(e.reason !== undefined ? { reason: e.reason } : {}),
      message: e.message,
    };
    return [{ ...reply, status: 'Err', info }];
  },
  'cancel-order': (request, engine, account, session) => {
    const { id, account: category, args } = request;
    const now = engine.now();
    const done = engine.cancel(account, category, args, 'ws');
    const reply = { m: 'order', ...echo(id), ...header(engine, account, category), action: 'cancel-order' } as const;
    // In Ready Ack mode a refused cancel is acknowledged and reported by an OrderCancelReject
    // (already published by `cancel`); in the default mode the reply itself is the error.
    if (done.ok || session.ackMode === 'ready')
      return [{ ...reply, status: 'Ack', info: cancelAck(args.id, args.orderId, args.symbol, now) }];
    const e = refusal('INVALID_ORDER_ID', 'The order is already filled or canceled.');
    const info = {
      ...echo(args.id),
      orderId: args.orderId,
      symbol: args.symbol,
      code: e.code,
      reason: e.reason,
      message: e.message,
    };
    return [{ ...reply, status: 'Err', info }];
  },
  'cancel-all': (request, engine, account) => {
    const { id, args } = request;
    const category = request.account ?? 'cash';
    engine.cancelAll(account, category, args?.symbol);
    const info = cancelAck(args?.id, '', args?.symbol ?? '', engine.now());
    return [
      { m: 'order', ...echo(id), ...header(engine, account, category), action: 'cancel-all', status: 'Ack', info },
    ];
  },
  balance: (request, engine, account) => {
    const { id, account: category } = request;
    const data = [...engine.balances(account, category)].map(([a, b]) => ({
      a,
      tb: b.total,
      ab: b.available,
      ...(category === 'margin' ? { brw: '0', int: '0' } : {}),
    }));
    return [{ m: 'balance', ...echo(id), ...header(engine, account, category), data }];
  },
  'open-order': (request, engine, account) => {
    const { id, account: category, args } = request;
    const symbols = args?.symbols === undefined || args.symbols === '*' ? undefined : args.symbols.split(',');
    const data = engine
      .openOrders(account, category)
      .filter((o) => symbols === undefined || symbols.includes(o.symbol))
      .map((o) => orderUpdateData(o, undefined, false));
    return [{ m: 'open-order', ...echo(id), ...header(engine, account, category), data }];
  },
  'margin-risk': (request, engine, account) => [
    {
      m: 'margin-risk',
      ...echo(request.id),
      accountId: account.marginAccountId,
      ac: 'MARGIN',
      symbol: request.args.symbol,
      data: marginRiskData(engine, account),
    },
  ],
  'order-status': (request, engine, account) => {
    const { id, args } = request;
    const category: Category =
      request.account === 'margin' || request.account === account.marginAccountId ? 'margin' : 'cash';
    const ids = args.orderId.split(',').filter((o) => o !== '');
    const found = ids.map((o) => engine.order(account, category, o)).filter((o) => o !== undefined);
    if (ids.length === 1 && !args.orderId.includes(',')) {
      if (!found[0]) {
        const e = refusal('INVALID_ORDER_ID', `Order not found: ${ids[0]}`);
        return [{ m: 'order-status', code: e.code, ...echo(id), reason: e.reason, info: e.message }];
      }
      return [{ m: 'order-status', code: 0, ...echo(id), data: orderStatusReport(found[0]) }];
    }
    return [{ m: 'order-status', code: 0, ...echo(id), data: found.map(orderStatusReport) }];
  },
};

/**
 * The engine's reply to a client message: undefined for what is not an `op: req` request the
 * tables answer (the session answers `auth`, `sub`, `ping`... itself). A private request on a
 * session that has not authenticated is refused (the transport normally refuses it first).
 */
export function answerWsRequest(
  engine: ExchangeEngine,
  request: ExchangeClientMessage,
  session: WsSessionInfo,
): readonly unknown[] | undefined {
  const value = request.value;
  if (value.op !== 'req') return undefined;
  const action = canonical(value.action);
  // Each table maps an action to the answer of that action's request, so the pair always matches.
  const answerPublic = publicAnswers[action] as PublicAnswer<RequestAction> | undefined;
  if (answerPublic) return answerPublic(value, engine);
  const answerPrivate = privateAnswers[action] as PrivateAnswer<RequestAction> | undefined;
  if (!answerPrivate) return undefined;
  const account = session.account;
  if (!account) return errorReply(value.id, refusal('AUTHORIZATION_NEEDED', 'Authenticate the session first.'));
  return answerPrivate(value, engine, account, session);
}
