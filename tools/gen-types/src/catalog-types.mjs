// Runtime constants next to the types: the enum value arrays and the error catalog, both tables
// of the spec model.
import { jsdoc, typesSymbols } from '@ascendex-toolkit/codegen-core';
/** @import { EnumModel, ErrorCatalog } from '@ascendex-toolkit/codegen-core' */

/** @param {string} s */
const lowerFirst = (s) => s.charAt(0).toLowerCase() + s.slice(1);

/**
 * `export const orderSideValues = [...] as const` for every enum. An enum that is a component
 * schema already has its type in schemas.gen.ts; the others get theirs here.
 * @param {EnumModel[]} enums
 */
export function enumsSource(enums) {
  const imported = enums.filter((e) => e.component).map((e) => e.name);
  const out = [];
  if (imported.length) out.push(`import type { ${imported.join(', ')} } from './schemas.gen.js';`, '');
  for (const { name, values, description, component } of enums) {
    const list = JSON.stringify(values);
    const doc = jsdoc(`Every value of {@link ${name}}, for runtime checks and pickers.`);
    if (component) {
      out.push(`${doc}export const ${lowerFirst(name)}Values = ${list} as const satisfies readonly ${name}[];`);
    } else {
      out.push(`${doc}export const ${lowerFirst(name)}Values = ${list} as const;`);
      out.push(`${jsdoc(description)}export type ${name} = (typeof ${lowerFirst(name)}Values)[number];`);
    }
  }
  return out.join('\n');
}

/**
 * The error catalog as typed constants.
 * @param {ErrorCatalog} catalog
 */
export function errorsSource({ groups, codes }) {
  const groupEntries = groups.map(
    (g) => `  ${g.name}: { id: ${g.id}, description: ${JSON.stringify(g.description)} },`,
  );
  const codeEntries = codes.map(
    (c) =>
      `  ${c.code}: { reason: ${JSON.stringify(c.reason)}, group: '${c.group}', description: ${JSON.stringify(c.description)} },`,
  );
  return [
    jsdoc('Error groups: `Math.floor(code / 10000)` is the group id.') +
      `export const errorGroups = {\n${groupEntries.join('\n')}\n} as const;`,
    `export type ErrorGroupName = keyof typeof errorGroups;`,
    '',
    `export interface ErrorCatalogEntry {`,
    `  /** The exchange's mnemonic; null where the docs never name one. */`,
    `  readonly reason: string | null;`,
    `  readonly group: ErrorGroupName;`,
    `  readonly description: string;`,
    `}`,
    '',
    jsdoc('Every error code the exchange documents: code -> reason, group, description.') +
      `export const errorCatalog = {\n${codeEntries.join('\n')}\n} as const satisfies Record<number, ErrorCatalogEntry>;`,
    `export type KnownErrorCode = keyof typeof errorCatalog;`,
    `export type ${typesSymbols.knownErrorReason} = NonNullable<(typeof errorCatalog)[KnownErrorCode]['reason']>;`,
  ].join('\n');
}
