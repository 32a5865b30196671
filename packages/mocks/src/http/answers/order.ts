// Answers of the `order` tag that place and cancel: one order, all orders, batches.
import type { OrderAckInfo } from '@ascendex-toolkit/types';
import { add } from '@ascendex-toolkit/validators/orders';
import type { ExchangeErrorFields, MockAccount, RestAnswer } from '../../backend.js';
import type { ExchangeEngine } from '../../engine/engine.js';
import type { Category } from '../../engine/events.js';
import type { PlaceArgs } from '../../engine/order-checks.js';
import { isOpen } from '../../engine/orders.js';
import { refusal, type CatalogRefusal } from '../../engine/refusals.js';
import { ackInfo, orderDetail } from '../../wire/orders.js';
import type { RestAnswerTable } from './types.js';
import { accountHeader, categoryOf, ok, signer } from './types.js';

type Action = 'place-order' | 'cancel-order' | 'cancel-all' | 'batch-place-order' | 'batch-cancel-order';

const idOf = (id: string | undefined): { id?: string } => (id !== undefined ? { id } : {});

/** The order error envelope of the order section: code, reason (when the catalog has one), message, the account and what was asked. */
function orderError(
  engine: ExchangeEngine,
  account: MockAccount,
  category: Category,
  action: Action,
  error: ExchangeErrorFields | CatalogRefusal,
  info: unknown,
): RestAnswer {
  return {
    body: {
      code: error.code,
      ...accountHeader(engine, account, category),
      action,
      info,
      message: error.message,
      ...(error.reason !== undefined ? { reason: error.reason } : {}),
      status: 'Err',
    },
  };
}

/** The batch error: the refused orders with their own errors, their innocent siblings with INVALID_BATCH_ORDER. */
function batchError(
  engine: ExchangeEngine,
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
  const whole = refusal('INVALID_BATCH_ORDER', 'Batch Order failed, please check each order info for detail.');
  return orderError(engine, account, category, action, whole, info);
}

export const orderAnswers: RestAnswerTable = {
  placeOrder: (request, engine) => {
    const account = signer(request);
    const category = categoryOf(request);
    const args = request.body as PlaceArgs;
    const now = engine.now();
    const placed = engine.placeOrder(account, category, args, 'rest');
    if (!placed.ok)
      return orderError(engine, account, category, 'place-order', placed.error, {
        ...idOf(args.id),
        symbol: args.symbol,
      });
    const order = placed.value;
    const respInst = request.body.respInst ?? 'ACK';
    const header = { ...accountHeader(engine, account, category), action: 'place-order' };
    // ACCEPT answers once the engine has the order; DONE once it is finished, else (the docs' 5 s timeout) an Ack.
    if (respInst === 'ACCEPT' || (respInst === 'DONE' && !isOpen(order)))
      return ok({ data: { ...header, info: orderDetail(order), status: respInst } });
    return ok({ data: { ...header, info: ackInfo(order, now), status: 'Ack' } });
  },
  cancelOrder: (request, engine) => {
    const account = signer(request);
    const category = categoryOf(request);
    const body = request.body;
    const cancelled = engine.cancel(account, category, body, 'rest');
    if (!cancelled.ok)
      return orderError(engine, account, category, 'cancel-order', cancelled.error, {
        ...idOf(body.id),
        symbol: body.symbol,
      });
    return ok({
      data: {
        ...accountHeader(engine, account, category),
        action: 'cancel-order',
        info: ackInfo(cancelled.value, engine.now(), body.id),
        status: 'Ack',
      },
    });
  },
  cancelAllOrders: (request, engine) => {
    const account = signer(request);
    const category = categoryOf(request);
    const symbol = request.body?.symbol ?? (request.params as { symbol?: string }).symbol;
    engine.cancelAll(account, category, symbol);
    return ok({
      data: {
        ...accountHeader(engine, account, category),
        action: 'cancel-all',
        info: {
          id: request.body?.id ?? '',
          orderId: '',
          orderType: 'NULL_VAL',
          symbol: symbol ?? '',
          timestamp: engine.now(),
        },
        status: 'Ack',
      },
    });
  },
  placeBatchOrders: (request, engine) => {
    const account = signer(request);
    const category = categoryOf(request);
    const orders = request.body.orders as readonly PlaceArgs[];
    const now = engine.now();
    const held = new Map<string, string>();
    const errors = orders.map((args) => {
      const checked = engine.checkOrder(account, category, args, held);
      if (!checked.ok) return checked.error as ExchangeErrorFields;
      const { holdAsset, hold } = checked.value;
      held.set(holdAsset, add(held.get(holdAsset) ?? '0', hold));
      return undefined;
    });
    if (errors.some((e) => e !== undefined))
      return batchError(engine, account, category, 'batch-place-order', orders, errors);
    const placed = orders.map((args) => engine.placeOrder(account, category, args, 'rest'));
    const info = placed.flatMap((p) => (p.ok ? [ackInfo(p.value, now)] : []));
    return ok({
      data: { ...accountHeader(engine, account, category), action: 'batch-place-order', info, status: 'Ack' },
    });
  },
  cancelBatchOrders: (request, engine) => {
    const account = signer(request);
    const category = categoryOf(request);
    const orders = request.body.orders;
    const now = engine.now();
    const errors = orders.map((c) => {
      const order = engine.order(account, category, c.orderId);
      return order && isOpen(order)
        ? undefined
        : refusal('INVALID_ORDER_ID', 'The order is already filled or canceled.');
    });
    if (errors.some((e) => e !== undefined))
      return batchError(engine, account, category, 'batch-cancel-order', orders, errors);
    const info = orders.map((c): OrderAckInfo => {
      engine.cancel(account, category, c, 'rest');
      return { id: c.id ?? '', orderId: c.orderId, orderType: 'NULL_VAL', symbol: c.symbol, timestamp: now };
    });
    return ok({
      data: { ...accountHeader(engine, account, category), action: 'batch-cancel-order', info, status: 'Ack' },
    });
  },
};
