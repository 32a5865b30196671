// The bundled documents and one ajv holding both documents' component schemas, loaded once per test file.
import {
  bundle, openapiRoot, asyncapiRoot, createAjv, addComponentSchemas, toAjvSchema,
} from '@ascendex-toolkit/codegen-core';

export const openapi = bundle(openapiRoot);
export const asyncapi = bundle(asyncapiRoot);
export const ajv = addComponentSchemas(addComponentSchemas(createAjv(), openapi), asyncapi);

const compiled = new WeakMap();
/** Validates `value` against a schema of either bundled document; returns ajv's errors or null. */
export function validate(schema, value) {
  if (!compiled.has(schema)) compiled.set(schema, ajv.compile(toAjvSchema(schema)));
  const fn = compiled.get(schema);
  return fn(value) ? null : fn.errors;
}

/** Looks up a component schema by name in either document. */
export const component = (name) => openapi.components.schemas[name] ?? asyncapi.components.schemas[name];
