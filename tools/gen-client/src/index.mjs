// Generates packages/client/src/generated from the spec. Pure: returns path -> content.
// Three parts, each in its own module: the operations (operations.mjs: the table the request core
// runs, one function per operation, the AscendexClient methods), the error classes of the catalog
// (errors.mjs) and the WebSocket tables (ws-tables.mjs, through the AsyncAPI template).
import { documents } from '@ascendex-toolkit/codegen-core';
import { operationFiles } from './operations.mjs';
import { errorFiles } from './errors.mjs';
import { wsTableFiles } from './ws-tables.mjs';

export const outDir = 'packages/client/src/generated';

/** @returns {Promise<Map<string, string>>} repo-relative path -> content */
export async function generate() {
  const { openapi, asyncapi } = documents();
  const files = new Map();
  for (const [k, v] of await operationFiles(openapi, outDir)) files.set(k, v);
  for (const [k, v] of await errorFiles(openapi, outDir)) files.set(k, v);
  for (const [k, v] of await wsTableFiles(asyncapi, outDir)) files.set(k, v);
  return files;
}
