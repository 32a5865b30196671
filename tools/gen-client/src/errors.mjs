// The client's error classes from the error catalog (the spec model's `errorCatalog`): one class
// per error group, all extending AscendexApiError, and the table `apiErrorFrom` picks them with
// (`apiErrors`, which every operation row hands the request core). Only what the runtime needs is
// emitted: the reason of each code, not the descriptions. This is a second copy of the catalog's
// code -> reason pairs beside @ascendex-toolkit/types' `errorCatalog`, kept for bundle size: the
// types' catalog carries every description (about 2.5 kB gzipped), which an app that only reads
// market data would otherwise bundle (the client's size budget, packages/client/bench/size.mjs).
import { banner, formatCode, jsdoc, packageNames, runtimeImport, typesSymbols } from '@ascendex-toolkit/codegen-core';
/** @import { ErrorCatalog, SpecModel } from '@ascendex-toolkit/codegen-core' */

const GENERATOR = 'tools/gen-client';
const FILE = 'errors.gen.ts';

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
    `import { AscendexApiError, type ApiErrorTable } from '${runtimeImport('@ascendex-toolkit/client', FILE)}';`,
    '',
    ...classes,
    '',
    jsdoc(
      'What the request core turns an error envelope into: the class of each error group by group id,',
      'the known codes whose catalog group is not `Math.floor(code / 10000)` (code -> group id), and',
      "the catalog's reason of each known code that has one, for answers without a reason.",
      '@internal',
    ) +
      `export const apiErrors: ApiErrorTable = {\n  classOfGroup: {\n${catalog.groups
        .map((g) => `    ${g.id}: ${g.name},`)
        .join('\n')}\n  },\n  groupOfCode: {\n${exceptions
        .map((c) => `    ${c.code}: ${groupIds.get(c.group)},`)
        .join('\n')}\n  },\n  reasonOfCode: {\n${reasons
        .map((c) => `    ${c.code}: '${c.reason}',`)
        .join('\n')}\n  } satisfies Record<number, ${typesSymbols.knownErrorReason}>,\n};`,
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
  return new Map([[`${outDir}/${FILE}`, await formatCode(code)]]);
}
