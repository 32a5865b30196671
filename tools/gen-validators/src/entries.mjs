// Which validators exist: per REST operation its Params, Body, Response and Success; per
// WebSocket message its payload. Names match the types package (`<Op>Params`, `DepthMessage`, ...).
import { restOperations, pascal, operationParams, wsMessages, refName } from '@ascendex-toolkit/codegen-core';

/** The object schema of an operation's path and query parameters together. */
function paramsSchema(openapi, op) {
  const params = operationParams(openapi, op);
  return {
    type: 'object',
    properties: Object.fromEntries(params.map((p) => [p.name, p.schema])),
    required: params.filter((p) => p.required).map((p) => p.name),
    additionalProperties: false,
  };
}

/** @returns {Map<string, {name: string, schema: object}[]>} tag -> validators */
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

/** @returns {{name: string, schema: object}[]} one validator per WebSocket message */
export function wsEntries(asyncapi) {
  const seen = new Set();
  const out = [];
  for (const { name, payload } of wsMessages(asyncapi)) {
    if (seen.has(name)) continue;
    seen.add(name);
    const ref = payload.$ref && refName(payload.$ref);
    out.push({ name, schema: ref === name ? asyncapi.components.schemas[name] : payload });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}
