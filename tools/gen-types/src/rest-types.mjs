// Named REST types per tag: <Op>Params (path + query), <Op>Body, <Op>Response (the whole 200
// body: success or error envelope) and <Op>Data (the payload inside the success envelope), named
// by the spec model's operation symbols. The success envelope is a component schema, so its type
// comes from schemas.gen.ts.
import { jsdoc, PARAMS_IN, typesSymbols } from '@ascendex-toolkit/codegen-core';
/** @import { OperationModel, SpecModel } from '@ascendex-toolkit/codegen-core' */

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

const OPERATIONS = typesSymbols.operations;

/** @param {OperationModel} m */
function paramsType({ params, id }) {
  const parts = PARAMS_IN.filter((where) => params.some((p) => p.in === where)).map(
    (where) => `NonNullable<${OPERATIONS}['${id}']['parameters']['${where}']>`,
  );
  return parts.length ? parts.join(' & ') : 'Record<string, never>';
}

/**
 * @param {SpecModel} model
 * @returns {Map<string, string>} tag -> TypeScript source (without banner)
 */
export function restTypeFiles(model) {
  /** @type {Map<string, { lines: string[], successes: Set<string> }>} */
  const byTag = new Map();
  for (const m of model.operations) {
    const { id, op, x, tag, route, method, payload } = m;
    const types = m.symbols.types;
    const file = byTag.get(tag) ?? { lines: [], successes: new Set() };
    const lines = file.lines;
    const where = `${method.toUpperCase()} ${route} · ${x.signed ? `signed, prehash \`${x.prehash}\`` : 'public'}`;
    const doc = jsdoc(
      op.summary,
      '',
      where,
      op.deprecated ? '@deprecated the exchange keeps this endpoint for old clients only' : '',
    );
    lines.push(`${doc}export type ${types.params} = ${paramsType(m)};`);
    if (types.body) {
      lines.push(
        `/** JSON body of ${id}. */\nexport type ${types.body} = NonNullable<${OPERATIONS}['${id}']['requestBody']>['content']['application/json'];`,
      );
    }
    lines.push(
      `/** Whole 200 body of ${id}: the success envelope or an error envelope. */\nexport type ${types.response} = ${OPERATIONS}['${id}']['responses'][200]['content']['application/json'];`,
    );
    if (payload !== 'none' && !m.success) throw new Error(`${id}: a payload without a success envelope schema`);
    if (payload !== 'none' && m.success) file.successes.add(m.success);
    lines.push(
      `/** Payload of a successful ${id} (\`x-ascendex.payload: ${payload}\`). */\nexport type ${types.data} = ${PAYLOAD_TYPE[payload](m.success ?? '')};`,
    );
    byTag.set(tag, file);
  }
  const files = new Map();
  for (const [tag, { lines, successes }] of [...byTag].sort(([a], [b]) => a.localeCompare(b))) {
    files.set(
      tag,
      [
        `import type { ${OPERATIONS} } from './paths.gen.js';`,
        `import type { ${[...successes].sort().join(', ')} } from '../schemas.gen.js';`,
        '',
        ...lines,
      ].join('\n'),
    );
  }
  return files;
}
