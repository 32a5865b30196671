// The shapes of the spec documents that the tools rely on, as JSDoc types (nothing at run time).
// The documents themselves are checked by the spec tests (schemas, redocly, the AsyncAPI parser),
// so values the tools merely pass along are typed loosely as `SpecObject`.

/**
 * A parsed YAML/JSON value; integers above 2^53 are bigint. (JSDoc cannot declare the recursive
 * form, so members of arrays and objects are `unknown`.)
 * @typedef {null | boolean | number | bigint | string | unknown[] | { [key: string]: unknown }} JsonValue
 */

/**
 * Any object of a spec document (a schema, a media type, a message...). Its members are `any`
 * because their shapes are the spec's business (checked by the spec tests), not the type checker's.
 * @typedef {{ [key: string]: any }} SpecObject
 */

/**
 * A JSON Schema of a bundled document (component refs read `#/components/schemas/<Name>`).
 * @typedef {SpecObject} Schema
 */

/**
 * @typedef {{
 *   name: string,
 *   in: 'path' | 'query' | 'header' | 'cookie',
 *   required?: boolean,
 *   schema: Schema,
 *   example?: unknown,
 *   examples?: Record<string, { value: unknown }>,
 * }} Parameter
 */

/**
 * @typedef {SpecObject & {
 *   operationId: string,
 *   tags: string[],
 *   summary?: string,
 *   deprecated?: boolean,
 *   parameters?: (Parameter | { $ref: string })[],
 *   requestBody?: SpecObject,
 *   responses: SpecObject,
 * }} Operation
 */

/**
 * A bundled OpenAPI or AsyncAPI document (bundle.mjs): every component ref is internal.
 * @typedef {SpecObject & {
 *   info: { version: string },
 *   components: {
 *     schemas: Record<string, Schema>,
 *     parameters?: Record<string, Parameter>,
 *     messages?: Record<string, SpecObject>,
 *   },
 * }} BundledDocument
 */

/** @typedef {BundledDocument & { paths: Record<string, Record<string, Operation>> }} OpenApiDocument */
/** @typedef {BundledDocument} AsyncApiDocument */

export {};
