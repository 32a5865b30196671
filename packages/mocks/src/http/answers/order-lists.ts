// Answers of the `order` tag that list: order status, open orders, the current history and the
// two history endpoints. Each reads the engine's indexes (open orders of an account, finished
// orders of an account or of its symbol, oldest first by sequence number) and stops once it has
// what the page needs, so no answer scans every order the exchange ever had.
import { cmp } from '@ascendex-toolkit/validators/orders';
import type { MockAccount } from '../../backend.js';
import type { ExchangeEngine } from '../../engine/engine.js';
import type { Category } from '../../engine/events.js';
import { firstAtOrAfter, type FinishedList } from '../../engine/order-store.js';
import type { MockOrder } from '../../engine/orders.js';
import { refusal } from '../../engine/refusals.js';
import { historyOrderV1, historyOrderV2, orderDetail } from '../../wire/orders.js';
import type { RestAnswerTable } from './types.js';
import { accountHeader, categoryOf, clampCount, errorAnswer, ok, signer } from './types.js';

/** Up to `limit` orders of a finished list matching `keep`, newest first. */
function newestFirst(list: FinishedList, limit: number, keep: (o: MockOrder) => boolean, skip = 0): MockOrder[] {
  const found: MockOrder[] = [];
  for (let i = list.length - 1; i >= 0 && found.length < skip + limit; i--) {
    const order = list.at(i);
    if (keep(order)) found.push(order);
  }
  return found.slice(skip);
}

/** Newest-first finished orders of several lists (cash and margin), merged by finish time. */
function mergedNewestFirst(lists: FinishedList[], limit: number, keep: (o: MockOrder) => boolean): MockOrder[] {
  return lists
    .flatMap((list) => newestFirst(list, limit, keep))
    .sort((a, b) => b.lastExecTime - a.lastExecTime)
    .slice(0, limit);
}

/** Orders the deprecated history serves in all, over every page. */
const HISTORY_V1_LIMIT = 500;

const V1_TYPE = { market: 'Market', limit: 'Limit', stop_market: 'StopMarket', stop_limit: 'StopLimit' } as const;

/** The category an order-history `account` argument names for the signer (`cash`, `margin` or one of its ids). */
function scopeOf(account: MockAccount, argument: string): Category | undefined {
  if (argument === 'cash' || argument === account.cashAccountId) return 'cash';
  if (argument === 'margin' || argument === account.marginAccountId) return 'margin';
  return undefined;
}

/** The v2 history: from `seqNum`/`startTime` oldest first, else from the latest (or `endTime`) newest first. */
function historyV2(
  engine: ExchangeEngine,
  account: MockAccount,
  params: {
    account: string;
    symbol?: string;
    startTime?: number;
    endTime?: number;
    seqNum?: number | bigint;
    limit?: number;
  },
) {
  const scope = scopeOf(account, params.account);
  if (!scope) return ok({ data: [] });
  const limit = clampCount(params.limit, 500, 1000);
  const list = engine.finishedOrders(account, scope, params.symbol);
  const inTime = (o: MockOrder) =>
    (params.startTime === undefined || o.lastExecTime >= params.startTime) &&
    (params.endTime === undefined || o.lastExecTime <= params.endTime);
  if (params.seqNum === undefined && params.startTime === undefined)
    return ok({ data: newestFirst(list, limit, inTime).map(historyOrderV2) });
  const found: MockOrder[] = [];
  const start = params.seqNum === undefined ? 0 : firstAtOrAfter(list, params.seqNum);
  for (let i = start; i < list.length && found.length < limit; i++) {
    const order = list.at(i);
    if (inTime(order)) found.push(order);
  }
  return ok({ data: found.map(historyOrderV2) });
}

export const orderListAnswers: RestAnswerTable = {
  getOrderStatus: (request, engine) => {
    const account = signer(request);
    const category = categoryOf(request);
    const text = request.params.orderId ?? '';
    const ids = text.split(',').filter((id) => id !== '');
    const found = ids.map((id) => engine.order(account, category, id)).filter((o) => o !== undefined);
    const { ac, accountId } = accountHeader(engine, account, category);
    const header = { accountCategory: ac, accountId };
    if (ids.length === 1 && !text.includes(',')) {
      if (!found[0]) return errorAnswer(refusal('INVALID_ORDER_ID', `Order not found: ${ids[0]}`));
      return ok({ ...header, data: orderDetail(found[0]) });
    }
    // Without ids the exchange lists the open orders (the docs' "one or more ids" is optional).
    const orders = ids.length === 0 ? engine.openOrders(account, category) : found;
    return ok({ ...header, data: orders.map(orderDetail) });
  },
  listOpenOrders: (request, engine) => {
    const account = signer(request);
    const category = categoryOf(request);
    const { symbol } = request.params;
    const open = engine.openOrders(account, category).filter((o) => symbol === undefined || o.symbol === symbol);
    return ok({ ...accountHeader(engine, account, category), data: open.map(orderDetail) });
  },
  listCurrentHistoryOrders: (request, engine) => {
    const account = signer(request);
    const category = categoryOf(request);
    const { symbol, executedOnly } = request.params;
    const n = clampCount(request.params.n, 10, 50);
    const orders = newestFirst(
      engine.finishedOrders(account, category, symbol),
      n,
      (o) => !executedOnly || cmp(o.filledQty, '0') > 0,
    );
    return ok({ ...accountHeader(engine, account, category), data: orders.map(orderDetail) });
  },
  listHistoryOrders: (request, engine) => {
    const account = signer(request);
    const p = request.params;
    const categories: Category[] =
      p.category === 'margin' ? ['margin'] : p.category === 'cash' ? ['cash'] : ['cash', 'margin'];
    const page = Math.max(Math.floor(p.page ?? 1), 1);
    const pageSize = clampCount(p.pageSize, 20, 50);
    const keep = (o: MockOrder) =>
      (p.orderType === undefined || o.orderType === V1_TYPE[p.orderType]) &&
      (p.side === undefined || o.side.toLowerCase() === p.side) &&
      (p.status === undefined || o.status === p.status) &&
      (p.startTime === undefined || o.lastExecTime >= p.startTime) &&
      (p.endTime === undefined || o.lastExecTime <= p.endTime);
    // One more than the page asks for tells whether there is a next page; the endpoint serves 500
    // orders in all, so a page beyond them answers an empty page at once.
    const wanted = Math.min(page * pageSize + 1, HISTORY_V1_LIMIT + 1);
    const lists = categories.map((c) => engine.finishedOrders(account, c, p.symbol));
    const all = mergedNewestFirst(lists, wanted, keep);
    const data = all.slice((page - 1) * pageSize, page * pageSize).map(historyOrderV1);
    const hasNext = all.length > page * pageSize && page * pageSize < HISTORY_V1_LIMIT;
    return ok({ data: { data, hasNext, limit: HISTORY_V1_LIMIT, page, pageSize } });
  },
  listHistoryOrdersV2: (request, engine) => historyV2(engine, signer(request), request.params),
  listHistoryOrdersV2Legacy: (request, engine) => historyV2(engine, signer(request), request.params),
};
