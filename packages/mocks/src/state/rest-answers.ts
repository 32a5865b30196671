// REST answers of the mock exchange, in the spec's `<Op>Response` shapes. Operations it does not
// model answer undefined, so that the transport falls back to the spec's example.
import type { OrderAckInfo } from '@ascendex-toolkit/types';
import type { RestOperationId } from '@ascendex-toolkit/validators/exchange';
import type { ExchangeErrorFields, MockAccount, RestAnswer, RestRequest } from '../backend.js';
import { add, cmp } from '@ascendex-toolkit/validators/orders';
import { MockExchangeError } from './errors.js';
import { refusal, type Category, type MockExchange, type PlaceArgs } from './exchange.js';
import { historyOrderV1, historyOrderV2, isOpen, orderDetail, type MockOrder } from './orders.js';
import { legacyProductRecord, productRecord } from './products.js';

type Action = 'place-order' | 'cancel-order' | 'cancel-all' | 'batch-place-order' | 'batch-cancel-order';

const ok = (body: Record<string, unknown>): RestAnswer => ({ body: { code: 0, ...body } });
const errorAnswer = (error: ExchangeErrorFields): RestAnswer => ({ body: { ...error } });

/** The order error envelope of the order section: code, reason, message, the account and what was asked. */
function orderError(
  exchange: MockExchange,
  account: MockAccount,
  category: Category,
  action: Action,
  error: ExchangeErrorFields,
  info: unknown,
): RestAnswer {
  return {
    body: {
      code: error.code,
      ac: category === 'cash' ? 'CASH' : 'MARGIN',
      accountId: exchange.accountId(account, category),
      action,
      info,
      message: error.message,
      reason: error.reason,
      status: 'Err',
    },
  };
}

export function ackInfo(order: MockOrder, timestamp: number, id = order.clientOrderId): OrderAckInfo {
  return { id: id ?? '', orderId: order.orderId, orderType: order.orderType, symbol: order.symbol, timestamp };
}

const idOf = (id: string | undefined): { id?: string } => (id !== undefined ? { id } : {});

function unknownSymbol(symbol: string): RestAnswer {
  return errorAnswer(refusal('SYMBOL_ERROR', `Symbol does not exist: ${symbol}`));
}

/** Orders finished (filled, cancelled or rejected), newest first. */
const finished = (orders: MockOrder[]): MockOrder[] => orders.filter((o) => !isOpen(o)).reverse();

export function answerRest(exchange: MockExchange, request: RestRequest): RestAnswer | undefined {
  const op: RestOperationId = request.operationId;
  const params = request.params as Record<string, unknown>;
  const body = request.body as Record<string, unknown> | undefined;
  const account = request.account;
  const category = (params.accountCategory as Category | undefined) ?? 'cash';
  const account_ = (): MockAccount => {
    if (!account) throw new MockExchangeError(`${op} is private: the transport passes its account`);
    return account;
  };
  const accountHeader = (): { ac: 'CASH' | 'MARGIN'; accountId: string } => ({
    ac: category === 'cash' ? 'CASH' : 'MARGIN',
    accountId: exchange.accountId(account_(), category),
  });
  const symbolParam = params.symbol as string | undefined;
  const now = exchange.now();

  switch (op) {
    case 'getAccountInfo': {
      const a = account_();
      return ok({
        data: {
          accountGroup: a.accountGroup,
          email: a.email,
          expireTime: -1,
          allowedIps: [],
          cashAccount: [a.cashAccountId],
          marginAccount: [a.marginAccountId],
          userUID: a.userUID,
          tradePermission: true,
          transferPermission: true,
          viewPermission: true,
        },
      });
    }
    case 'listProducts':
      return ok({
        data: [...exchange.products.values()].filter((p) => category === 'cash' || p.marginTradable).map(productRecord),
      });
    case 'listProductsLegacy':
      return ok({ data: [...exchange.products.values()].map(legacyProductRecord) });
    case 'getTicker': {
      if (symbolParam === undefined)
        return ok({ data: exchange.market.symbolList().map((s) => exchange.market.ticker(s)) });
      const symbols = symbolParam.split(',').filter((s) => s !== '');
      const unknown = symbols.find((s) => !exchange.market.has(s));
      if (unknown !== undefined) return unknownSymbol(unknown);
      // One symbol without a comma answers an object, anything else a list (x-ascendex.singleOrList).
      if (symbols.length === 1 && !symbolParam.includes(',')) return ok({ data: exchange.market.ticker(symbols[0]!) });
      return ok({ data: symbols.map((s) => exchange.market.ticker(s)) });
    }
    case 'getDepth': {
      const symbol = symbolParam!;
      if (!exchange.market.has(symbol)) return unknownSymbol(symbol);
      return ok({ data: { m: 'depth-snapshot', symbol, data: exchange.market.depth(symbol) } });
    }
    case 'getMarketTrades': {
      const symbol = symbolParam!;
      if (!exchange.market.has(symbol)) return unknownSymbol(symbol);
      const n = Math.min(Math.max((params.n as number | undefined) ?? 10, 1), 100);
      return ok({ data: { m: 'trades', symbol, data: exchange.market.recentTrades(symbol, n) } });
    }
    case 'getBarHistory': {
      const r = request as RestRequest<'getBarHistory'>;
      const symbol = r.params.symbol;
      if (!exchange.market.has(symbol)) return unknownSymbol(symbol);
      const n = Math.min(Math.max(r.params.n ?? 10, 1), 500);
      const bars = exchange.market.bars(symbol, r.params.interval, r.params.to ?? now, n);
      const from = r.params.from;
      return ok({
        data: bars.filter((b) => from === undefined || b.ts >= from).map((data) => ({ m: 'bar', s: symbol, data })),
      });
    }
    case 'getCashBalance':
    case 'getMarginBalance': {
      const r = request as RestRequest<'getCashBalance'>;
      const all = op === 'getCashBalance' ? exchange.cashBalances(account_()) : exchange.marginBalances(account_());
      const data = all.filter(
        (b) =>
          (r.params.asset === undefined || b.asset === r.params.asset) &&
          (r.params.showAll === true || cmp(b.totalBalance, '0') !== 0 || r.params.asset !== undefined),
      );
      return ok({ data });
    }
    case 'getMarginRisk':
      return ok({ data: exchange.marginRisk(account_()) });
    case 'getFeeBySymbol':
      return ok({
        data: {
          domain: 'spot',
          userUID: account_().userUID,
          vipLevel: 0,
          productFee: [...exchange.products.keys()].map((symbol) => ({
            symbol,
            fee: { maker: exchange.makerFee, taker: exchange.takerFee },
          })),
        },
      });
    case 'getVipFeeSchedule': {
      const fee = { maker: exchange.makerFee, taker: exchange.takerFee };
      return ok({
        data: {
          domain: 'spot',
          userUID: account_().userUID,
          vipLevel: 0,
          genericFee: { largeCap: fee, smallCap: fee },
        },
      });
    }
    case 'placeOrder': {
      const args = body as unknown as PlaceArgs;
      const placed = exchange.placeOrder(account_(), category, args, 'rest');
      if (!placed.ok)
        return orderError(exchange, account_(), category, 'place-order', placed.error, {
          ...idOf(args.id),
          symbol: args.symbol,
        });
      const order = placed.value;
      const respInst = args.respInst ?? 'ACK';
      // ACCEPT answers once the engine has the order; DONE once it is finished, else (the docs' 5 s timeout) an Ack.
      if (respInst === 'ACCEPT' || (respInst === 'DONE' && !isOpen(order)))
        return ok({ data: { ...accountHeader(), action: 'place-order', info: orderDetail(order), status: respInst } });
      return ok({ data: { ...accountHeader(), action: 'place-order', info: ackInfo(order, now), status: 'Ack' } });
    }
    case 'cancelOrder': {
      const r = request as RestRequest<'cancelOrder'>;
      const cancelled = exchange.cancel(account_(), category, r.body, 'rest');
      if (!cancelled.ok)
        return orderError(exchange, account_(), category, 'cancel-order', cancelled.error, {
          ...idOf(r.body.id),
          symbol: r.body.symbol,
        });
      return ok({
        data: {
          ...accountHeader(),
          action: 'cancel-order',
          info: ackInfo(cancelled.value, now, r.body.id),
          status: 'Ack',
        },
      });
    }
    case 'cancelAllOrders': {
      const r = request as RestRequest<'cancelAllOrders'>;
      const symbol = r.body?.symbol ?? symbolParam;
      exchange.cancelAll(account_(), category, symbol);
      return ok({
        data: {
          ...accountHeader(),
          action: 'cancel-all',
          info: { id: r.body?.id ?? '', orderId: '', orderType: 'NULL_VAL', symbol: symbol ?? '', timestamp: now },
          status: 'Ack',
        },
      });
    }
    case 'placeBatchOrders': {
      const orders = (body as { orders: PlaceArgs[] }).orders;
      const held = new Map<string, string>();
      const errors = orders.map((args) => {
        const checked = exchange.checkOrder(account_(), category, args, held);
        if (!checked.ok) return checked.error;
        const { holdAsset, hold } = checked.value;
        held.set(holdAsset, add(held.get(holdAsset) ?? '0', hold));
        return undefined;
      });
      if (errors.some((e) => e !== undefined))
        return batchError(exchange, account_(), category, 'batch-place-order', orders, errors);
      const placed = orders.map((args) => exchange.placeOrder(account_(), category, args, 'rest'));
      const info = placed.map((p) => (p.ok ? ackInfo(p.value, now) : undefined)).filter((i) => i !== undefined);
      return ok({ data: { ...accountHeader(), action: 'batch-place-order', info, status: 'Ack' } });
    }
    case 'cancelBatchOrders': {
      const r = request as RestRequest<'cancelBatchOrders'>;
      const orders = r.body.orders;
      const errors = orders.map((c) => {
        const order = exchange.order(account_(), category, c.orderId);
        return order && isOpen(order)
          ? undefined
          : refusal('INVALID_ORDER_ID', 'The order is already filled or canceled.');
      });
      if (errors.some((e) => e !== undefined))
        return batchError(exchange, account_(), category, 'batch-cancel-order', orders, errors);
      const info = orders.map((c): OrderAckInfo => {
        exchange.cancel(account_(), category, c, 'rest');
        return { id: c.id ?? '', orderId: c.orderId, orderType: 'NULL_VAL', symbol: c.symbol, timestamp: now };
      });
      return ok({ data: { ...accountHeader(), action: 'batch-cancel-order', info, status: 'Ack' } });
    }
    case 'getOrderStatus': {
      const r = request as RestRequest<'getOrderStatus'>;
      const text = r.params.orderId ?? '';
      const ids = text.split(',').filter((id) => id !== '');
      const found = ids.map((id) => exchange.order(account_(), category, id)).filter((o) => o !== undefined);
      const header = { accountCategory: accountHeader().ac, accountId: accountHeader().accountId };
      if (ids.length === 1 && !text.includes(',')) {
        if (!found[0]) return errorAnswer(refusal('INVALID_ORDER_ID', `Order not found: ${ids[0]}`));
        return ok({ ...header, data: orderDetail(found[0]) });
      }
      // Without ids the exchange lists the open orders (the docs' "one or more ids" is optional).
      const orders = ids.length === 0 ? exchange.ordersOf(account_(), category).filter(isOpen) : found;
      return ok({ ...header, data: orders.map(orderDetail) });
    }
    case 'listOpenOrders': {
      const open = exchange
        .ordersOf(account_(), category)
        .filter((o) => isOpen(o) && (symbolParam === undefined || o.symbol === symbolParam));
      return ok({ ...accountHeader(), data: open.map(orderDetail) });
    }
    case 'listCurrentHistoryOrders': {
      const r = request as RestRequest<'listCurrentHistoryOrders'>;
      const n = Math.min(Math.max(r.params.n ?? 10, 1), 50);
      const orders = finished(exchange.ordersOf(account_(), category))
        .filter(
          (o) =>
            (r.params.symbol === undefined || o.symbol === r.params.symbol) &&
            (!r.params.executedOnly || cmp(o.filledQty, '0') > 0),
        )
        .slice(0, n);
      return ok({ ...accountHeader(), data: orders.map(orderDetail) });
    }
    case 'listHistoryOrders': {
      const r = request as RestRequest<'listHistoryOrders'>;
      const p = r.params;
      const typeName = {
        market: 'Market',
        limit: 'Limit',
        stop_market: 'StopMarket',
        stop_limit: 'StopLimit',
      } as const;
      const all = finished(
        exchange.ordersOf(account_(), p.category === 'margin' ? 'margin' : p.category === 'cash' ? 'cash' : 'both'),
      ).filter(
        (o) =>
          (p.symbol === undefined || o.symbol === p.symbol) &&
          (p.orderType === undefined || o.orderType === typeName[p.orderType]) &&
          (p.side === undefined || o.side.toLowerCase() === p.side) &&
          (p.status === undefined || o.status === p.status) &&
          (p.startTime === undefined || o.lastExecTime >= p.startTime) &&
          (p.endTime === undefined || o.lastExecTime <= p.endTime),
      );
      const page = Math.max(p.page ?? 1, 1);
      const pageSize = Math.min(Math.max(p.pageSize ?? 20, 1), 50);
      const data = all.slice((page - 1) * pageSize, page * pageSize).map(historyOrderV1);
      return ok({ data: { data, hasNext: all.length > page * pageSize, limit: 500, page, pageSize } });
    }
    case 'listHistoryOrdersV2':
    case 'listHistoryOrdersV2Legacy': {
      const r = request as RestRequest<'listHistoryOrdersV2'>;
      const p = r.params;
      const a = account_();
      const scope: Category | undefined =
        p.account === 'cash' || p.account === a.cashAccountId
          ? 'cash'
          : p.account === 'margin' || p.account === a.marginAccountId
            ? 'margin'
            : undefined;
      if (!scope) return ok({ data: [] });
      const limit = Math.min(Math.max(p.limit ?? 500, 1), 1000);
      const fromSeq = p.seqNum === undefined ? undefined : BigInt(p.seqNum);
      const orders = exchange
        .ordersOf(a, scope)
        .filter(
          (o) =>
            !isOpen(o) &&
            (p.symbol === undefined || o.symbol === p.symbol) &&
            (p.startTime === undefined || o.lastExecTime >= p.startTime) &&
            (p.endTime === undefined || o.lastExecTime <= p.endTime) &&
            (fromSeq === undefined || BigInt(o.seqNum) >= fromSeq),
        )
        .sort((x, y) => x.seqNum - y.seqNum)
        .slice(0, limit);
      return ok({ data: orders.map(historyOrderV2) });
    }
    default:
      return undefined;
  }
}

/** The batch error: the refused orders with their own errors, their innocent siblings with INVALID_BATCH_ORDER. */
function batchError(
  exchange: MockExchange,
  account: MockAccount,
  category: Category,
  action: 'batch-place-order' | 'batch-cancel-order',
  orders: readonly { id?: string | undefined; symbol: string; orderId?: string }[],
  errors: readonly (ExchangeErrorFields | undefined)[],
): RestAnswer {
  const sibling = refusal('INVALID_BATCH_ORDER', 'Some invalid order in this batch.');
  const info = orders.map((o, i) => {
    const e = errors[i] ?? sibling;
    return {
      code: e.code,
      ...idOf(o.id),
      ...(o.orderId !== undefined ? { orderId: o.orderId } : {}),
      message: e.message,
      reason: e.reason,
      symbol: o.symbol,
    };
  });
  return orderError(
    exchange,
    account,
    category,
    action,
    refusal('INVALID_BATCH_ORDER', 'Batch Order failed, please check each order info for detail.'),
    info,
  );
}
