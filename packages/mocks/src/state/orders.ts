// An order of the mock exchange and the shapes the API reports it in (REST order detail, the
// order channel's compact fields, the histories).
import type {
  AccountCategoryCode,
  ExecInst,
  HistoryOrderV1,
  HistoryOrderV2,
  OrderDetail,
  OrderSide,
  OrderStatus,
  OrderStatusReport,
  OrderType,
  OrderUpdateData,
} from '@ascendex-toolkit/types';
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
}

export const isOpen = (order: MockOrder): boolean => order.status === 'New' || order.status === 'PartiallyFilled';

export const averagePrice = (order: MockOrder): string =>
  isZero(order.filledQty) ? '0' : div(order.filledNotional, order.filledQty);

export function orderDetail(order: MockOrder): OrderDetail {
  return {
    avgPx: averagePrice(order),
    cumFee: order.cumFee,
    cumFilledQty: order.filledQty,
    errorCode: '',
    feeAsset: order.feeAsset,
    ...(order.clientOrderId !== undefined ? { id: order.clientOrderId } : {}),
    lastExecTime: order.lastExecTime,
    orderId: order.orderId,
    orderQty: order.orderQty,
    orderType: order.orderType,
    price: order.price,
    seqNum: order.seqNum,
    side: order.side,
    status: order.status,
    stopPrice: order.stopPrice,
    symbol: order.symbol,
    execInst: order.execInst,
  };
}

/** The order channel's `data` (with the balances of both assets after the change when given). */
export function orderUpdateData(
  order: MockOrder,
  balances?: { bab: string; btb: string; qab: string; qtb: string },
  withExecInst = true,
): OrderUpdateData {
  return {
    s: order.symbol,
    sn: order.seqNum,
    sd: order.side,
    ap: averagePrice(order),
    ...(balances ?? {}),
    cf: order.cumFee,
    cfq: order.filledQty,
    err: '',
    fa: order.feeAsset,
    orderId: order.orderId,
    ot: order.orderType,
    p: order.price,
    q: order.orderQty,
    sp: order.stopPrice,
    st: order.status,
    t: order.lastExecTime,
    ...(withExecInst ? { ei: order.execInst } : {}),
  };
}

/** The execution report of a WebSocket `order-status` reply. */
export function orderStatusReport(order: MockOrder): OrderStatusReport {
  return {
    sn: order.seqNum,
    e: 'ExecutionReport',
    a: order.accountId,
    ac: order.ac,
    t: order.lastExecTime,
    ct: order.createTime,
    orderId: order.orderId,
    sd: order.side,
    ot: order.orderType,
    ei: order.execInst,
    q: order.orderQty,
    p: order.price,
    sp: order.stopPrice,
    s: order.symbol,
    st: order.status,
    lp: order.lastPrice,
    lq: order.lastQty,
    ap: averagePrice(order),
    cfq: order.filledQty,
    cf: order.cumFee,
    fa: order.feeAsset,
  };
}

export function historyOrderV1(order: MockOrder): HistoryOrderV1 {
  return {
    ac: order.ac,
    accountId: order.accountId,
    avgPx: averagePrice(order),
    cumFee: order.cumFee,
    cumQty: order.filledQty,
    errorCode: '',
    execInst: order.execInst,
    feeAsset: order.feeAsset,
    lastExecTime: order.lastExecTime,
    orderId: order.orderId,
    orderQty: order.orderQty,
    orderType: order.orderType,
    price: order.price,
    sendingTime: order.createTime,
    seqNum: order.seqNum,
    side: order.side,
    status: order.status,
    stopPrice: order.stopPrice,
    symbol: order.symbol,
  };
}

export function historyOrderV2(order: MockOrder): HistoryOrderV2 {
  return {
    orderId: order.orderId,
    seqNum: order.seqNum,
    accountId: order.accountId,
    symbol: order.symbol,
    orderType: order.orderType,
    side: order.side,
    price: order.price,
    stopPrice: order.stopPrice,
    orderQty: order.orderQty,
    status: order.status,
    createTime: order.createTime,
    lastExecTime: order.lastExecTime,
    avgFillPrice: averagePrice(order),
    fillQty: order.filledQty,
    fee: order.cumFee,
    feeAsset: order.feeAsset,
  };
}
