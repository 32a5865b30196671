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
export { defaultProducts, type MockProduct } from './products.js';
export type { ScriptedBook } from './market.js';
export type { MockOrder } from './orders.js';
// Shared with the client through @ascendex-toolkit/validators/orders; re-exported for compatibility.
export { DecimalError, serverOrderId, type ServerOrderIdInput } from '@ascendex-toolkit/validators/orders';
export { createPrng, type Prng } from './prng.js';
