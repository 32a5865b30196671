// Generates packages/client/src/generated from the spec. Pure: returns path -> content.
// Two parts, each in its own module: the operations (operations.mjs: the table the request core
// runs, one function per operation, the AscendexClient methods) and the error classes of the
// catalog (errors.mjs).
import { documents } from '@ascendex-toolkit/codegen-core';
import { operationFiles } from './operations.mjs';
import { errorFiles } from './errors.mjs';

export const outDir = 'packages/client/src/generated';

/** @returns {Promise<Map<string, string>>} repo-relative path -> content */
export async function generate() {
  const { openapi } = documents();
  const files = new Map();
  for (const [k, v] of await operationFiles(openapi, outDir)) files.set(k, v);
  for (const [k, v] of await errorFiles(openapi, outDir)) files.set(k, v);
  return files;
}
