// Generates packages/client/src/generated from the spec. Pure: returns path -> content.
// Three parts, each in its own module: the operations (operations.mjs: the table the request core
// runs, one function per operation, the AscendexClient methods), the error classes of the catalog
// (errors.mjs) and the WebSocket tables (ws-tables.mjs, through the AsyncAPI template).
import { specModel } from '@ascendex-toolkit/codegen-core';
import { operationFiles } from './operations.mjs';
import { errorFiles } from './errors.mjs';
import { wsTableFiles } from './ws-tables.mjs';
/** @import { SpecModel } from '@ascendex-toolkit/codegen-core' */

export const outDir = 'packages/client/src/generated';

/**
 * @param {SpecModel} [model] the spec model (codegen-core), by default the working tree's
 * @returns {Promise<Map<string, string>>} repo-relative path -> content
 */
export async function generate(model = specModel()) {
  const files = new Map();
  for (const [k, v] of await operationFiles(model, outDir)) files.set(k, v);
  for (const [k, v] of await errorFiles(model, outDir)) files.set(k, v);
  for (const [k, v] of await wsTableFiles(model, outDir)) files.set(k, v);
  return files;
}
