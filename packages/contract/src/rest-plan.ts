// Sensible parameters for each read-only REST operation, from what the check has learnt so far
// (a symbol from the products list, an order id from the open orders). An operation that is not
// here, or whose parameters cannot be made yet, is skipped with the reason printed, so that an
// operation added to the spec shows up in the report until it gets its parameters here.

/** What earlier answers taught the check. */
export interface RestContext {
  /** A trading pair listed by `listProducts` (`BTC/USDT` when listed). */
  symbol: string;
  /** The base asset of `symbol`. */
  asset: string;
  /** An order id seen in the open or recent orders, once there is one. */
  orderId?: string;
  /** The sequence number of the last balance snapshot, once there is one. */
  snapshotSn?: number | bigint;
}

/** Parameters, or the reason the operation is skipped. */
export type Planned = { readonly params: object } | { readonly skip: string };

const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
const params = (p: object): Planned => ({ params: p });

/** The read-only operations in the order they run: products first (the others need a symbol). */
export const restPlan: Readonly<Record<string, (ctx: RestContext) => Planned>> = {
  listProducts: () => params({ accountCategory: 'cash' }),
  listAssets: () => params({}),
  listProductsLegacy: () => params({}),
  getTicker: (ctx) => params({ symbol: ctx.symbol }),
  getTickerV1: (ctx) => params({ symbol: ctx.symbol }),
  listBarIntervals: () => params({}),
  getBarHistory: (ctx) => params({ symbol: ctx.symbol, interval: '1', n: 10 }),
  getDepth: (ctx) => params({ symbol: ctx.symbol }),
  getMarketTrades: (ctx) => params({ symbol: ctx.symbol, n: 10 }),
  getExchangeLatency: () => params({ requestTime: Date.now() }),
  getRiskLimitInfo: () => params({}),
  getRiskLimitInfoV2: () => params({}),
  // Private, read-only (signed GET requests).
  getAccountInfo: () => params({}),
  getVipFeeSchedule: () => params({}),
  getFeeBySymbol: () => params({}),
  getCashBalance: () => params({}),
  getMarginBalance: () => params({}),
  getMarginRisk: () => params({}),
  getBalanceSnapshot: () => params({ accountCategory: 'cash', date: yesterday() }),
  getBalanceHistory: (ctx) =>
    ctx.snapshotSn === undefined
      ? { skip: 'no balance snapshot sequence number to continue from' }
      : params({
          accountCategory: 'cash',
          sn: typeof ctx.snapshotSn === 'bigint' ? ctx.snapshotSn + 1n : ctx.snapshotSn + 1,
          limit: 10,
        }),
  getDepositAddresses: () => params({ asset: 'USDT' }),
  listWalletTransactions: () => params({ pageSize: 10 }),
  listOpenOrders: () => params({ accountCategory: 'cash' }),
  listCurrentHistoryOrders: () => params({ accountCategory: 'cash', n: 10 }),
  listHistoryOrders: () => params({ pageSize: 10 }),
  listHistoryOrdersV2: () => params({ account: 'cash', limit: 10 }),
  listHistoryOrdersV2Legacy: () => params({ account: 'cash', limit: 10 }),
  getOrderStatus: (ctx) =>
    ctx.orderId === undefined
      ? { skip: 'no order id seen in the open or recent orders' }
      : params({ accountCategory: 'cash', orderId: ctx.orderId }),
};
