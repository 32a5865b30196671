// The HTTP side of @ascendex-toolkit/mocks: generated handlers per operation and the factory behind them.
export * from '../generated/http/index.gen.js';
export { mockOperations, type OperationOverride, type OperationErrorReason } from '../generated/operations.gen.js';
export {
  DEFAULT_BASE_URL,
  type HttpMockOptions,
  type OperationOverrideOf,
  type OperationResolver,
} from './operation-handler.js';
export { createHttpHandlers, notFoundHandler, notFoundEnvelope, operationHandler } from './handlers.js';
export { DEFAULT_MAX_BODY_BYTES } from './refusals.js';
export { authRefusal, type AuthProblem } from './auth-refusal.js';
export type { MockOperation, MockOperationTable, OperationResponse, PayloadKind } from './operation-table.js';
