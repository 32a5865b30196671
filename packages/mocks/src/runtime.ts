// The runtime as the generated code sees it: the one module of the hand-written mocks that
// src/generated/ imports (tools/codegen-core `runtimeEntries`). Nothing it imports reaches back
// into src/generated/: the handler factory is given its operation's row
// (tools/codegen-core/test/runtime-entries.test.mjs).
export { operationHandlerOf, type HttpMockOptions, type OperationOverrideOf } from './http/operation-handler.js';
export type { MockOperationTable } from './http/operation-table.js';
