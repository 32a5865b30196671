// Finds every example in the bundled documents together with the schema it must satisfy.
import { restOperations, resolveParameter } from './documents.mjs';
/** @import { Schema, SpecObject, Parameter, OpenApiDocument, BundledDocument } from './types.mjs' */

/**
 * An example of a bundled document and the schema it must satisfy.
 * @typedef {{
 *   where: string,
 *   schema: Schema,
 *   value: unknown,
 *   kind?: 'parameter' | 'body' | 'response' | 'message',
 *   operationId?: string,
 *   parameter?: Parameter,
 *   message?: string,
 * }} SpecExample
 */

/**
 * @param {Record<string, SpecObject> | undefined} content a request body's or response's `content`
 * @param {string} where
 * @param {Partial<SpecExample>} extra
 * @returns {SpecExample[]}
 */
function mediaExamples(content, where, extra) {
  /** @type {SpecExample[]} */
  const out = [];
  for (const [type, media] of Object.entries(content ?? {})) {
    if (!media.schema) continue;
    for (const [name, ex] of Object.entries(media.examples ?? {})) {
      out.push({ where: `${where} ${type} example "${name}"`, schema: media.schema, value: ex.value, ...extra });
    }
    if ('example' in media)
      out.push({ where: `${where} ${type} example`, schema: media.schema, value: media.example, ...extra });
  }
  return out;
}

/**
 * Examples of an OpenAPI document: parameters, request bodies, responses.
 * @param {OpenApiDocument} doc
 * @returns {SpecExample[]}
 */
export function openapiExamples(doc) {
  /** @type {SpecExample[]} */
  const out = [];
  for (const { route, method, op } of restOperations(doc)) {
    const at = `${op.operationId} (${method.toUpperCase()} ${route})`;
    for (const p of op.parameters ?? []) {
      const param = resolveParameter(doc, p);
      /** @type {Partial<SpecExample>} */
      const extra = { kind: 'parameter', operationId: op.operationId, parameter: param };
      if ('example' in param)
        out.push({ where: `${at} parameter ${param.name}`, schema: param.schema, value: param.example, ...extra });
      for (const [name, ex] of Object.entries(param.examples ?? {})) {
        out.push({
          where: `${at} parameter ${param.name} example "${name}"`,
          schema: param.schema,
          value: ex.value,
          ...extra,
        });
      }
    }
    out.push(
      ...mediaExamples(op.requestBody?.content, `${at} request body`, { kind: 'body', operationId: op.operationId }),
    );
    for (const [status, res] of Object.entries(op.responses ?? {})) {
      out.push(
        ...mediaExamples(res.content, `${at} response ${status}`, { kind: 'response', operationId: op.operationId }),
      );
    }
  }
  return out;
}

/**
 * Examples of an AsyncAPI document: every message example against the message payload.
 * @param {BundledDocument} doc
 * @returns {SpecExample[]}
 */
export function asyncapiExamples(doc) {
  /** @type {SpecExample[]} */
  const out = [];
  for (const [id, message] of Object.entries(doc.components?.messages ?? {})) {
    for (const [i, ex] of (message.examples ?? []).entries()) {
      if (!('payload' in ex)) continue;
      out.push({
        where: `message ${id} example "${ex.name ?? i}"`,
        schema: message.payload,
        value: ex.payload,
        kind: 'message',
        message: message.name,
      });
    }
  }
  return out;
}

/**
 * `examples` arrays written on component schemas themselves.
 * @param {BundledDocument} doc
 * @returns {SpecExample[]}
 */
export function schemaExamples(doc) {
  /** @type {SpecExample[]} */
  const out = [];
  for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) {
    for (const [i, value] of (schema.examples ?? []).entries()) {
      out.push({ where: `schema ${name} examples[${i}]`, schema: { $ref: `#/components/schemas/${name}` }, value });
    }
  }
  return out;
}
