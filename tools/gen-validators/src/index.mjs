// Generates packages/validators/src/generated from the spec. Pure: returns path -> content.
import { banner, formatCode, documents, jsdoc } from '@ascendex-toolkit/codegen-core';
import { standaloneModule } from './standalone.mjs';
import { restEntries, wsEntries } from './entries.mjs';
import { dispatchTable } from './dispatch.mjs';
/** @import { BundledDocument } from '@ascendex-toolkit/codegen-core' */
/** @import { ValidatorEntry } from './entries.mjs' */

export const outDir = 'packages/validators/src/generated';
const GENERATOR = 'tools/gen-validators';
const TYPES = '@ascendex-toolkit/types';

/** @param {string[]} sources */
const head = (sources) => banner(GENERATOR, sources) + '\n';

/**
 * `.validate.gen.js` (ajv standalone), its `.d.ts`, and the typed guards `.gen.ts`.
 * @param {string} dir
 * @param {string} base
 * @param {ValidatorEntry[]} entries
 * @param {BundledDocument[]} docs
 * @param {string[]} sources
 */
async function group(dir, base, entries, docs, sources) {
  const files = new Map();
  // ajv's `lines: true` output is deterministic and one statement per line, so diffs stay readable;
  // running prettier over ~1.5 MB of it would double the generation time for no gain.
  const js = standaloneModule(entries, docs);
  files.set(`${dir}/${base}.validate.gen.js`, head(sources) + js.trimStart().replace(/\s*$/, '\n'));
  const dts = [
    `import type { ValidateFunction } from '../../runtime/ajv-issues.js';`,
    '',
    ...entries.map(({ name }) => `export declare const validate${name}: ValidateFunction;`),
  ].join('\n');
  files.set(`${dir}/${base}.validate.gen.d.ts`, await formatCode(head(sources) + dts));
  const names = entries.map((e) => e.name);
  const guards = [
    `import type { ${names.join(', ')} } from '${TYPES}';`,
    `import { assertValid } from '../../runtime/guard.js';`,
    `import { ${names.map((n) => `validate${n}`).join(', ')} } from './${base}.validate.gen.js';`,
    '',
    `export { ${names.map((n) => `validate${n}`).join(', ')} };`,
    '',
    ...names.flatMap((n) => [
      `${jsdoc(`True when \`value\` is a valid {@link ${n}}.`)}export function is${n}(value: unknown): value is ${n} {\n  return validate${n}(value);\n}`,
      `${jsdoc(`Throws a ValidationError (issues with JSON-pointer paths) unless \`value\` is a valid {@link ${n}}.`)}export function assert${n}(value: unknown): asserts value is ${n} {\n  assertValid(validate${n}, value, '${n}');\n}`,
    ]),
  ].join('\n');
  files.set(`${dir}/${base}.gen.ts`, await formatCode(head(sources) + guards));
  return files;
}

/** @returns {Promise<Map<string, string>>} repo-relative path -> content */
export async function generate() {
  const { openapi, asyncapi } = documents();
  const docs = [openapi, asyncapi];
  const files = new Map();
  const modules = [];
  for (const [tag, entries] of restEntries(openapi)) {
    for (const [k, v] of await group(`${outDir}/rest`, tag, entries, docs, ['spec/openapi.yaml'])) files.set(k, v);
    modules.push(`./rest/${tag}.gen.js`);
  }
  const ws = wsEntries(asyncapi);
  for (const [k, v] of await group(`${outDir}/ws`, 'messages', ws, docs, ['spec/asyncapi.yaml'])) files.set(k, v);
  modules.push('./ws/messages.gen.js');

  const { keys, entries } = dispatchTable(asyncapi);
  const table = [
    `import type { ServerMessage } from '${TYPES}';`,
    `import type { DispatchEntry } from '../../runtime/dispatch.js';`,
    `import { ${entries.map((e) => `validate${e.name}`).join(', ')} } from './messages.validate.gen.js';`,
    '',
    jsdoc('The top-level fields whose values tell server messages apart, in order.') +
      `export const serverMessageKeys = ${JSON.stringify(keys)} as const;`,
    jsdoc(
      'Every server message with the values its discriminating fields must have (`false`: absent),',
      'in dispatch order: where several match, the first whose schema accepts the message wins.',
    ) +
      `export const serverMessageEntries: readonly DispatchEntry<ServerMessage>[] = [\n${entries
        .map((e) => `  { name: '${e.name}', match: ${JSON.stringify(e.match)}, validate: validate${e.name} },`)
        .join('\n')}\n];`,
  ].join('\n');
  files.set(`${outDir}/ws/dispatch.gen.ts`, await formatCode(head(['spec/asyncapi.yaml']) + table));
  files.set(
    `${outDir}/index.gen.ts`,
    await formatCode(
      head(['spec/openapi.yaml', 'spec/asyncapi.yaml']) + modules.map((m) => `export * from '${m}';`).join('\n') + '\n',
    ),
  );
  return files;
}
