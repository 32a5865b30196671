// The spec model: every table of the spec that generators read, read here once per process and
// handed to each generator's `generate(model)`, with the names each generator gives what it emits
// for a row (symbols.mjs). This module is the only reader of the tables (the error catalog, the
// enums, the discrepancy log, the REST operations, the WebSocket messages and their dispatch
// metadata); tools/codegen-core/test/spec-model.test.mjs holds every generator to that.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { readYaml } from './yaml.mjs';
import { specDir as defaultSpecDir } from './paths.mjs';
import { refName } from './naming.mjs';
import { getAtPointer } from './json-pointer.mjs';
import { documents, restOperations, operationParams, resolveRef } from './documents.mjs';
import { operationSymbols, messageSymbols } from './symbols.mjs';
/** @import { Operation, Parameter, Schema, SpecObject, OpenApiDocument, AsyncApiDocument } from './types.mjs' */
/** @import { HttpMethod } from './documents.mjs' */
/** @import { OperationSymbols, MessageSymbols } from './symbols.mjs' */
/** @import { ComponentLookup } from './mutate.mjs' */

/** Where each table comes from, repo-relative: the sources generated files name in their banner. */
export const SOURCES = /** @type {const} */ ({
  openapi: 'spec/openapi.yaml',
  asyncapi: 'spec/asyncapi.yaml',
  errorCatalog: 'spec/components/errors.yaml',
  enums: 'spec/components/schemas/enums.yaml',
  discrepancies: 'spec/discrepancies/*.yaml',
});

/**
 * @typedef {{ id: number, name: string, description: string }} ErrorGroup
 * @typedef {{ code: number, reason: string | null, group: string, description: string }} ErrorCode
 * @typedef {{ groups: ErrorGroup[], codes: ErrorCode[] }} ErrorCatalog the error catalog as written
 */

/**
 * One enum of `components/schemas/enums.yaml`.
 * @typedef {{
 *   name: string,
 *   values: (string | number)[],
 *   description?: string,
 *   component: boolean,
 * }} EnumModel `component`: a document refers to it, so it is a component schema (and a type of
 *   packages/types' schemas.gen.ts) too
 */

/**
 * @typedef {{ areas: string[], entries: Record<string, unknown>[] }} DiscrepancyLog every entry of
 *   `spec/discrepancies/*.yaml` (files in name order), tagged first with its file's area
 */

/**
 * One REST operation.
 * @typedef {{
 *   id: string,
 *   tag: string,
 *   method: HttpMethod,
 *   route: string,
 *   op: Operation,
 *   x: Record<string, any>,
 *   payload: 'data' | 'info' | 'body' | 'none',
 *   params: Parameter[],
 *   body?: Schema,
 *   response: Schema,
 *   responseExamples: Record<string, { value: unknown }>,
 *   success?: string,
 *   invalidReasons: string[],
 *   symbols: OperationSymbols,
 * }} OperationModel
 *   `x`: its `x-ascendex` metadata; `payload`: where the success envelope holds the payload
 *   (`x-ascendex.payload`, default `data`); `params`: the path and query parameters that make up
 *   `<Op>Params`, resolved, in spec order; `body`: the JSON request body schema; `response`: the
 *   200 JSON schema (success or error envelope) and `responseExamples` its examples; `success`:
 *   the component schema of the success envelope (the branch of `response` that is not an error
 *   envelope); `invalidReasons`: the reasons its request fields are refused with
 *   (`x-ascendex-invalid`), sorted, each once.
 */

/**
 * @typedef {{ name: string, payload: Schema, message: SpecObject, symbols: MessageSymbols }} MessageModel
 *   a message of `components.messages`; `payload` is its payload schema as the document writes it
 */

/**
 * @typedef {{ name: string, op: string, actions?: string[] }} ClientMessageModel a message a
 *   client sends, told apart by `op` and, for `op: req`, by `action` (every spelling its schema accepts)
 */

/**
 * @typedef {{
 *   openapi: OpenApiDocument,
 *   asyncapi: AsyncApiDocument,
 *   sources: typeof SOURCES,
 *   errorCatalog: ErrorCatalog,
 *   errorOfReason: (reason: string, where?: string) => ErrorCode,
 *   enums: EnumModel[],
 *   discrepancies: DiscrepancyLog,
 *   operations: OperationModel[],
 *   invalidFieldReasons: Map<string, string>,
 *   ws: {
 *     messages: MessageModel[],
 *     clientMessages: ClientMessageModel[],
 *     serverMessages: string[],
 *     discriminators: string[],
 *   },
 * }} SpecModel
 *   `errorOfReason`: the catalog entry of a reason (its first code), throwing for a reason the
 *   catalog does not have (the message starts with `where`, the part of the spec that names it);
 *   `ws.serverMessages`: every message the server sends, in dispatch order
 *   (`x-ascendex-server-messages`); `ws.discriminators`: the top-level fields that tell server
 *   messages apart (`x-ascendex-discriminators`); `invalidFieldReasons`: request field name -> the
 *   reason the exchange refuses an invalid value of it with (`x-ascendex-invalid` on the field or
 *   the component it refers to, in every REST request and client message; one reason per name
 *   across the API, so a refusal can be named from the field alone), sorted by name.
 */

/** @type {SpecModel | undefined} */
let cached;
/** The model of the working tree's spec/, read once per process. */
export function specModel() {
  cached ??= buildSpecModel({ ...documents(), ...readTables(defaultSpecDir) });
  return cached;
}

/**
 * The tables that live in files of their own (the documents embed the error catalog too, and
 * `buildSpecModel` checks that they embed this one).
 * @param {string} specDir
 * @returns {{ errorCatalog: ErrorCatalog, enums: Record<string, Schema>, discrepancies: DiscrepancyLog }}
 */
export function readTables(specDir) {
  return {
    errorCatalog: readYaml(path.join(specDir, 'components', 'errors.yaml')),
    enums: readYaml(path.join(specDir, 'components', 'schemas', 'enums.yaml')),
    discrepancies: readDiscrepancies(path.join(specDir, 'discrepancies/')),
  };
}

/**
 * @param {string} dir
 * @returns {DiscrepancyLog}
 */
function readDiscrepancies(dir) {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  const areas = files.map((f) => path.basename(f, '.yaml'));
  const entries = files.flatMap((file, i) => {
    const log = readYaml(path.join(dir, file));
    if (!Array.isArray(log)) throw new Error(`spec/discrepancies/${file} must be a list of entries`);
    return log.map((entry) => ({ area: areas[i], ...entry }));
  });
  return { areas, entries };
}

/**
 * Builds the model from the bundled documents and the tables (pure: tests hand it altered tables
 * to see that every generator follows the model).
 * @param {{
 *   openapi: OpenApiDocument,
 *   asyncapi: AsyncApiDocument,
 *   errorCatalog: ErrorCatalog,
 *   enums: Record<string, Schema>,
 *   discrepancies: DiscrepancyLog,
 * }} input
 * @returns {SpecModel}
 */
export function buildSpecModel({ openapi, asyncapi, errorCatalog, enums, discrepancies }) {
  for (const [name, doc] of /** @type {const} */ ([
    ['openapi', openapi],
    ['asyncapi', asyncapi],
  ])) {
    if (!isDeepStrictEqual(doc['x-ascendex-error-catalog'], errorCatalog)) {
      throw new Error(`${SOURCES[name]}: x-ascendex-error-catalog must be ${SOURCES.errorCatalog}`);
    }
  }
  /** @type {Map<string, ErrorCode>} */
  const byReason = new Map();
  for (const c of errorCatalog.codes) if (c.reason !== null && !byReason.has(c.reason)) byReason.set(c.reason, c);
  /** @param {string} name */
  const isComponent = (name) => name in openapi.components.schemas || name in asyncapi.components.schemas;
  /** @type {ComponentLookup} */
  const component = (name) => openapi.components.schemas[name] ?? asyncapi.components.schemas[name];
  const operations = operationModels(openapi);
  const clientMessages = clientMessageModels(asyncapi);
  return {
    openapi,
    asyncapi,
    sources: SOURCES,
    errorCatalog,
    errorOfReason(reason, where = 'the spec') {
      const entry = byReason.get(reason);
      if (!entry)
        throw new Error(`${where}: error reason ${reason} is not in the error catalog (${SOURCES.errorCatalog})`);
      return entry;
    },
    enums: Object.entries(enums).map(([name, schema]) => ({
      name,
      values: schema.enum,
      description: schema.description,
      component: isComponent(name),
    })),
    discrepancies,
    operations,
    invalidFieldReasons: fieldReasons(
      [
        ...operations.flatMap((o) => [paramsObject(o.params), ...(o.body ? [o.body] : [])]),
        ...clientMessages.map((m) => component(m.name)),
      ],
      component,
    ),
    ws: {
      messages: messageModels(asyncapi),
      clientMessages,
      serverMessages: asyncapi['x-ascendex-server-messages'] ?? [],
      discriminators: asyncapi['x-ascendex-discriminators'] ?? [],
    },
  };
}

/**
 * @param {OpenApiDocument} openapi
 * @returns {OperationModel[]} every REST operation, in spec order
 */
function operationModels(openapi) {
  return restOperations(openapi).map(({ route, method, op }) => {
    const id = op.operationId;
    const tag = op.tags?.[0];
    if (!tag) throw new Error(`${id} has no tag`);
    const body = op.requestBody?.content?.['application/json']?.schema;
    const content = op.responses['200'].content['application/json'];
    const success = successSchema(openapi, content.schema);
    const params = operationParams(openapi, op);
    /** @type {ComponentLookup} */
    const component = (name) => openapi.components.schemas[name];
    const requestSchemas = [paramsObject(params), ...(body ? [body] : [])];
    return {
      id,
      tag,
      method,
      route,
      op,
      x: op['x-ascendex'],
      payload: op['x-ascendex'].payload ?? 'data',
      params,
      ...(body ? { body } : {}),
      response: content.schema,
      responseExamples: content.examples ?? {},
      ...(success ? { success } : {}),
      invalidReasons: [...new Set(fieldReasons(requestSchemas, component).values())].sort(),
      symbols: operationSymbols(id, { hasBody: Boolean(body), success }),
    };
  });
}

/**
 * Parameters as the properties of one object schema (what `x-ascendex-invalid` is looked up in).
 * @param {Parameter[]} params
 * @returns {Schema}
 */
const paramsObject = (params) => ({
  type: 'object',
  properties: Object.fromEntries(params.map((p) => [p.name, p.schema])),
});

/**
 * Property name -> the reason the exchange refuses an invalid value of it with, from
 * `x-ascendex-invalid` on the property (or on the component it refers to) in request schemas.
 * @param {(Schema | undefined)[]} schemas request schemas (parameters, bodies, client messages)
 * @param {ComponentLookup} component
 * @returns {Map<string, string>} property name -> reason, sorted by name
 */
function fieldReasons(schemas, component) {
  /** @type {Map<string, string>} */
  const reasons = new Map();
  const seen = new Set();
  /** @param {string} name @param {string} reason */
  const note = (name, reason) => {
    if (reasons.has(name) && reasons.get(name) !== reason) {
      throw new Error(`x-ascendex-invalid: ${name} is refused as both ${reasons.get(name)} and ${reason}`);
    }
    reasons.set(name, reason);
  };
  /** @param {Schema} schema @returns {string | undefined} */
  const reasonOf = (schema) => {
    for (
      let /** @type {Schema | undefined} */ s = schema;
      s && typeof s === 'object';
      s = s.$ref ? component(refName(s.$ref)) : undefined
    ) {
      if (s['x-ascendex-invalid']) return s['x-ascendex-invalid'];
      if (!s.$ref) return undefined;
    }
    return undefined;
  };
  /** @param {unknown} schema @returns {void} */
  const walk = (schema) => {
    if (!schema || typeof schema !== 'object' || seen.has(schema)) return;
    seen.add(schema);
    if (Array.isArray(schema)) return schema.forEach(walk);
    const s = /** @type {Schema} */ (schema);
    if (s.$ref) walk(component(refName(s.$ref)));
    for (const [name, sub] of Object.entries(s.properties ?? {})) {
      const reason = reasonOf(sub);
      if (reason) note(name, reason);
    }
    for (const [key, value] of Object.entries(s)) if (key !== 'examples' && key !== 'example') walk(value);
  };
  schemas.forEach(walk);
  return new Map([...reasons].sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * The component schema of the success envelope: the `oneOf` branch of the 200 schema that is not
 * an error envelope (`x-ascendex-error-envelope`).
 * @param {OpenApiDocument} openapi
 * @param {Schema} response
 * @returns {string | undefined}
 */
function successSchema(openapi, response) {
  /** @type {string[]} */
  const names = (response.oneOf ?? [])
    .filter((/** @type {Schema} */ s) => s.$ref)
    .map((/** @type {Schema} */ s) => refName(s.$ref));
  return names.find((n) => openapi.components.schemas[n]?.['x-ascendex-error-envelope'] !== true);
}

/**
 * @param {AsyncApiDocument} asyncapi
 * @returns {MessageModel[]} every message of `components.messages`, in document order
 */
function messageModels(asyncapi) {
  return Object.values(asyncapi.components?.messages ?? {}).map((m) => ({
    name: m.name,
    payload: m.payload,
    message: m,
    symbols: messageSymbols(m.name),
  }));
}

/**
 * The messages a client can send (those of `send` operations), sorted by name.
 * @param {AsyncApiDocument} asyncapi
 * @returns {ClientMessageModel[]}
 */
function clientMessageModels(asyncapi) {
  /** @type {ClientMessageModel[]} */
  const out = [];
  const names = new Set();
  for (const operation of Object.values(asyncapi.operations ?? {})) {
    if (operation.action !== 'send') continue;
    for (const ref of operation.messages ?? []) {
      const message = resolveMessage(asyncapi, ref);
      if (names.has(message.name)) continue;
      names.add(message.name);
      const payload = resolveRef(asyncapi, message.payload);
      const op = payload?.properties?.op?.const;
      if (typeof op !== 'string') throw new Error(`client message ${message.name} has no const op`);
      const action = payload?.properties?.action;
      const actions = action ? (action.const !== undefined ? [action.const] : action.enum) : undefined;
      out.push(actions ? { name: message.name, op, actions } : { name: message.name, op });
    }
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Follows a message ref (`#/channels/<c>/messages/<m>` or `#/components/messages/<m>`).
 * @param {AsyncApiDocument} asyncapi
 * @param {SpecObject} ref an object with a `$ref`
 * @returns {SpecObject}
 */
function resolveMessage(asyncapi, ref) {
  const node = /** @type {SpecObject} */ (getAtPointer(asyncapi, ref.$ref.slice(1)));
  return node.$ref ? resolveMessage(asyncapi, node) : node;
}
