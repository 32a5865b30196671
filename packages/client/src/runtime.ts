// The runtime as the generated code sees it: the one module of the hand-written client that
// src/generated/ imports (tools/codegen-core `runtimeEntries`). Nothing it imports reaches back
// into src/generated/: what the runtime needs of generated data (an operation's row, the error
// classes of the catalog) it is given as a table (tools/codegen-core/test/runtime-entries.test.mjs).
export { call } from './core/request.js';
export { ClientCore } from './core/client-core.js';
export { measureClockOffset } from './core/clock.js';
export { signRequest } from './core/signing.js';
export { AscendexApiError } from './core/errors.js';
export type { ApiErrorTable } from './core/api-error.js';
export type { CallOptions } from './core/options.js';
export type {
  OperationSpec,
  SingleOrList,
  WithOptionalTime,
  OrdersWithOptionalTime,
  CallArgs,
  Expand,
} from './core/operation.js';
