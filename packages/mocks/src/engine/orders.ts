// An order as the engine keeps it, and how a new one starts. How the API reports it (REST order
// detail, the order channel's compact fields, the histories) is in ../wire/orders.ts.
import type { AccountCategoryCode, ExecInst, OrderSide, OrderStatus, OrderType } from '@ascendex-toolkit/types';
import { div, isZero, normalize } from '@ascendex-toolkit/validators/orders';
import type { Category } from './events.js';
import { pricesOf, type CheckedOrder, type PlaceArgs } from './order-checks.js';

/** An order as the mock exchange keeps it. @public */
export interface MockOrder {
  readonly orderId: string;
  /** The request's `id`, echoed in acknowledgements. */
  readonly clientOrderId: string | undefined;
  readonly accountId: string;
  readonly ac: Exclude<AccountCategoryCode, 'FUTURES'>;
  readonly symbol: string;
  readonly side: OrderSide;
  readonly orderType: OrderType;
  /** Limit price, or `""` for market orders. */
  readonly price: string;
  readonly stopPrice: string;
  readonly orderQty: string;
  readonly execInst: ExecInst;
  readonly createTime: number;
  status: OrderStatus;
  filledQty: string;
  /** Sum of price × size over the fills (for the average price). */
  filledNotional: string;
  cumFee: string;
  readonly feeAsset: string;
  lastExecTime: number;
  seqNum: number;
  /** The price the hold of a buy is valued at: the limit price, or the reference price for market orders. */
  readonly holdPrice: string;
  /** The asset held for the unfilled part: quote for buys, base for sells. */
  readonly holdAsset: string;
  lastPrice: string;
  lastQty: string;
  /** Why the engine rejected or cancelled it on its own (`PostOnlyWouldTake`), else `""`. */
  errorCode: string;
  /** For stop orders: false until the market price reaches the stop price. */
  triggered: boolean;
}

export const isOpen = (order: MockOrder): boolean => order.status === 'New' || order.status === 'PartiallyFilled';

export const isStop = (order: MockOrder): boolean =>
  order.orderType === 'StopMarket' || order.orderType === 'StopLimit';

export const averagePrice = (order: MockOrder): string =>
  isZero(order.filledQty) ? '0' : div(order.filledNotional, order.filledQty);

const TYPE_NAME = { market: 'Market', limit: 'Limit', stop_market: 'StopMarket', stop_limit: 'StopLimit' } as const;

/** What the engine knows of a new order when it takes the request. */
export interface NewOrderFields {
  readonly orderId: string;
  readonly accountId: string;
  readonly category: Category;
  readonly args: PlaceArgs;
  /** The checks' verdict: the product and what the order holds. */
  readonly checked: CheckedOrder;
  readonly now: number;
}

/**
 * A new order as the engine records it: `New`, nothing filled, prices and size in their shortest
 * form, and its fees paid in the asset the product's commission type names (`Quote`, `Base`, or
 * the asset the order receives).
 */
export function newOrder({ orderId, accountId, category, args, checked, now }: NewOrderFields): MockOrder {
  const { product, holdPrice, holdAsset } = checked;
  const side: OrderSide = args.side === 'buy' ? 'Buy' : 'Sell';
  const received = side === 'Buy' ? product.baseAsset : product.quoteAsset;
  const feeAsset =
    product.commissionType === 'Quote'
      ? product.quoteAsset
      : product.commissionType === 'Base'
        ? product.baseAsset
        : received;
  const { orderPrice, stopPrice } = pricesOf(args);
  return {
    orderId,
    clientOrderId: args.id,
    accountId,
    ac: category === 'cash' ? 'CASH' : 'MARGIN',
    symbol: args.symbol,
    side,
    orderType: TYPE_NAME[args.orderType],
    price: orderPrice !== undefined ? normalize(orderPrice) : '',
    stopPrice: stopPrice !== undefined ? normalize(stopPrice) : '',
    orderQty: normalize(args.orderQty),
    execInst: args.postOnly ? 'Post' : 'NULL_VAL',
    createTime: now,
    status: 'New',
    filledQty: '0',
    filledNotional: '0',
    cumFee: '0',
    feeAsset,
    lastExecTime: now,
    seqNum: 0,
    holdPrice,
    holdAsset,
    lastPrice: '',
    lastQty: '',
    errorCode: '',
    triggered: false,
  };
}
