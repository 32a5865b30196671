// The runtime as the generated code sees it: the one module that src/generated/ imports from the
// hand-written code (tools/codegen-core `runtimeEntries`). Nothing here imports generated code.
export { assertValid } from './guard.js';
export type { ValidateFunction } from './ajv-issues.js';
export type { DispatchEntry } from './dispatch.js';
export { JsonCursor } from './json-cursor.js';
