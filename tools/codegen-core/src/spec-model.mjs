// The bundled documents and small helpers every generator uses to walk them.
import { bundle } from './bundle.mjs';
import { openapiRoot, asyncapiRoot } from './paths.mjs';
import { refName } from './naming.mjs';

let cached;
export function documents() {
  cached ??= { openapi: bundle(openapiRoot), asyncapi: bundle(asyncapiRoot) };
  return cached;
}

/** The HTTP methods an OpenAPI path item may hold operations under, in the order they are listed. */
export const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/**
 * Follows `#/components/<kind>/<Name>` refs of a bundled document until a node that is not a ref
 * (returns anything else as it is).
 */
export function resolveRef(doc, node) {
  let n = node;
  while (n && typeof n === 'object' && typeof n.$ref === 'string') {
    const [, , kind] = n.$ref.split('/');
    n = doc.components[kind][refName(n.$ref)];
  }
  return n;
}

/** Resolves a `#/components/parameters/X` ref (or returns the inline parameter). */
export function resolveParameter(openapi, p) {
  return resolveRef(openapi, p);
}

/** Where the members of `<Op>Params` come from. */
export const PARAMS_IN = ['path', 'query'];

/**
 * The parameters that make up an operation's `<Op>Params` (its path and query parameters, resolved,
 * in spec order): the one rule behind both the `<Op>Params` type and its validator.
 */
export function operationParams(openapi, op) {
  return (op.parameters ?? []).map((p) => resolveParameter(openapi, p)).filter((p) => PARAMS_IN.includes(p.in));
}

/** The payload schema of every message in `components.messages`, keyed by message name. */
export function wsMessages(asyncapi) {
  return Object.values(asyncapi.components?.messages ?? {}).map((m) => ({ name: m.name, payload: m.payload, message: m }));
}

/** Every REST operation with its route and method, in spec order. */
export function restOperations(openapi) {
  return Object.entries(openapi.paths ?? {}).flatMap(([route, item]) =>
    METHODS.filter((m) => item[m]).map((method) => ({ route, method, op: item[method] })),
  );
}
