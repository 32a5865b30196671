// The client's error classes from the error catalog: filled in by the errors work of issue 9.
/** @import { OpenApiDocument } from '@ascendex-toolkit/codegen-core' */

/**
 * @param {OpenApiDocument} _openapi
 * @param {string} _outDir
 * @returns {Promise<Map<string, string>>}
 */
export async function errorFiles(_openapi, _outDir) {
  return new Map();
}
