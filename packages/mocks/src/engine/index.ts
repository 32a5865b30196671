// The exchange engine: what the package entry re-exports from this folder.
export { ExchangeEngine, type MockExchangeOptions } from './engine.js';
export { defaultFunding, type StartingBalances } from './accounts.js';
export type { Category, EngineEvent, EngineListener, BalanceFigures } from './events.js';
export type { FillOptions, CancelRequest } from './matching.js';
export type { Outcome, PlaceArgs } from './order-checks.js';
export { DEFAULT_MAX_FINISHED_ORDERS, type FinishedList } from './order-store.js';
export { MockExchangeError } from './errors.js';
export { defaultProducts, type MockProduct } from './products.js';
export { INTERVAL_MS, type ScriptedBook } from './market.js';
export type { MockOrder } from './orders.js';
export { createPrng, type Prng } from './prng.js';
