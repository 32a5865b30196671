// The spec as typed data. No Node built-ins: this entry works in browsers and bundlers. Each
// document is its own module, so a bundler keeps only the ones imported.
export { openapi } from './generated/openapi.gen.js';
export { asyncapi } from './generated/asyncapi.gen.js';
export { errorCatalog } from './generated/error-catalog.gen.js';
export { discrepancies, type DiscrepancyArea } from './generated/discrepancies.gen.js';
export { specInfo } from './generated/spec-info.gen.js';
export { specFileNames, type SpecFileName } from './files.js';
export type * from './types.js';
