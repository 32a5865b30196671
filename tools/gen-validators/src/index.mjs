// Generates packages/validators/src/generated from the spec. Pure: returns path -> content.
import {
  banner,
  formatCode,
  specModel,
  jsdoc,
  validatorSymbols,
  typesSymbols,
  packageNames,
  runtimeImport,
} from '@ascendex-toolkit/codegen-core';
import path from 'node:path';
import { compileValidatorModules, SHARED } from './standalone.mjs';
import { restEntries, wsEntries } from './entries.mjs';
import { dispatchTable } from './dispatch.mjs';
import { exchangeProfileFiles } from './exchange-files.mjs';
import { validateModuleFiles, VALIDATE } from './validate-module.mjs';
import { strictDocuments, STRICT_DISCRIMINATOR_OPTIONS } from './strict-profile.mjs';
import { frameReaders } from './readers.mjs';
/** @import { SpecModel } from '@ascendex-toolkit/codegen-core' */
/** @import { ValidatorEntry } from './entries.mjs' */

export const outDir = 'packages/validators/src/generated';
const GENERATOR = 'tools/gen-validators';
const TYPES = packageNames.types;
const PACKAGE = packageNames.validators;

/** @param {string[]} sources */
const head = (sources) => banner(GENERATOR, sources) + '\n';

/**
 * `inlineRefs: false`: a referenced component is called, not pasted into each caller; same errors
 * and paths, 13% less code, and the full bundle fits its budget (bench/size.mjs).
 */
export const STRICT_AJV_OPTIONS = { inlineRefs: false };

/**
 * `.validate.gen.js` (precompiled code `js`), its `.d.ts`, and the typed guards `.gen.ts`.
 * @param {string} dir
 * @param {string} base
 * @param {ValidatorEntry[]} entries
 * @param {string} js
 * @param {string[]} sources
 */
async function group(dir, base, entries, js, sources) {
  const names = entries.map((e) => e.name);
  const files = new Map(await validateModuleFiles({ dir, base, names, js, head: head(sources) }));
  const validates = names.map((n) => validatorSymbols(n).validate);
  const guards = [
    `import type { ${names.join(', ')} } from '${TYPES}';`,
    `import { assertValid } from '${runtimeImport(PACKAGE, `${path.basename(dir)}/${base}.gen.ts`)}';`,
    `import { ${validates.join(', ')} } from './${base}.validate.gen.js';`,
    '',
    `export { ${validates.join(', ')} };`,
    '',
    ...names.flatMap((n) => {
      const v = validatorSymbols(n);
      return [
        `${jsdoc(`True when \`value\` is a valid {@link ${n}}.`)}export function ${v.is}(value: unknown): value is ${n} {\n  return ${v.validate}(value);\n}`,
        `${jsdoc(`Throws a ValidationError (issues with JSON-pointer paths) unless \`value\` is a valid {@link ${n}}.`)}export function ${v.assert}(value: unknown): asserts value is ${n} {\n  assertValid(${v.validate}, value, '${n}');\n}`,
      ];
    }),
  ].join('\n');
  files.set(`${dir}/${base}.gen.ts`, await formatCode(head(sources) + guards));
  return files;
}

/**
 * @param {SpecModel} [model] the spec model (codegen-core), by default the working tree's
 * @returns {Promise<Map<string, string>>} repo-relative path -> content
 */
export async function generate(model = specModel()) {
  // The strict validators compile from copies with discriminators (strict-profile.mjs).
  const strict = strictDocuments(model);
  const strictModel = { ...model, openapi: strict.openapi, asyncapi: strict.asyncapi };
  const docs = [strict.openapi, strict.asyncapi];
  const files = new Map();
  const modules = [];
  const groups = new Map([...restEntries(strictModel)].map(([tag, entries]) => [`rest/${tag}`, entries]));
  groups.set('ws/messages', wsEntries(strictModel));
  // One compilation for all groups, so a component schema used by several is compiled once.
  const code = compileValidatorModules(groups, docs, {
    ajvOptions: { ...STRICT_AJV_OPTIONS, ...STRICT_DISCRIMINATOR_OPTIONS },
    suffix: VALIDATE,
  });
  for (const [id, entries] of groups) {
    const [dir, base] = /** @type {[string, string]} */ (id.split('/'));
    const sources = dir === 'ws' ? ['spec/asyncapi.yaml'] : ['spec/openapi.yaml'];
    const js = code.get(id);
    if (js === undefined) throw new Error(`no code was compiled for ${id}`);
    for (const [k, v] of await group(`${outDir}/${dir}`, base, entries, js, sources)) files.set(k, v);
    modules.push(`./${id}.gen.js`);
  }
  if (code.has(SHARED))
    files.set(`${outDir}/${SHARED}${VALIDATE}`, head(['spec/openapi.yaml', 'spec/asyncapi.yaml']) + code.get(SHARED));

  const { keys, entries } = dispatchTable(model);
  const validate = (/** @type {{ name: string }} */ e) => validatorSymbols(e.name).validate;
  const table = [
    `import type { ${typesSymbols.serverMessage} } from '${TYPES}';`,
    `import type { DispatchEntry } from '${runtimeImport(PACKAGE, 'ws/dispatch.gen.ts')}';`,
    `import { ${[...new Set(entries.map(validate))].join(', ')} } from './messages.validate.gen.js';`,
    '',
    jsdoc('The top-level fields whose values tell server messages apart, in order.') +
      `export const serverMessageKeys = ${JSON.stringify(keys)} as const;`,
    jsdoc(
      'Every server message with the values its discriminating fields must have (`false`: absent),',
      'in dispatch order: where several match, the first whose schema accepts the message wins.',
    ) +
      `export const serverMessageEntries: readonly DispatchEntry<${typesSymbols.serverMessage}>[] = [\n${entries
        .map((e) => `  { name: '${e.name}', match: ${JSON.stringify(e.match)}, validate: ${validate(e)} },`)
        .join('\n')}\n];`,
  ].join('\n');
  files.set(`${outDir}/ws/dispatch.gen.ts`, await formatCode(head(['spec/asyncapi.yaml']) + table));
  files.set(`${outDir}/ws/readers.gen.ts`, await formatCode(head(['spec/asyncapi.yaml']) + frameReaders(strictModel)));
  const exchange = await exchangeProfileFiles(model, {
    dir: `${outDir}/exchange`,
    head,
    ajvOptions: STRICT_AJV_OPTIONS,
  });
  for (const [k, v] of exchange) files.set(k, v);
  files.set(
    `${outDir}/index.gen.ts`,
    await formatCode(
      head(['spec/openapi.yaml', 'spec/asyncapi.yaml']) + modules.map((m) => `export * from '${m}';`).join('\n') + '\n',
    ),
  );
  return files;
}
