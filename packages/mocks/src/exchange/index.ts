// The stateful mock exchange and its engine: what the package entry re-exports.
export { MockExchange, createMockExchange } from './mock-exchange.js';
export {
  ExchangeEngine,
  defaultFunding,
  defaultProducts,
  DEFAULT_MAX_FINISHED_ORDERS,
  INTERVAL_MS,
  MockExchangeError,
  createPrng,
  type BalanceFigures,
  type CancelRequest,
  type Category,
  type EngineEvent,
  type EngineListener,
  type FillOptions,
  type FinishedList,
  type MockExchangeOptions,
  type MockOrder,
  type MockProduct,
  type Outcome,
  type PlaceArgs,
  type Prng,
  type ScriptedBook,
  type StartingBalances,
} from '../engine/index.js';
// Shared with the client through @ascendex-toolkit/validators/orders; re-exported for compatibility.
export { DecimalError, serverOrderId, type ServerOrderIdInput } from '@ascendex-toolkit/validators/orders';
