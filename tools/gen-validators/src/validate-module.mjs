// The two files of one group of precompiled validators: the code and its declarations. Both the
// strict validators and the exchange-side profile are written through this.
import { formatCode, packageNames, runtimeImport, validatorSymbols } from '@ascendex-toolkit/codegen-core';

/** File name ending of precompiled validator modules (tools/dev/copy-generated-js.mjs copies them). */
export const VALIDATE = '.validate.gen.js';

/**
 * `<base>.validate.gen.js` (the compiled code, left as ajv writes it: one statement a line is
 * deterministic and diffs well, and prettier over ~1 MB of it would double generation time) and
 * its `.d.ts`, which declares the validate function of each entry.
 * @param {{ dir: string, base: string, names: string[], js: string, head: string }} group
 *   `head` is the banner (and blank line) every generated file starts with
 * @returns {Promise<[string, string][]>} path -> content
 */
export async function validateModuleFiles({ dir, base, names, js, head }) {
  const dts = [
    `import type { ValidateFunction } from '${runtimeImport(packageNames.validators, `${dir.split('/src/generated/')[1]}/${base}.validate.gen.d.ts`)}';`,
    '',
    ...names.map((name) => `export declare const ${validatorSymbols(name).validate}: ValidateFunction;`),
  ].join('\n');
  return [
    [`${dir}/${base}${VALIDATE}`, head + js],
    [`${dir}/${base}.validate.gen.d.ts`, await formatCode(head + dts)],
  ];
}
