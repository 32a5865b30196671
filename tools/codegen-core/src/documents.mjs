// The bundled documents and the helpers that walk them (what the spec model is built from; the
// spec tests and the packages' tests use them too).
import { bundle } from './bundle.mjs';
import { openapiRoot, asyncapiRoot } from './paths.mjs';
import { refName } from './naming.mjs';
/** @import { SpecObject, Parameter, Operation, BundledDocument, OpenApiDocument, AsyncApiDocument } from './types.mjs' */

/** @type {{ openapi: OpenApiDocument, asyncapi: AsyncApiDocument } | undefined} */
let cached;
/** The bundled OpenAPI and AsyncAPI documents, bundled once per process. */
export function documents() {
  cached ??= {
    openapi: /** @type {OpenApiDocument} */ (bundle(openapiRoot)),
    asyncapi: /** @type {AsyncApiDocument} */ (bundle(asyncapiRoot)),
  };
  return cached;
}

/** The HTTP methods an OpenAPI path item may hold operations under, in the order they are listed. */
export const METHODS = /** @type {const} */ (['get', 'put', 'post', 'delete', 'patch']);
/** @typedef {(typeof METHODS)[number]} HttpMethod one of METHODS */

/**
 * Follows `#/components/<kind>/<Name>` refs of a bundled document until a node that is not a ref
 * (returns anything else as it is).
 * @template T
 * @param {BundledDocument} doc
 * @param {T | { $ref: string }} node
 * @returns {T}
 */
export function resolveRef(doc, node) {
  /** @type {any} a ref or what it names */
  let n = node;
  while (n && typeof n === 'object' && typeof n.$ref === 'string') {
    const kind = /** @type {keyof BundledDocument['components']} */ (n.$ref.split('/')[2]);
    n = doc.components[kind]?.[refName(n.$ref)];
  }
  return n;
}

/**
 * Resolves a `#/components/parameters/X` ref (or returns the inline parameter).
 * @param {BundledDocument} openapi
 * @param {Parameter | { $ref: string }} p
 * @returns {Parameter}
 */
export function resolveParameter(openapi, p) {
  return resolveRef(openapi, p);
}

/** Where the members of `<Op>Params` come from. */
export const PARAMS_IN = /** @type {const} */ (['path', 'query']);

/**
 * The parameters that make up an operation's `<Op>Params` (its path and query parameters, resolved,
 * in spec order): the one rule behind both the `<Op>Params` type and its validator.
 * @param {BundledDocument} openapi
 * @param {Operation} op
 * @returns {Parameter[]}
 */
export function operationParams(openapi, op) {
  return (op.parameters ?? [])
    .map((p) => resolveParameter(openapi, p))
    .filter((p) => /** @type {readonly string[]} */ (PARAMS_IN).includes(p.in));
}

/**
 * The payload schema of every message in `components.messages`, keyed by message name.
 * @param {BundledDocument} asyncapi
 * @returns {{ name: string, payload: SpecObject, message: SpecObject }[]}
 */
export function wsMessages(asyncapi) {
  return Object.values(asyncapi.components?.messages ?? {}).map((m) => ({
    name: m.name,
    payload: m.payload,
    message: m,
  }));
}

/**
 * Every REST operation with its route and method, in spec order.
 * @param {OpenApiDocument} openapi
 * @returns {{ route: string, method: HttpMethod, op: Operation }[]}
 */
export function restOperations(openapi) {
  return Object.entries(openapi.paths ?? {}).flatMap(([route, item]) =>
    METHODS.filter((m) => item[m]).map((method) => ({ route, method, op: /** @type {Operation} */ (item[method]) })),
  );
}
