// Which validators exist: per REST operation its Params, Body, Response and Success; per
// WebSocket message its payload. Names match the types package (`<Op>Params`, `DepthMessage`, ...).
import { restOperations, pascal, operationParams, wsMessages, refName } from '@ascendex-toolkit/codegen-core';
/** @import { Schema, Operation, OpenApiDocument, BundledDocument } from '@ascendex-toolkit/codegen-core' */

/** @typedef {{ name: string, schema: Schema }} ValidatorEntry one generated validator: `validate<name>` checks `schema` */

/**
 * The object schema of an operation's path and query parameters together.
 * @param {OpenApiDocument} openapi
 * @param {Operation} op
 * @returns {Schema}
 */
function paramsSchema(openapi, op) {
  const params = operationParams(openapi, op);
  return {
    type: 'object',
    properties: Object.fromEntries(params.map((p) => [p.name, p.schema])),
    required: params.filter((p) => p.required).map((p) => p.name),
    additionalProperties: false,
  };
}

/**
 * @param {OpenApiDocument} openapi
 * @returns {Map<string, ValidatorEntry[]>} tag -> validators
 */
export function restEntries(openapi) {
  const byTag = new Map();
  for (const { op } of restOperations(openapi)) {
    const Op = pascal(op.operationId);
    const list = byTag.get(op.tags[0]) ?? [];
    list.push({ name: `${Op}Params`, schema: paramsSchema(openapi, op) });
    const body = op.requestBody?.content?.['application/json']?.schema;
    if (body) list.push({ name: `${Op}Body`, schema: body });
    const response = op.responses['200'].content['application/json'].schema;
    list.push({ name: `${Op}Response`, schema: response });
    const success = openapi.components.schemas[`${Op}Success`];
    if (success) list.push({ name: `${Op}Success`, schema: success });
    byTag.set(op.tags[0], list);
  }
  return new Map([...byTag].sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * @param {BundledDocument} asyncapi
 * @returns {ValidatorEntry[]} one validator per WebSocket message
 */
export function wsEntries(asyncapi) {
  const seen = new Set();
  const out = [];
  for (const { name, payload } of wsMessages(asyncapi)) {
    if (seen.has(name)) continue;
    seen.add(name);
    const ref = payload.$ref && refName(payload.$ref);
    out.push({ name, schema: ref === name ? /** @type {Schema} */ (asyncapi.components.schemas[name]) : payload });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}
