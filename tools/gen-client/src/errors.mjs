// The client's error classes from the error catalog (the spec model's `errorCatalog`): one class
// per error group, all extending AscendexApiError, and the small tables `apiErrorFrom` picks them
// with. Only what the runtime needs is emitted (no descriptions), so every app that can receive an
// error envelope pays a few hundred bytes for it.
import { banner, formatCode, jsdoc, packageNames, typesSymbols } from '@ascendex-toolkit/codegen-core';
/** @import { ErrorCatalog, SpecModel } from '@ascendex-toolkit/codegen-core' */

const GENERATOR = 'tools/gen-client';

/**
 * The TypeScript of the error classes and their lookup tables (without banner).
 * @param {ErrorCatalog} catalog
 * @returns {string}
 */
export function errorsSource(catalog) {
  const groupIds = new Map(catalog.groups.map((g) => [g.name, g.id]));
  for (const c of catalog.codes)
    if (!groupIds.has(c.group)) throw new Error(`error catalog: code ${c.code} names unknown group ${c.group}`);
  const classes = catalog.groups.map(
    (g) =>
      jsdoc(`${g.description} Group ${g.id} of the error catalog.`, '@public') +
      `export class ${g.name} extends AscendexApiError {\n  override readonly name = '${g.name}';\n}`,
  );
  // The catalog's group wins over the code's digits (510001 is a SystemError, group 50).
  const exceptions = catalog.codes.filter((c) => Math.floor(c.code / 10000) !== groupIds.get(c.group));
  const reasons = catalog.codes.filter((c) => c.reason !== null);
  return [
    `import type { ${typesSymbols.knownErrorReason} } from '${packageNames.types}';`,
    `import { AscendexApiError } from '../core/errors.js';`,
    '',
    ...classes,
    '',
    jsdoc('The class of each error group, by group id.', '@internal') +
      `export const errorClassOfGroup: Readonly<Record<number, typeof AscendexApiError>> = {\n${catalog.groups
        .map((g) => `  ${g.id}: ${g.name},`)
        .join('\n')}\n};`,
    '',
    jsdoc('Known codes whose catalog group is not `Math.floor(code / 10000)`: code -> group id.', '@internal') +
      `export const groupOfCode: Readonly<Record<number, number>> = {\n${exceptions
        .map((c) => `  ${c.code}: ${groupIds.get(c.group)},`)
        .join('\n')}\n};`,
    '',
    jsdoc("The catalog's reason of each known code that has one, for answers without a reason.", '@internal') +
      `export const reasonOfCode: Readonly<Record<number, ${typesSymbols.knownErrorReason}>> = {\n${reasons
        .map((c) => `  ${c.code}: '${c.reason}',`)
        .join('\n')}\n};`,
    '',
    jsdoc('The error class of each catalog group, by name (for types that follow the catalog).', '@public') +
      `export interface ErrorClassOfGroup {\n${catalog.groups.map((g) => `  ${g.name}: ${g.name};`).join('\n')}\n}`,
  ].join('\n');
}

/**
 * @param {SpecModel} model
 * @param {string} outDir
 * @returns {Promise<Map<string, string>>}
 */
export async function errorFiles({ errorCatalog, sources }, outDir) {
  const code = banner(GENERATOR, [sources.errorCatalog]) + '\n' + errorsSource(errorCatalog);
  return new Map([[`${outDir}/errors.gen.ts`, await formatCode(code)]]);
}
