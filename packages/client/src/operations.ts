// Public exports of the operation layer: the client, the standalone operation functions (one per
// operationId, tree-shakable), the operation table and its types, the clock offset.
export { AscendexClient } from './generated/client.gen.js';
export { ClientCore } from './core/client-core.js';
export { syncClock } from './sync-clock.js';
export { buildRequest, type BuiltRequest, type RequestContext } from './core/build-request.js';
export type {
  OperationSpec,
  PayloadKind,
  SingleOrList,
  Expand,
  WithOptionalTime,
  OrdersWithOptionalTime,
  CallArgs,
} from './core/operation.js';
export {
  operationTable,
  type OperationId,
  type OperationInputs,
  type OperationResults,
  type OperationArgs,
} from './generated/table.gen.js';
export * from './generated/operations/market-data.gen.js';
export * from './generated/operations/exchange-info.gen.js';
export * from './generated/operations/account.gen.js';
export * from './generated/operations/balance.gen.js';
export * from './generated/operations/wallet.gen.js';
export * from './generated/operations/order.gen.js';
