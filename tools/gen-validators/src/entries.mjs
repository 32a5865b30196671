// Which validators exist: per REST operation its Params, Body, Response and Success; per
// WebSocket message its payload. Each is named after the type it checks (the spec model's symbols:
// `GetDepthParams`, `DepthMessage`, ...), and its functions after that (`validatorSymbols`).
import { refName } from '@ascendex-toolkit/codegen-core';
/** @import { Schema, OperationModel, SpecModel } from '@ascendex-toolkit/codegen-core' */

/** @typedef {{ name: string, schema: Schema }} ValidatorEntry one generated validator: `validate<name>` checks `schema` */

/**
 * The object schema of an operation's path and query parameters together.
 * @param {OperationModel} operation
 * @returns {Schema}
 */
function paramsSchema({ params }) {
  return {
    type: 'object',
    properties: Object.fromEntries(params.map((p) => [p.name, p.schema])),
    required: params.filter((p) => p.required).map((p) => p.name),
    additionalProperties: false,
  };
}

/**
 * @param {SpecModel} model
 * @returns {Map<string, ValidatorEntry[]>} tag -> validators
 */
export function restEntries({ openapi, operations }) {
  const byTag = new Map();
  for (const operation of operations) {
    const { types } = operation.symbols;
    const list = byTag.get(operation.tag) ?? [];
    list.push({ name: types.params, schema: paramsSchema(operation) });
    if (types.body && operation.body) list.push({ name: types.body, schema: operation.body });
    list.push({ name: types.response, schema: operation.response });
    if (operation.success)
      list.push({ name: operation.success, schema: openapi.components.schemas[operation.success] });
    byTag.set(operation.tag, list);
  }
  return new Map([...byTag].sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * @param {SpecModel} model
 * @returns {ValidatorEntry[]} one validator per WebSocket message
 */
export function wsEntries({ asyncapi, ws }) {
  const seen = new Set();
  const out = [];
  for (const { payload, symbols } of ws.messages) {
    const name = symbols.type;
    if (seen.has(name)) continue;
    seen.add(name);
    const ref = payload.$ref && refName(payload.$ref);
    out.push({ name, schema: ref === name ? /** @type {Schema} */ (asyncapi.components.schemas[name]) : payload });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}
