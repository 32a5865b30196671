// One input per operation and the HTTP request it must become, written by hand from the exchange's
// documentation (method, route, where each field goes, the prehash each endpoint signs), not read
// from the operation table or the spec: a wrong row, template or spec shows up as a difference.
// Used by build-request.test.ts (the pure step, no I/O) and every-operation.test.ts (on the wire).
import type { OperationId, OperationInputs } from '../../src/operations.js';

/** The account group the expectations use. */
export const GROUP = 6;
/** The time order bodies get when they leave `time` out, and the signature's timestamp. */
export const TIME = 1_700_000_000_000;

/** What the request of one input must be. */
export interface Expected<K extends OperationId = OperationId> {
  readonly input: OperationInputs[K];
  readonly method: 'GET' | 'POST' | 'DELETE';
  /** The path with the group and category filled in (not URL-encoded). */
  readonly path: string;
  /** The query, every value as its text. */
  readonly query: Readonly<Record<string, string>>;
  /** The JSON body, `time` filled in where the input leaves it out; undefined without a body. */
  readonly body?: unknown;
  /** What the signature covers after `<timestamp>+`; undefined for public operations. */
  readonly prehash?: string;
}

const order = {
  id: 'iGwzbzWxxcHwno4b8VCvh8aaYCJaPALm',
  symbol: 'BTC/USDT',
  orderPrice: '7289.0',
  orderQty: '0.00082',
  orderType: 'limit',
  side: 'sell',
  respInst: 'ACCEPT',
} as const;
const batch = [
  { id: 'sampleRequestId1', symbol: 'BTC/USDT', orderPrice: '34000', orderQty: '0.1', orderType: 'limit', side: 'buy' },
  { id: 'sampleRequestId2', symbol: 'BTC/USDT', orderPrice: '35000', orderQty: '0.2', orderType: 'limit', side: 'buy' },
] as const;
const orderId = 'a16eee206d610866943712rPNknIyhH';

/** Every operation: a typed table, so an operation missing here does not compile. */
export const expectedRequests: { [K in OperationId]: Expected<K> } = {
  listAssets: { input: {}, method: 'GET', path: '/api/pro/v2/assets', query: {} },
  listProducts: { input: { accountCategory: 'cash' }, method: 'GET', path: '/api/pro/v1/cash/products', query: {} },
  listProductsLegacy: { input: {}, method: 'GET', path: '/api/pro/v1/products', query: {} },
  getTicker: {
    input: { symbol: 'ASD/USDT' },
    method: 'GET',
    path: '/api/pro/v1/spot/ticker',
    query: { symbol: 'ASD/USDT' },
  },
  getTickerV1: {
    input: { symbol: 'ASD/USDT' },
    method: 'GET',
    path: '/api/pro/v1/ticker',
    query: { symbol: 'ASD/USDT' },
  },
  listBarIntervals: { input: {}, method: 'GET', path: '/api/pro/v1/barhist/info', query: {} },
  getBarHistory: {
    input: { symbol: 'ASD/USDT', interval: '1', n: 10 },
    method: 'GET',
    path: '/api/pro/v1/barhist',
    query: { symbol: 'ASD/USDT', interval: '1', n: '10' },
  },
  getDepth: { input: { symbol: 'ASD/USDT' }, method: 'GET', path: '/api/pro/v1/depth', query: { symbol: 'ASD/USDT' } },
  getMarketTrades: {
    input: { symbol: 'ASD/USDT', n: 10 },
    method: 'GET',
    path: '/api/pro/v1/trades',
    query: { symbol: 'ASD/USDT', n: '10' },
  },
  getExchangeLatency: {
    input: { requestTime: 1640052379050 },
    method: 'GET',
    path: '/api/pro/v1/exchange-info',
    query: { requestTime: '1640052379050' },
  },
  getRiskLimitInfo: {
    input: { ip: '0.0.0.0' },
    method: 'GET',
    path: '/api/pro/v1/risk-limit-info',
    query: { ip: '0.0.0.0' },
  },
  getRiskLimitInfoV2: {
    input: { ip: '173.123.133.23' },
    method: 'GET',
    path: '/api/pro/v2/risk-limit-info',
    query: { ip: '173.123.133.23' },
  },
  getAccountInfo: { input: {}, method: 'GET', path: '/api/pro/v1/info', query: {}, prehash: 'info' },
  getVipFeeSchedule: { input: {}, method: 'GET', path: '/6/api/pro/v1/spot/fee/info', query: {}, prehash: 'fee' },
  getFeeBySymbol: { input: {}, method: 'GET', path: '/6/api/pro/v1/spot/fee', query: {}, prehash: 'fee' },
  getCashBalance: {
    input: { asset: 'BTC', showAll: true },
    method: 'GET',
    path: '/6/api/pro/v1/cash/balance',
    query: { asset: 'BTC', showAll: 'true' },
    prehash: 'balance',
  },
  getMarginBalance: {
    input: { asset: 'BTC' },
    method: 'GET',
    path: '/6/api/pro/v1/margin/balance',
    query: { asset: 'BTC' },
    prehash: 'balance',
  },
  getMarginRisk: { input: {}, method: 'GET', path: '/6/api/pro/v1/margin/risk', query: {}, prehash: 'margin/risk' },
  transferBalance: {
    input: { amount: '11.0', asset: 'USDT', fromAccount: 'cash', toAccount: 'margin' },
    method: 'POST',
    path: '/6/api/pro/v1/transfer',
    query: {},
    body: { amount: '11.0', asset: 'USDT', fromAccount: 'cash', toAccount: 'margin' },
    prehash: 'transfer',
  },
  transferSubuserBalance: {
    input: {
      userFrom: 'parent-account-userId',
      userTo: 'sub-account-userId',
      acFrom: 'cash',
      acTo: 'cash',
      asset: 'USDT',
      amount: '40',
      mode: 'ack',
    },
    method: 'POST',
    path: '/6/api/pro/v2/subuser/subuser-transfer',
    query: {},
    body: {
      userFrom: 'parent-account-userId',
      userTo: 'sub-account-userId',
      acFrom: 'cash',
      acTo: 'cash',
      asset: 'USDT',
      amount: '40',
      mode: 'ack',
    },
    prehash: 'subuser-transfer',
  },
  getSubuserTransferHistory: {
    input: { subUserId: null, asset: null, startTime: null, endTime: null, page: 1, pageSize: 10 },
    method: 'POST',
    path: '/6/api/pro/v2/subuser/subuser-transfer-hist',
    query: {},
    body: { subUserId: null, asset: null, startTime: null, endTime: null, page: 1, pageSize: 10 },
    prehash: 'subuser-transfer-hist',
  },
  getBalanceSnapshot: {
    input: { accountCategory: 'cash', date: '2021-03-31' },
    method: 'GET',
    path: '/api/pro/data/v1/cash/balance/snapshot',
    query: { date: '2021-03-31' },
    prehash: 'data/v1/cash/balance/snapshot',
  },
  getBalanceHistory: {
    input: { accountCategory: 'margin', sn: 10870097598, limit: 50 },
    method: 'GET',
    path: '/api/pro/data/v1/margin/balance/history',
    query: { sn: '10870097598', limit: '50' },
    prehash: 'data/v1/margin/balance/history',
  },
  getDepositAddresses: {
    input: { asset: 'USDT', blockchain: 'ERC20' },
    method: 'GET',
    path: '/api/pro/v1/wallet/deposit/address',
    query: { asset: 'USDT', blockchain: 'ERC20' },
    prehash: 'wallet/deposit/address',
  },
  listWalletTransactions: {
    input: { asset: 'USDT', page: 1, pageSize: 20 },
    method: 'GET',
    path: '/api/pro/v1/wallet/transactions',
    query: { asset: 'USDT', page: '1', pageSize: '20' },
    prehash: 'wallet/transactions',
  },
  placeOrder: {
    input: { accountCategory: 'cash', ...order },
    method: 'POST',
    path: '/6/api/pro/v1/cash/order',
    query: {},
    body: { ...order, time: TIME },
    prehash: 'order',
  },
  cancelOrder: {
    input: { accountCategory: 'cash', orderId, symbol: 'BTC/USDT' },
    method: 'DELETE',
    path: '/6/api/pro/v1/cash/order',
    query: {},
    body: { orderId, symbol: 'BTC/USDT', time: TIME },
    prehash: 'order',
  },
  cancelAllOrders: {
    input: { accountCategory: 'margin', symbol: 'BTC/USDT' },
    method: 'DELETE',
    path: '/6/api/pro/v1/margin/order/all',
    query: {},
    body: { symbol: 'BTC/USDT', time: TIME },
    prehash: 'order/all',
  },
  placeBatchOrders: {
    input: { accountCategory: 'cash', orders: [...batch] },
    method: 'POST',
    path: '/6/api/pro/v1/cash/order/batch',
    query: {},
    body: { orders: batch.map((o) => ({ ...o, time: TIME })) },
    prehash: 'order/batch',
  },
  cancelBatchOrders: {
    input: { accountCategory: 'cash', orders: [{ orderId, symbol: 'BTC/USDT' }] },
    method: 'DELETE',
    path: '/6/api/pro/v1/cash/order/batch',
    query: {},
    body: { orders: [{ orderId, symbol: 'BTC/USDT', time: TIME }] },
    prehash: 'order/batch',
  },
  getOrderStatus: {
    input: { accountCategory: 'cash', orderId: `${orderId},a16eee20b6750866943712zWEDdAjt3` },
    method: 'GET',
    path: '/6/api/pro/v1/cash/order/status',
    query: { orderId: `${orderId},a16eee20b6750866943712zWEDdAjt3` },
    prehash: 'order/status',
  },
  listOpenOrders: {
    input: { accountCategory: 'cash', symbol: 'BTC/USDT' },
    method: 'GET',
    path: '/6/api/pro/v1/cash/order/open',
    query: { symbol: 'BTC/USDT' },
    prehash: 'order/open',
  },
  listCurrentHistoryOrders: {
    input: { accountCategory: 'cash', n: 10, symbol: 'ASD/USDT', executedOnly: true },
    method: 'GET',
    path: '/6/api/pro/v1/cash/order/hist/current',
    query: { n: '10', symbol: 'ASD/USDT', executedOnly: 'true' },
    prehash: 'order/hist/current',
  },
  listHistoryOrders: {
    input: { symbol: 'ASD/USDT', page: 1, pageSize: 10 },
    method: 'GET',
    path: '/6/api/pro/v1/order/hist',
    query: { symbol: 'ASD/USDT', page: '1', pageSize: '10' },
    prehash: 'order/hist',
  },
  listHistoryOrdersV2: {
    input: { account: 'cash', symbol: 'ASD/USDT', limit: 10 },
    method: 'GET',
    path: '/api/pro/data/v2/order/hist',
    query: { account: 'cash', symbol: 'ASD/USDT', limit: '10' },
    prehash: 'data/v2/order/hist',
  },
  // The old route's prehash is documented nowhere; `order/hist` is the spec's recorded decision.
  listHistoryOrdersV2Legacy: {
    input: { account: 'cash', symbol: 'ASD/USDT', limit: 10 },
    method: 'GET',
    path: '/6/api/pro/v2/order/hist',
    query: { account: 'cash', symbol: 'ASD/USDT', limit: '10' },
    prehash: 'order/hist',
  },
};
