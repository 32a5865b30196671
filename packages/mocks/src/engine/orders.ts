// An order as the engine keeps it. How the API reports it (REST order detail, the order channel's
// compact fields, the histories) is in ../wire/orders.ts.
import type { AccountCategoryCode, ExecInst, OrderSide, OrderStatus, OrderType } from '@ascendex-toolkit/types';
import { div, isZero } from '@ascendex-toolkit/validators/orders';

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
