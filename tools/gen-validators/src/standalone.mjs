// Precompiled (ajv standalone) validation code: no schema is compiled at import time and no
// `new Function` runs, so the validators work under a strict Content-Security-Policy.
import ajvStandalone from 'ajv/dist/standalone/index.js';
import { createAjv, addComponentSchemas, toAjvSchema, schemaId } from '@ascendex-toolkit/codegen-core';
/** @import { BundledDocument, Schema } from '@ascendex-toolkit/codegen-core' */

// ajv's CommonJS module is itself the function and also carries it as `.default`; TypeScript only
// knows the latter.
const standaloneCode = ajvStandalone.default;

/**
 * The ESM standalone output of ajv 8 still `require`s a runtime helper for string lengths. The
 * helper counts code points, which `[...s].length` does too; any other runtime import is an error
 * (the spec should not need it), so it cannot slip into the published code unnoticed.
 * @param {string} code
 */
function withoutRequires(code) {
  const out = code.replace(
    /const (\w+) = require\("ajv\/dist\/runtime\/ucs2length"\)\.default;/g,
    (/** @type {string} */ _m, /** @type {string} */ name) => `const ${name} = (s) => [...s].length;`,
  );
  const left = out.match(/require\([^)]*\)/);
  if (left) throw new Error(`ajv standalone code needs ${left[0]}: avoid the schema keyword that requires it`);
  return out.replace(/^"use strict";/, '');
}

/**
 * @param {{ name: string, schema: Schema }[]} entries one validator per entry, exported as `validate<name>`
 * @param {BundledDocument[]} docs the bundled documents whose component schemas may be referenced
 * @returns {string} an ES module
 */
export function standaloneModule(entries, docs) {
  const ajv = createAjv({ code: { source: true, esm: true, lines: true } });
  for (const doc of docs) addComponentSchemas(ajv, doc);
  /** @type {Record<string, string>} */
  const refs = {};
  for (const { name, schema } of entries) {
    const isComponent = docs.some((d) => d.components?.schemas?.[name] === schema);
    if (!isComponent) {
      if (ajv.getSchema(schemaId(name))) throw new Error(`validator name ${name} clashes with a component schema`);
      ajv.addSchema({ $id: schemaId(name), ...toAjvSchema(schema) });
    }
    refs[`validate${name}`] = schemaId(name);
  }
  return withoutRequires(standaloneCode(ajv, refs));
}
