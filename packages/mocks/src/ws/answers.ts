// Replies of the mock exchange to WebSocket `op: req` messages, in the AsyncAPI document's reply
// shapes, from the engine. The order outcome itself (New/Ready, fills, cancellations) arrives as
// `order` events.
import type { ExchangeClientMessage } from '@ascendex-toolkit/validators/exchange';
import type { ExchangeErrorFields, MockAccount, WsSessionInfo } from '../backend.js';
import type { ExchangeEngine } from '../engine/engine.js';
import type { Category } from '../engine/events.js';
import { refusal, type CatalogRefusal } from '../engine/refusals.js';
import { marginRiskData } from '../wire/balances.js';
import { ackInfo, orderStatusReport, orderUpdateData } from '../wire/orders.js';

const echo = (id: string | undefined): { id?: string } => (id !== undefined ? { id } : {});

export function answerWsRequest(
  exchange: ExchangeEngine,
  request: ExchangeClientMessage,
  session: WsSessionInfo,
): readonly unknown[] | undefined {
  const now = exchange.now();
  const errorReply = (id: string | undefined, error: ExchangeErrorFields | CatalogRefusal): unknown[] => [
    {
      m: 'error',
      ...echo(id),
      code: error.code,
      ...(error.reason !== undefined ? { reason: error.reason } : {}),
      info: error.message,
    },
  ];
  const header = (account: MockAccount, category: Category) => ({
    accountId: exchange.accountId(account, category),
    ac: category === 'cash' ? ('CASH' as const) : ('MARGIN' as const),
  });
  const unknownSymbol = (symbol: string): ExchangeErrorFields =>
    refusal('SYMBOL_ERROR', `Symbol does not exist: ${symbol}`);

  switch (request.name) {
    case 'WsDepthSnapshotRequest':
    case 'WsDepthSnapshotTop100Request': {
      const { symbol } = request.value.args;
      if (!exchange.market.has(symbol)) return errorReply(request.value.id, unknownSymbol(symbol));
      const top100 = request.name === 'WsDepthSnapshotTop100Request';
      return [
        {
          m: top100 ? 'depth-snapshot-top100' : 'depth-snapshot',
          symbol,
          data: exchange.market.depth(symbol, top100 ? 100 : 500),
        },
      ];
    }
    case 'WsMarketTradesRequest': {
      const { symbol, level } = request.value.args;
      if (!exchange.market.has(symbol)) return errorReply(request.value.id, unknownSymbol(symbol));
      const n = Math.min(Math.max(level ?? 10, 1), 100);
      return [{ m: 'market-trades', ...echo(request.value.id), symbol, data: exchange.market.recentTrades(symbol, n) }];
    }
    default:
      break;
  }

  // Everything below is private; the transport normally refuses it on unauthenticated sessions.
  const account = session.account;
  if (!account)
    return request.value.op === 'req'
      ? errorReply(request.value.id, refusal('AUTHORIZATION_NEEDED', 'Authenticate the session first.'))
      : undefined;

  switch (request.name) {
    case 'WsDepthSnapshotRealtimeRequest': {
      const { symbol } = request.value.args;
      if (!exchange.market.has(symbol)) {
        const e = unknownSymbol(symbol);
        return [
          { m: 'depth-snapshot-realtime', ...echo(request.value.id), code: e.code, reason: e.reason, info: e.message },
        ];
      }
      return [{ m: 'depth-snapshot-realtime', ...echo(request.value.id), symbol, data: exchange.market.depth(symbol) }];
    }
    case 'WsPlaceOrderRequest': {
      const { id, account: category, args } = request.value;
      const placed = exchange.placeOrder(account, category, args, 'ws');
      if (!placed.ok) {
        const e = placed.error;
        return [
          {
            m: 'order',
            ...echo(id),
            ...header(account, category),
            action: 'place-order',
            status: 'Err',
            info: {
              ...echo(args.id),
              symbol: args.symbol,
              code: e.code,
              ...(e.reason !== undefined ? { reason: e.reason } : {}),
              message: e.message,
            },
          },
        ];
      }
      return [
        {
          m: 'order',
          ...echo(id),
          ...header(account, category),
          action: 'place-order',
          status: 'Ack',
          info: ackInfo(placed.value, now),
        },
      ];
    }
    case 'WsCancelOrderRequest': {
      const { id, account: category, args } = request.value;
      const done = exchange.cancel(account, category, args, 'ws');
      const ack = {
        m: 'order',
        ...echo(id),
        ...header(account, category),
        action: 'cancel-order',
        status: 'Ack',
        info: { id: args.id ?? '', orderId: args.orderId, orderType: 'NULL_VAL', symbol: args.symbol, timestamp: now },
      };
      // In Ready Ack mode a refused cancel is acknowledged and reported by an OrderCancelReject
      // (already published by `cancel`); in the default mode the reply itself is the error.
      if (done.ok || session.ackMode === 'ready') return [ack];
      const e = refusal('INVALID_ORDER_ID', 'The order is already filled or canceled.');
      return [
        {
          m: 'order',
          ...echo(id),
          ...header(account, category),
          action: 'cancel-order',
          status: 'Err',
          info: {
            ...echo(args.id),
            orderId: args.orderId,
            symbol: args.symbol,
            code: e.code,
            reason: e.reason,
            message: e.message,
          },
        },
      ];
    }
    case 'WsCancelAllRequest': {
      const { id, args } = request.value;
      const category = request.value.account ?? 'cash';
      exchange.cancelAll(account, category, args?.symbol);
      return [
        {
          m: 'order',
          ...echo(id),
          ...header(account, category),
          action: 'cancel-all',
          status: 'Ack',
          info: { id: args?.id ?? '', orderId: '', orderType: 'NULL_VAL', symbol: args?.symbol ?? '', timestamp: now },
        },
      ];
    }
    case 'WsBalanceRequest': {
      const { id, account: category } = request.value;
      const data = [...exchange.balances(account, category)].map(([a, b]) => ({
        a,
        tb: b.total,
        ab: b.available,
        ...(category === 'margin' ? { brw: '0', int: '0' } : {}),
      }));
      return [{ m: 'balance', ...echo(id), ...header(account, category), data }];
    }
    case 'WsOpenOrderRequest': {
      const { id, account: category, args } = request.value;
      const symbols = args?.symbols === undefined || args.symbols === '*' ? undefined : args.symbols.split(',');
      const data = exchange
        .openOrders(account, category)
        .filter((o) => symbols === undefined || symbols.includes(o.symbol))
        .map((o) => orderUpdateData(o, undefined, false));
      return [{ m: 'open-order', ...echo(id), ...header(account, category), data }];
    }
    case 'WsMarginRiskRequest': {
      const { id, args } = request.value;
      return [
        {
          m: 'margin-risk',
          ...echo(id),
          accountId: account.marginAccountId,
          ac: 'MARGIN',
          symbol: args.symbol,
          data: marginRiskData(exchange, account),
        },
      ];
    }
    case 'WsOrderStatusRequest': {
      const { id, args } = request.value;
      const category: Category =
        request.value.account === 'margin' || request.value.account === account.marginAccountId ? 'margin' : 'cash';
      const ids = args.orderId.split(',').filter((o) => o !== '');
      const found = ids.map((o) => exchange.order(account, category, o)).filter((o) => o !== undefined);
      if (ids.length === 1 && !args.orderId.includes(',')) {
        if (!found[0]) {
          const e = refusal('INVALID_ORDER_ID', `Order not found: ${ids[0]}`);
          return [{ m: 'order-status', code: e.code, ...echo(id), reason: e.reason, info: e.message }];
        }
        return [{ m: 'order-status', code: 0, ...echo(id), data: orderStatusReport(found[0]) }];
      }
      return [{ m: 'order-status', code: 0, ...echo(id), data: found.map(orderStatusReport) }];
    }
    default:
      return undefined;
  }
}
