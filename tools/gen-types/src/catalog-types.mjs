// Runtime constants next to the types: the enum value arrays and the error catalog.
import path from 'node:path';
import { readYaml, specDir, jsdoc } from '@ascendex-toolkit/codegen-core';

/** @param {string} s */
const lowerFirst = (s) => s.charAt(0).toLowerCase() + s.slice(1);

/**
 * `export const orderSideValues = [...] as const` for every enum of components/schemas/enums.yaml.
 * @param {string[]} schemaNames the types schemas.gen.ts exports
 */
export function enumsSource(schemaNames) {
  const enums = readYaml(path.join(specDir, 'components/schemas/enums.yaml'));
  const imported = Object.keys(enums).filter((n) => schemaNames.includes(n));
  const out = [];
  if (imported.length) out.push(`import type { ${imported.join(', ')} } from './schemas.gen.js';`, '');
  for (const [name, schema] of Object.entries(enums)) {
    const values = JSON.stringify(schema.enum);
    const doc = jsdoc(`Every value of {@link ${name}}, for runtime checks and pickers.`);
    if (imported.includes(name)) {
      out.push(`${doc}export const ${lowerFirst(name)}Values = ${values} as const satisfies readonly ${name}[];`);
    } else {
      out.push(`${doc}export const ${lowerFirst(name)}Values = ${values} as const;`);
      out.push(`${jsdoc(schema.description)}export type ${name} = (typeof ${lowerFirst(name)}Values)[number];`);
    }
  }
  return out.join('\n');
}

/** The error catalog as typed constants. */
export function errorsSource() {
  /** @type {{ groups: { name: string, id: number, description: string }[], codes: { code: number, reason: string | null, group: string, description: string }[] }} */
  const { groups, codes } = readYaml(path.join(specDir, 'components/errors.yaml'));
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
    `export type KnownErrorReason = NonNullable<(typeof errorCatalog)[KnownErrorCode]['reason']>;`,
  ].join('\n');
}
