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
  resolveRef,
  packageNames,
  runtimeImport,
} from '@ascendex-toolkit/codegen-core';
/** @import { OpenApiDocument, Operation, Schema, SpecModel, OperationSymbols } from '@ascendex-toolkit/codegen-core' */

const GENERATOR = 'tools/gen-client';
const SOURCE = 'spec/openapi.yaml';
/** The operation the account group is discovered through. */
const DISCOVERY = 'getAccountInfo';
/** The operation `syncClock` measures the clock offset through (it reports `requestReceiveAt`);
 * packages/client/src/sync-clock.ts names it too, for the standalone `syncClock`. */
const CLOCK = 'getExchangeLatency';
/** The client's runtime entry, as each generated file imports it. */
const runtime = (/** @type {string} */ file) => runtimeImport('@ascendex-toolkit/client', file);

/**
 * The assertion of an operation's success envelope: the client checks a code-0 answer against it
 * alone, so a refusal names the success shape's fields and not the error envelope's `/code`.
 * @param {string} id
 * @param {{ assert: string } | undefined} success
 */
function successAssert(id, success) {
  if (!success) throw new Error(`${id}: its 200 response has no success envelope to validate answers against`);
  return success.assert;
}

/**
 * One operation as the client's files need it. The names of the types and validators it imports
 * and of what it emits itself are the spec model's symbols: `types` (packages/types), `asserts`
 * (the assertion of each validator of packages/validators), `fn`, `row` and `input` (this client).
 * @typedef {{
 *   id: string, tag: string, method: string, route: string, op: Operation,
 *   pathParams: string[], queryParams: string[], hasBody: boolean, bodyRequired: boolean,
 *   required: boolean, fillTime: 'body' | 'orders' | undefined, x: Record<string, any>,
 *   types: OperationSymbols['types'], asserts: { params: string, body?: string, response: string, success: string },
 *   fn: string, row: string, input: string, discoverWith: string | undefined,
 * }} OperationModel `discoverWith`: the row of the operation the account group is discovered
 *   through, for operations whose route has one
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
 * @param {SpecModel} model
 * @returns {OperationModel[]}
 */
function models({ openapi, operations }) {
  const discovery = operations.find((o) => o.id === DISCOVERY);
  if (!discovery) throw new Error(`no operation ${DISCOVERY} to discover the account group through`);
  return operations.map(({ id, tag, route, method, op, x, params: allParams, body: bodySchema, symbols }) => {
    const params = allParams.filter((p) => p.name !== 'accountGroup');
    const body = resolveRef(openapi, bodySchema);
    const pathParams = params.filter((p) => p.in === 'path').map((p) => p.name);
    const queryParams = params.filter((p) => p.in === 'query').map((p) => p.name);
    for (const name of Object.keys(body?.properties ?? {})) {
      if (pathParams.includes(name) || queryParams.includes(name))
        throw new Error(`${id}: body field ${name} is also a parameter; one object cannot hold both`);
    }
    const fillTime = timeTarget(openapi, bodySchema);
    // `time` is filled in, so it does not make a body required.
    const bodyRequired =
      Boolean(bodySchema) &&
      (Boolean(body?.oneOf) || (body?.required ?? []).some((/** @type {string} */ f) => f !== 'time'));
    const v = symbols.validators;
    return {
      id,
      tag,
      method: method.toUpperCase(),
      route,
      op,
      pathParams,
      queryParams,
      hasBody: Boolean(bodySchema),
      bodyRequired,
      required: params.some((p) => p.required) || bodyRequired,
      fillTime,
      x,
      types: symbols.types,
      asserts: {
        params: v.params.assert,
        ...(v.body ? { body: v.body.assert } : {}),
        response: v.response.assert,
        success: successAssert(id, v.success),
      },
      fn: symbols.client.function,
      row: symbols.client.row,
      input: symbols.client.input,
      discoverWith: x.accountGroup ? discovery.symbols.client.row : undefined,
    };
  });
}

/**
 * The `<Op>Input` type: path and query fields (without `accountGroup`) and body fields side by side,
 * written out with `Expand` so that a hover shows the fields, not the intersection.
 * @param {OperationModel} m
 */
function inputType(m) {
  const params = m.x.accountGroup ? `Omit<${m.types.params}, 'accountGroup'>` : m.types.params;
  if (!m.hasBody) return params;
  const body =
    m.fillTime === 'body'
      ? `WithOptionalTime<${m.types.body}>`
      : m.fillTime === 'orders'
        ? `OrdersWithOptionalTime<${m.types.body}>`
        : m.types.body;
  return `Expand<${params} & ${body}>`;
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
  m.x.singleOrList ? `SingleOrList<P['${m.x.singleOrList.param}'], ${m.types.data}>` : m.types.data;

/**
 * The signature of the function or method of `m` (after `client` for functions).
 * @param {OperationModel} m
 */
function signature(m) {
  const q = m.required ? '' : '?';
  if (m.x.singleOrList) {
    return {
      generics: `<const P extends ${m.input} = ${m.input}>`,
      params: `params${q}: P, options?: CallOptions`,
      result: resultType(m),
    };
  }
  return { generics: '', params: `params${q}: ${m.input}, options?: CallOptions`, result: m.types.data };
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
    `assertParams: ${m.asserts.params}`,
    `assertBody: ${m.asserts.body ?? 'undefined'}`,
    `assertResponse: ${m.asserts.response}`,
    `assertSuccess: ${m.asserts.success}`,
    `auth: ${x.signed ? `{ prehash: '${x.prehash}', sign: signRequest }` : 'undefined'}`,
    `discoverAccountGroup: ${m.discoverWith ?? 'undefined'}`,
    `errors: apiErrors`,
  ];
  return `${jsdoc(`The operation table's row of ${m.id}.`)}export const ${m.row}: OperationSpec = {\n${fields.join(',\n')}\n};\n`;
}

/**
 * @param {string} tag
 * @param {OperationModel[]} ops
 */
function tagFile(tag, ops) {
  const types = ops.flatMap((m) => [m.types.params, ...(m.types.body ? [m.types.body] : []), m.types.data]);
  const validators = [
    ...ops.flatMap((m) => [
      m.asserts.params,
      ...(m.asserts.body ? [m.asserts.body] : []),
      m.asserts.response,
      m.asserts.success,
    ]),
    // Only rows with a body serialise one: apps that call GET operations only do not bundle it.
    ...(ops.some((m) => m.hasBody) ? ['stringifyJson'] : []),
  ];
  const helpers = [
    'ClientCore',
    'CallOptions',
    'OperationSpec',
    ...(ops.some((m) => m.hasBody) ? ['Expand'] : []),
    ...(ops.some((m) => m.x.singleOrList) ? ['SingleOrList'] : []),
    ...(ops.some((m) => m.fillTime === 'body') ? ['WithOptionalTime'] : []),
    ...(ops.some((m) => m.fillTime === 'orders') ? ['OrdersWithOptionalTime'] : []),
  ];
  const discoveryRow = ops.find((m) => m.discoverWith)?.discoverWith;
  const discoveryHere = ops.some((m) => m.id === DISCOVERY);
  const imports = [
    `import type { ${types.join(', ')} } from '${packageNames.types}';`,
    `import { ${validators.join(', ')} } from '${packageNames.validators}';`,
    `import { call, ${ops.some((m) => m.x.signed) ? 'signRequest, ' : ''}${helpers.map((h) => `type ${h}`).join(', ')} } from '${runtime(`operations/${kebab(tag)}.gen.ts`)}';`,
    `import { apiErrors } from '../errors.gen.js';`,
    ...(discoveryRow && !discoveryHere ? [`import { ${discoveryRow} } from './account.gen.js';`] : []),
  ];
  // The discovery row comes first so that rows of the same file can refer to it.
  const ordered = [...ops.filter((m) => m.id === DISCOVERY), ...ops.filter((m) => m.id !== DISCOVERY)];
  const body = ordered.map((m) => {
    const s = signature(m);
    return [
      jsdoc(`What ${m.id} takes: path, query and body fields side by side.`),
      `export type ${m.input} = ${inputType(m)};\n`,
      row(m),
      docOf(m),
      `export function ${m.fn}${s.generics}(client: ClientCore, ${s.params}): Promise<${s.result}> {\n`,
      `  return call(client, ${m.row}, params, options);\n}\n`,
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
      `import { ${ops.map((m) => m.row).join(', ')} } from './operations/${kebab(tag)}.gen.js';\n` +
      `import type { ${ops.map((m) => m.input).join(', ')} } from './operations/${kebab(tag)}.gen.js';`,
  );
  const dataTypes = all.map((m) => m.types.data);
  return `${banner(GENERATOR, [SOURCE])}
import type { ${dataTypes.join(', ')} } from '${packageNames.types}';
import type { CallArgs, OperationSpec } from '${runtime('table.gen.ts')}';
${imports.join('\n')}

${jsdoc('Every REST operation by operationId: the data the request core runs.')}export const operationTable = {
${all.map((m) => `${m.id}: ${m.row}`).join(',\n')}
} as const satisfies Record<string, OperationSpec>;

${jsdoc('An operationId.')}export type OperationId = keyof typeof operationTable;

${jsdoc('What each operation takes.')}export interface OperationInputs {
${all.map((m) => `${m.id}: ${m.input};`).join('\n')}
}

${jsdoc('What each operation returns (the payload of its success body).')}export interface OperationResults {
${all.map((m) => `${m.id}: ${m.types.data};`).join('\n')}
}

${jsdoc('The arguments of `request(operationId, ...)`: the input is optional where nothing in it is required.')}export interface OperationArgs {
${all.map((m) => `${m.id}: CallArgs<${m.input}, ${!m.required}>;`).join('\n')}
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
      `import { ${ops.map((m) => `${m.fn} as ${m.fn}Call, type ${m.input}`).join(', ')} } from './operations/${kebab(tag)}.gen.js';`,
  );
  const clock = all.find((m) => m.id === CLOCK);
  if (!clock) throw new Error(`no operation ${CLOCK} to measure the clock offset through`);
  const methods = all.map((m) => {
    const s = signature(m);
    return `${docOf(m)}${m.id}${s.generics}(${s.params}): Promise<${s.result}> {\n  return ${m.fn}Call(this, params, options);\n}\n`;
  });
  return `${banner(GENERATOR, [SOURCE])}
import type { ${all.map((m) => m.types.data).join(', ')} } from '${packageNames.types}';
import { ClientCore, call, measureClockOffset, type CallOptions, type SingleOrList } from '${runtime('client.gen.ts')}';
import { operationTable, type OperationArgs, type OperationId, type OperationResults } from './table.gen.js';
${imports.join('\n')}
import { ${clock.row} } from './operations/${kebab(clock.tag)}.gen.js';

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
  return measureClockOffset(this, ${clock.row}, options);
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
 * @param {SpecModel} model
 * @param {string} outDir
 * @returns {Promise<Map<string, string>>}
 */
export async function operationFiles(model, outDir) {
  const all = models(model);
  /** @type {Map<string, string>} */
  const files = new Map();
  for (const [tag, ops] of groupByTag(all)) {
    files.set(`${outDir}/operations/${kebab(tag)}.gen.ts`, await formatCode(tagFile(tag, ops)));
  }
  files.set(`${outDir}/table.gen.ts`, await formatCode(tableFile(all)));
  files.set(`${outDir}/client.gen.ts`, await formatCode(clientFile(all)));
  return files;
}
