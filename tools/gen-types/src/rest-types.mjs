// Named REST types per tag: <Op>Params (path + query), <Op>Body, <Op>Response (the whole 200
// body: success or error envelope) and <Op>Data (the payload inside the success envelope).
// <Op>Success is a component schema, so it comes from schemas.gen.ts.
import { restOperations, pascal, jsdoc, operationParams, PARAMS_IN } from '@ascendex-toolkit/codegen-core';
/** @import { Operation, OpenApiDocument } from '@ascendex-toolkit/codegen-core' */

/**
 * `x-ascendex.payload` -> the `<Op>Data` type, given the `<Op>Success` type name.
 * @type {Record<'data' | 'info' | 'body' | 'none', (success: string) => string>}
 */
const PAYLOAD_TYPE = {
  data: (s) => `${s}['data']`,
  info: (s) => `${s}['info']`,
  body: (s) => s,
  none: () => 'undefined',
};

/**
 * @param {OpenApiDocument} openapi
 * @param {Operation} op
 * @param {string} id
 */
function paramsType(openapi, op, id) {
  const params = operationParams(openapi, op);
  const parts = PARAMS_IN.filter((where) => params.some((p) => p.in === where)).map(
    (where) => `NonNullable<operations['${id}']['parameters']['${where}']>`,
  );
  return parts.length ? parts.join(' & ') : 'Record<string, never>';
}

/**
 * @param {OpenApiDocument} openapi
 * @returns {Map<string, string>} tag -> TypeScript source (without banner)
 */
export function restTypeFiles(openapi) {
  const byTag = new Map();
  for (const { route, method, op } of restOperations(openapi)) {
    const id = op.operationId;
    const Op = pascal(id);
    const x = op['x-ascendex'];
    const tag = op.tags[0];
    const lines = byTag.get(tag) ?? [];
    const where = `${method.toUpperCase()} ${route} · ${x.signed ? `signed, prehash \`${x.prehash}\`` : 'public'}`;
    const doc = jsdoc(
      op.summary,
      '',
      where,
      op.deprecated ? '@deprecated the exchange keeps this endpoint for old clients only' : '',
    );
    lines.push(`${doc}export type ${Op}Params = ${paramsType(openapi, op, id)};`);
    if (op.requestBody) {
      lines.push(
        `/** JSON body of ${id}. */\nexport type ${Op}Body = NonNullable<operations['${id}']['requestBody']>['content']['application/json'];`,
      );
    }
    lines.push(
      `/** Whole 200 body of ${id}: the success envelope or an error envelope. */\nexport type ${Op}Response = operations['${id}']['responses'][200]['content']['application/json'];`,
    );
    /** @type {keyof typeof PAYLOAD_TYPE} */
    const payload = x.payload ?? 'data';
    lines.push(
      `/** Payload of a successful ${id} (\`x-ascendex.payload: ${payload}\`). */\nexport type ${Op}Data = ${PAYLOAD_TYPE[payload](`${Op}Success`)};`,
    );
    byTag.set(tag, lines);
  }
  const files = new Map();
  for (const [tag, lines] of [...byTag].sort(([a], [b]) => a.localeCompare(b))) {
    const successes = [...new Set(lines.join('\n').match(/\b\w+Success\b/g))].sort();
    files.set(
      tag,
      [
        `import type { operations } from './paths.gen.js';`,
        `import type { ${successes.join(', ')} } from '../schemas.gen.js';`,
        '',
        ...lines,
      ].join('\n'),
    );
  }
  return files;
}
