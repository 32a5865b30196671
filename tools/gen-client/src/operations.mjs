// The client's operation layer: filled in by the operations work of issue 9.
/** @import { OpenApiDocument } from '@ascendex-toolkit/codegen-core' */

/**
 * @param {OpenApiDocument} _openapi
 * @param {string} _outDir
 * @returns {Promise<Map<string, string>>}
 */
export async function operationFiles(_openapi, _outDir) {
  return new Map();
}
