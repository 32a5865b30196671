// Named REST types per tag: <Op>Params (path + query), <Op>Body, <Op>Response (the whole 200
// body: success or error envelope) and <Op>Data (the payload inside the success envelope), named
// by the spec model's operation symbols. Each is written out with the schemas' names
// (`<Op>Params` as one type literal of its fields, `orderPrice: Decimal`), not as an index into
// the `operations` interface, so that an editor's hover shows the fields.
import { jsdoc } from '@ascendex-toolkit/codegen-core';
/** @import * as ts from 'typescript' */
import { referencedNames, typeAlias } from './schema-types.mjs';
/** @import { OperationModel, SpecModel } from '@ascendex-toolkit/codegen-core' */
/** @import { OperationTypes } from './schema-types.mjs' */

/**
 * `x-ascendex.payload` -> the `<Op>Data` type, given the success envelope's type name.
 * @type {Record<OperationModel['payload'], (success: string) => string>}
 */
const PAYLOAD_TYPE = {
  data: (s) => `${s}['data']`,
  info: (s) => `${s}['info']`,
  body: (s) => s,
  none: () => 'undefined',
};

const NO_PARAMS = 'Record<string, never>';

/**
 * @param {SpecModel} model
 * @param {Map<string, OperationTypes>} operationTypes each operation's types, from convertSchemas
 * @param {Set<string>} schemaNames the named schema types (what a file imports from schemas.gen.ts)
 * @returns {Map<string, string>} tag -> TypeScript source (without banner)
 */
export function restTypeFiles(model, operationTypes, schemaNames) {
  /** @type {Map<string, { lines: string[], imports: Set<string> }>} */
  const byTag = new Map();
  for (const m of model.operations) {
    const { id, op, x, tag, route, method, payload } = m;
    const types = m.symbols.types;
    const found = operationTypes.get(id);
    if (!found) throw new Error(`${id}: not in the operations openapi-typescript wrote`);
    const file = byTag.get(tag) ?? { lines: [], imports: new Set() };
    const { lines, imports } = file;
    const alias = (/** @type {string} */ name, /** @type {ts.TypeNode} */ type) => {
      referencedNames(type, schemaNames, imports);
      return typeAlias(name, type).trimEnd();
    };
    const where = `${method.toUpperCase()} ${route} · ${x.signed ? `signed, prehash \`${x.prehash}\`` : 'public'}`;
    const doc = jsdoc(
      op.summary,
      '',
      where,
      op.deprecated ? '@deprecated the exchange keeps this endpoint for old clients only' : '',
    );
    lines.push(
      `${doc}${found.params ? alias(types.params, found.params) : `export type ${types.params} = ${NO_PARAMS};`}`,
    );
    if (types.body) {
      if (!found.body) throw new Error(`${id}: a body symbol without a JSON request body`);
      lines.push(`/** JSON body of ${id}. */\n${alias(types.body, found.body)}`);
    }
    lines.push(
      `/** Whole 200 body of ${id}: the success envelope or an error envelope. */\n${alias(types.response, found.response)}`,
    );
    if (payload !== 'none' && !m.success) throw new Error(`${id}: a payload without a success envelope schema`);
    if (payload !== 'none' && m.success) imports.add(m.success);
    lines.push(
      `/** Payload of a successful ${id} (\`x-ascendex.payload: ${payload}\`). */\nexport type ${types.data} = ${PAYLOAD_TYPE[payload](m.success ?? '')};`,
    );
    byTag.set(tag, file);
  }
  const files = new Map();
  for (const [tag, { lines, imports }] of [...byTag].sort(([a], [b]) => a.localeCompare(b))) {
    files.set(
      tag,
      [`import type { ${[...imports].sort().join(', ')} } from '../schemas.gen.js';`, '', ...lines].join('\n'),
    );
  }
  return files;
}
