// The client's operation layer, generated from the spec's operations:
// - `operations/<tag>.gen.ts`: per operation, its row of the operation table (`<op>Operation`:
//   method, path, where each field goes, signing, account group and category, payload kind, the
//   strict validators), its `<Op>Input` type and the standalone function `<op>(client, params)`.
//   One file per tag, and each row imports only its own validators, so an app bundles only the
//   operations it calls; signing and account-group discovery are imported only by signed rows.
// - `table.gen.ts`: every row by operationId and the types of the typed `request()`.
// - `client.gen.ts`: `AscendexClient`, one method per operation.
import {
  banner,
  formatCode,
  jsdoc,
  kebab,
  pascal,
  restOperations,
  operationParams,
  resolveRef,
} from '@ascendex-toolkit/codegen-core';
/** @import { OpenApiDocument, Operation, Schema } from '@ascendex-toolkit/codegen-core' */

const GENERATOR = 'tools/gen-client';
const SOURCE = 'spec/openapi.yaml';
/** The operation the account group is discovered through. */
const DISCOVERY = 'getAccountInfo';

/**
 * @typedef {{
 *   id: string, Id: string, tag: string, method: string, route: string, op: Operation,
 *   pathParams: string[], queryParams: string[], hasBody: boolean, bodyRequired: boolean,
 *   required: boolean, fillTime: 'body' | 'orders' | undefined, x: Record<string, any>,
 * }} OperationModel
 */

/**
 * True when `schema` (through refs and `oneOf` branches) has a `time` property.
 * @param {OpenApiDocument} openapi
 * @param {Schema | undefined} schema
 * @returns {boolean}
 */
function hasTime(openapi, schema) {
  const s = resolveRef(openapi, schema);
  if (!s || typeof s !== 'object') return false;
  if (s.properties?.time) return true;
  return (s.oneOf ?? s.anyOf ?? []).some((/** @type {Schema} */ branch) => hasTime(openapi, branch));
}

/**
 * Where the client fills in `time`: on the body itself, or on each item of its `orders`.
 * @param {OpenApiDocument} openapi
 * @param {Schema | undefined} bodySchema
 * @returns {'body' | 'orders' | undefined}
 */
function timeTarget(openapi, bodySchema) {
  if (!bodySchema) return undefined;
  if (hasTime(openapi, bodySchema)) return 'body';
  const orders = resolveRef(openapi, bodySchema)?.properties?.orders;
  return orders?.items && hasTime(openapi, orders.items) ? 'orders' : undefined;
}

/**
 * @param {OpenApiDocument} openapi
 * @returns {OperationModel[]}
 */
function models(openapi) {
  return restOperations(openapi).map(({ route, method, op }) => {
    const params = operationParams(openapi, op).filter((p) => p.name !== 'accountGroup');
    const bodySchema = op.requestBody?.content?.['application/json']?.schema;
    const body = resolveRef(openapi, bodySchema);
    const pathParams = params.filter((p) => p.in === 'path').map((p) => p.name);
    const queryParams = params.filter((p) => p.in === 'query').map((p) => p.name);
    for (const name of Object.keys(body?.properties ?? {})) {
      if (pathParams.includes(name) || queryParams.includes(name))
        throw new Error(`${op.operationId}: body field ${name} is also a parameter; one object cannot hold both`);
    }
    const fillTime = timeTarget(openapi, bodySchema);
    // `time` is filled in, so it does not make a body required.
    const bodyRequired =
      Boolean(op.requestBody) &&
      (Boolean(body?.oneOf) || (body?.required ?? []).some((/** @type {string} */ f) => f !== 'time'));
    return {
      id: op.operationId,
      Id: pascal(op.operationId),
      tag: op.tags[0] ?? 'untagged',
      method: method.toUpperCase(),
      route,
      op,
      pathParams,
      queryParams,
      hasBody: Boolean(op.requestBody),
      bodyRequired,
      required: params.some((p) => p.required) || bodyRequired,
      fillTime,
      x: op['x-ascendex'],
    };
  });
}

/**
 * The `<Op>Input` type: path and query fields (without `accountGroup`) and body fields side by side.
 * @param {OperationModel} m
 */
function inputType(m) {
  const params = m.x.accountGroup ? `Omit<${m.Id}Params, 'accountGroup'>` : `${m.Id}Params`;
  if (!m.hasBody) return params;
  const body =
    m.fillTime === 'body'
      ? `WithOptionalTime<${m.Id}Body>`
      : m.fillTime === 'orders'
        ? `OrdersWithOptionalTime<${m.Id}Body>`
        : `${m.Id}Body`;
  return `${params} & ${body}`;
}

/** @param {OperationModel} m */
function describe(m) {
  const x = m.x;
  return `${m.method} ${m.route}${x.signed ? ` · signed, prehash \`${x.prehash}\`` : ''}`;
}

/**
 * The result type of a call of `m` given the input type `P` (only `singleOrList` operations depend on it).
 * @param {OperationModel} m
 */
const resultType = (m) =>
  m.x.singleOrList ? `SingleOrList<P['${m.x.singleOrList.param}'], ${m.Id}Data>` : `${m.Id}Data`;

/**
 * The signature of the function or method of `m` (after `client` for functions).
 * @param {OperationModel} m
 */
function signature(m) {
  const q = m.required ? '' : '?';
  if (m.x.singleOrList) {
    return {
      generics: `<const P extends ${m.Id}Input = ${m.Id}Input>`,
      params: `params${q}: P, options?: CallOptions`,
      result: resultType(m),
    };
  }
  return { generics: '', params: `params${q}: ${m.Id}Input, options?: CallOptions`, result: `${m.Id}Data` };
}

/**
 * @param {OperationModel} m
 */
function docOf(m) {
  return jsdoc(
    m.op.summary,
    describe(m),
    m.x.singleOrList
      ? `One \`${m.x.singleOrList.param}\` without a comma gives one item; a comma-separated list (or none) gives a list.`
      : '',
    m.op.deprecated ? '@deprecated the exchange keeps this endpoint for old clients only' : '',
  );
}

/**
 * @param {OperationModel} m
 */
function row(m) {
  const x = m.x;
  const fields = [
    `id: '${m.id}'`,
    `method: '${m.method}'`,
    `path: '${m.route}'`,
    `pathParams: ${JSON.stringify(m.pathParams)}`,
    `queryParams: ${JSON.stringify(m.queryParams)}`,
    `hasBody: ${m.hasBody}`,
    `stringifyBody: ${m.hasBody ? 'stringifyJson' : 'undefined'}`,
    `accountGroup: ${Boolean(x.accountGroup)}`,
    `accountCategory: ${Boolean(x.accountCategory)}`,
    `payload: '${x.payload ?? 'data'}'`,
    `singleOrList: ${x.singleOrList ? `'${x.singleOrList.param}'` : 'undefined'}`,
    `fillTime: ${m.fillTime ? `'${m.fillTime}'` : 'undefined'}`,
    `assertParams: assert${m.Id}Params`,
    `assertBody: ${m.hasBody ? `assert${m.Id}Body` : 'undefined'}`,
    `assertResponse: assert${m.Id}Response`,
    `assertSuccess: assert${m.Id}Success`,
    `auth: ${x.signed ? `{ prehash: '${x.prehash}', sign: signRequest }` : 'undefined'}`,
    `discoverAccountGroup: ${x.accountGroup ? `${DISCOVERY}Operation` : 'undefined'}`,
  ];
  return `${jsdoc(`The operation table's row of ${m.id}.`)}export const ${m.id}Operation: OperationSpec = {\n${fields.join(',\n')}\n};\n`;
}

/**
 * @param {string} tag
 * @param {OperationModel[]} ops
 */
function tagFile(tag, ops) {
  const types = ops.flatMap((m) => [`${m.Id}Params`, ...(m.hasBody ? [`${m.Id}Body`] : []), `${m.Id}Data`]);
  const validators = [
    ...ops.flatMap((m) => [
      `assert${m.Id}Params`,
      ...(m.hasBody ? [`assert${m.Id}Body`] : []),
      `assert${m.Id}Response`,
      `assert${m.Id}Success`,
    ]),
    // Only rows with a body serialise one: apps that call GET operations only do not bundle it.
    ...(ops.some((m) => m.hasBody) ? ['stringifyJson'] : []),
  ];
  const helpers = [
    'OperationSpec',
    ...(ops.some((m) => m.x.singleOrList) ? ['SingleOrList'] : []),
    ...(ops.some((m) => m.fillTime === 'body') ? ['WithOptionalTime'] : []),
    ...(ops.some((m) => m.fillTime === 'orders') ? ['OrdersWithOptionalTime'] : []),
  ];
  const needsDiscovery = ops.some((m) => m.x.accountGroup);
  const discoveryHere = ops.some((m) => m.id === DISCOVERY);
  const imports = [
    `import type { ${types.join(', ')} } from '@ascendex-toolkit/types';`,
    `import { ${validators.join(', ')} } from '@ascendex-toolkit/validators';`,
    `import { call } from '../../core/request.js';`,
    `import type { ClientCore } from '../../core/client-core.js';`,
    `import type { CallOptions } from '../../core/options.js';`,
    `import type { ${helpers.join(', ')} } from '../../core/operation.js';`,
    ...(ops.some((m) => m.x.signed) ? [`import { signRequest } from '../../core/signing.js';`] : []),
    ...(needsDiscovery && !discoveryHere ? [`import { ${DISCOVERY}Operation } from './account.gen.js';`] : []),
  ];
  // The discovery row comes first so that rows of the same file can refer to it.
  const ordered = [...ops.filter((m) => m.id === DISCOVERY), ...ops.filter((m) => m.id !== DISCOVERY)];
  const body = ordered.map((m) => {
    const s = signature(m);
    return [
      jsdoc(`What ${m.id} takes: path, query and body fields side by side.`),
      `export type ${m.Id}Input = ${inputType(m)};\n`,
      row(m),
      docOf(m),
      `export function ${m.id}${s.generics}(client: ClientCore, ${s.params}): Promise<${s.result}> {\n`,
      `  return call(client, ${m.id}Operation, params, options);\n}\n`,
    ].join('');
  });
  return `${banner(GENERATOR, [SOURCE])}\n${imports.join('\n')}\n\n${body.join('\n')}`;
}

/**
 * @param {OperationModel[]} all
 */
function tableFile(all) {
  const byTag = groupByTag(all);
  const imports = [...byTag].map(
    ([tag, ops]) =>
      `import { ${ops.map((m) => `${m.id}Operation`).join(', ')} } from './operations/${kebab(tag)}.gen.js';\n` +
      `import type { ${ops.map((m) => `${m.Id}Input`).join(', ')} } from './operations/${kebab(tag)}.gen.js';`,
  );
  const dataTypes = all.map((m) => `${m.Id}Data`);
  return `${banner(GENERATOR, [SOURCE])}
import type { ${dataTypes.join(', ')} } from '@ascendex-toolkit/types';
import type { CallArgs, OperationSpec } from '../core/operation.js';
${imports.join('\n')}

${jsdoc('Every REST operation by operationId: the data the request core runs.')}export const operationTable = {
${all.map((m) => `${m.id}: ${m.id}Operation`).join(',\n')}
} as const satisfies Record<string, OperationSpec>;

${jsdoc('An operationId.')}export type OperationId = keyof typeof operationTable;

${jsdoc('What each operation takes.')}export interface OperationInputs {
${all.map((m) => `${m.id}: ${m.Id}Input;`).join('\n')}
}

${jsdoc('What each operation returns (the payload of its success body).')}export interface OperationResults {
${all.map((m) => `${m.id}: ${m.Id}Data;`).join('\n')}
}

${jsdoc('The arguments of `request(operationId, ...)`: the input is optional where nothing in it is required.')}export interface OperationArgs {
${all.map((m) => `${m.id}: CallArgs<${m.Id}Input, ${!m.required}>;`).join('\n')}
}
`;
}

/**
 * @param {OperationModel[]} all
 */
function clientFile(all) {
  const byTag = groupByTag(all);
  const imports = [...byTag].map(
    ([tag, ops]) =>
      `import { ${ops.map((m) => `${m.id} as ${m.id}Call, type ${m.Id}Input`).join(', ')} } from './operations/${kebab(tag)}.gen.js';`,
  );
  const helpers = ['SingleOrList'];
  const methods = all.map((m) => {
    const s = signature(m);
    return `${docOf(m)}${m.id}${s.generics}(${s.params}): Promise<${s.result}> {\n  return ${m.id}Call(this, params, options);\n}\n`;
  });
  return `${banner(GENERATOR, [SOURCE])}
import type { ${all.map((m) => `${m.Id}Data`).join(', ')} } from '@ascendex-toolkit/types';
import { ClientCore } from '../core/client-core.js';
import { call } from '../core/request.js';
import { syncClock } from '../core/clock.js';
import type { CallOptions } from '../core/options.js';
import type { ${helpers.join(', ')} } from '../core/operation.js';
import { operationTable, type OperationArgs, type OperationId, type OperationResults } from './table.gen.js';
${imports.join('\n')}

${jsdoc(
  'The AscendEX Pro REST client: one method per operation, named by its operationId, taking one',
  'object with path, query and body fields side by side and returning the typed payload.',
  '@public',
)}export class AscendexClient extends ClientCore {
${methods.join('\n')}
${jsdoc('Calls any operation by its operationId.')}request<K extends OperationId>(operationId: K, ...[params, options]: OperationArgs[K]): Promise<OperationResults[K]> {
  return call(this, operationTable[operationId], params, options);
}

${jsdoc(
  'Measures the offset between this machine and the server clock (getExchangeLatency) and applies it',
  'to signatures and order times from then on. Returns the offset in ms.',
)}syncClock(options?: CallOptions): Promise<number> {
  return syncClock(this, options);
}
}
`;
}

/**
 * @param {OperationModel[]} all
 * @returns {Map<string, OperationModel[]>}
 */
function groupByTag(all) {
  /** @type {Map<string, OperationModel[]>} */
  const byTag = new Map();
  for (const m of all) byTag.set(m.tag, [...(byTag.get(m.tag) ?? []), m]);
  return byTag;
}

/**
 * @param {OpenApiDocument} openapi
 * @param {string} outDir
 * @returns {Promise<Map<string, string>>}
 */
export async function operationFiles(openapi, outDir) {
  const all = models(openapi);
  /** @type {Map<string, string>} */
  const files = new Map();
  for (const [tag, ops] of groupByTag(all)) {
    files.set(`${outDir}/operations/${kebab(tag)}.gen.ts`, await formatCode(tagFile(tag, ops)));
  }
  files.set(`${outDir}/table.gen.ts`, await formatCode(tableFile(all)));
  files.set(`${outDir}/client.gen.ts`, await formatCode(clientFile(all)));
  return files;
}
