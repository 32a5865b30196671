// The stateful mock exchange: what the package entry re-exports from this folder.
export {
  createMockExchange,
  MockExchange,
  defaultFunding,
  type MockExchangeOptions,
  type StartingBalances,
  type FillOptions,
  type Category,
} from './exchange.js';
export { MockExchangeError } from './errors.js';
export { DecimalError } from './decimal.js';
export { defaultProducts, type MockProduct } from './products.js';
export type { ScriptedBook } from './market.js';
export type { MockOrder } from './orders.js';
export { serverOrderId, type ServerOrderIdInput } from './order-id.js';
