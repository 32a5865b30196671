// TypeScript for every schema of both documents and for the REST paths/operations, converted by
// openapi-typescript. The WebSocket schemas are added to the REST document's components so that one
// conversion covers everything and each schema becomes exactly one type.
//
// openapi-typescript writes every schema inside one `components` interface and every reference as
// `components['schemas']['Decimal']`, which is what an editor then shows on hover. Here each schema
// becomes a named type alias of its own (`export type Decimal = string`) and every reference to it
// that name, so hovers and errors read `price: Decimal`, `data: DepthData`. `components` stays, as
// the index of those names (`components['schemas']['Decimal']` is still `Decimal`).
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { jsdoc, PARAMS_IN } from '@ascendex-toolkit/codegen-core';
/** @import { BundledDocument, Schema, SpecObject } from '@ascendex-toolkit/codegen-core' */
/** @import { OpenAPI3 } from 'openapi-typescript' */

const f = ts.factory;
/** `x-ascendex-bigint` integers: safe values parse as number, larger ones as bigint. */
const NUMBER_OR_BIGINT = f.createUnionTypeNode([
  f.createKeywordTypeNode(ts.SyntaxKind.NumberKeyword),
  f.createKeywordTypeNode(ts.SyntaxKind.BigIntKeyword),
]);

/**
 * Drops `examples`/`example` (they may hold bigints and are not needed in types).
 * @template T
 * @param {T} node
 * @returns {T}
 */
function withoutExamples(node) {
  if (Array.isArray(node)) return /** @type {T} */ (node.map(withoutExamples));
  if (!node || typeof node !== 'object') return node;
  /** @type {SpecObject} */
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'examples' || k === 'example') continue;
    out[k] = withoutExamples(v);
  }
  return /** @type {T} */ (out);
}

/** @param {ts.Node} node @returns {string | undefined} the name of a named declaration or member */
const nameOf = (node) => {
  const name = /** @type {{ name?: ts.Node }} */ (node).name;
  return name && (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name))
    ? name.text
    : undefined;
};

/**
 * The members of a type literal, by name.
 * @param {ts.TypeNode | undefined} node
 * @returns {Map<string, ts.PropertySignature>}
 */
function membersOf(node) {
  const members = new Map();
  if (node && ts.isTypeLiteralNode(node)) {
    for (const member of node.members) {
      const name = nameOf(member);
      if (name !== undefined && ts.isPropertySignature(member)) members.set(name, member);
    }
  }
  return members;
}

/** The member `name` of a type literal, its type; undefined when absent or `never`. */
function memberType(/** @type {ts.TypeNode | undefined} */ node, /** @type {string} */ name) {
  const type = membersOf(node).get(name)?.type;
  return type && type.kind !== ts.SyntaxKind.NeverKeyword ? type : undefined;
}

/**
 * `components['<kind>']['<name>']` → [kind, name]; anything else → undefined.
 * @param {ts.Node} node
 * @returns {[string, string] | undefined}
 */
function componentRef(node) {
  if (!ts.isIndexedAccessTypeNode(node) || !ts.isIndexedAccessTypeNode(node.objectType)) return undefined;
  const root = node.objectType.objectType;
  if (!ts.isTypeReferenceNode(root) || !ts.isIdentifier(root.typeName) || root.typeName.text !== 'components')
    return undefined;
  const literal = (/** @type {ts.TypeNode} */ n) =>
    ts.isLiteralTypeNode(n) && ts.isStringLiteral(n.literal) ? n.literal.text : undefined;
  const kind = literal(node.objectType.indexType);
  const name = literal(node.indexType);
  return kind && name ? [kind, name] : undefined;
}

/**
 * Replaces every `components['schemas'][X]` by the named type `X`, and every
 * `components['parameters'][Y]` by the parameter's own type (itself with names).
 * @param {Map<string, ts.TypeNode>} parameters parameter name -> type, as openapi-typescript wrote it
 */
function namedReferences(parameters) {
  /** @type {ts.TransformerFactory<ts.Node>} */
  const factory = (context) => {
    /** @type {ts.Visitor} */
    const visit = (node) => {
      const ref = componentRef(node);
      if (ref?.[0] === 'schemas') return f.createTypeReferenceNode(ref[1]);
      if (ref?.[0] === 'parameters') {
        const type = parameters.get(ref[1]);
        if (!type) throw new Error(`components['parameters']['${ref[1]}'] is not a parameter of the document`);
        return ts.visitNode(type, visit);
      }
      return ts.visitEachChild(node, visit, context);
    };
    return (node) => /** @type {ts.Node} */ (ts.visitNode(node, visit));
  };
  return /** @template {ts.Node} N @param {N} node @returns {N} */ (node) =>
    /** @type {N} */ (ts.transform(node, [factory]).transformed[0]);
}

/**
 * The names among `names` that a node refers to as types.
 * @param {ts.Node} node
 * @param {Set<string>} names
 * @param {Set<string>} [found]
 */
export function referencedNames(node, names, found = new Set()) {
  if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName) && names.has(node.typeName.text))
    found.add(node.typeName.text);
  ts.forEachChild(node, (child) => void referencedNames(child, names, found));
  return found;
}

/** `export type <name> = <type>;` as text. */
export const typeAlias = (/** @type {string} */ name, /** @type {ts.TypeNode} */ type) =>
  astToString([f.createTypeAliasDeclaration([f.createModifier(ts.SyntaxKind.ExportKeyword)], name, undefined, type)]);

/**
 * @typedef {{ params: ts.TypeNode | undefined, body: ts.TypeNode | undefined, response: ts.TypeNode }} OperationTypes
 *   `params`: the path and query parameters as one type literal (undefined without any); `body`:
 *   the JSON body; `response`: the whole 200 body; every reference to a schema by its name
 */

/**
 * @param {BundledDocument} openapi
 * @param {BundledDocument} asyncapi
 * @returns {Promise<{ components: string, restPaths: string, aliases: string, schemaNames: Set<string>, operationTypes: Map<string, OperationTypes> }>}
 *   TypeScript sources: the `components` interface (an index of the named types), the REST
 *   `paths`/`operations` interfaces, one named type per schema; the schema names (for imports) and
 *   the types of each operation
 */
export async function convertSchemas(openapi, asyncapi) {
  const merged = withoutExamples(structuredClone(openapi));
  const schemas = { ...merged.components.schemas, ...withoutExamples(asyncapi.components.schemas) };
  merged.components.schemas = Object.fromEntries(
    Object.keys(schemas)
      .sort()
      .map((k) => [k, /** @type {Schema} */ (schemas[k])]),
  );

  const nodes = await openapiTS(/** @type {OpenAPI3} */ (merged), {
    transform: (schema) => (schema['x-ascendex-bigint'] ? NUMBER_OR_BIGINT : undefined),
    arrayLength: true,
    silent: true,
  });
  /** @param {string} name the top-level declaration called `name` */
  const declaration = (name) => {
    const found = nodes.find((n) => nameOf(n) === name);
    if (!found || !ts.isInterfaceDeclaration(found)) throw new Error(`openapi-typescript wrote no interface ${name}`);
    return found;
  };
  const components = declaration('components');
  const componentMembers = membersOf(f.createTypeLiteralNode(components.members));
  /** @param {string} kind */
  const componentTypes = (kind) =>
    new Map(
      [...membersOf(componentMembers.get(kind)?.type)].map(([name, member]) => [
        name,
        /** @type {ts.TypeNode} */ (member.type),
      ]),
    );
  const schemaTypes = componentTypes('schemas');
  const schemaNames = new Set(schemaTypes.keys());
  // A schema named like a type the output uses from the language (Record, ...) would capture it.
  const used = [...nodes.flatMap((n) => [...collectTypeReferenceNames(n)])].filter((name) => schemaNames.has(name));
  if (used.length > 0) throw new Error(`schemas named like types the output uses: ${[...new Set(used)].join(', ')}`);

  const named = namedReferences(componentTypes('parameters'));
  const aliases = [...schemaTypes]
    .map(([name, type]) => `${jsdoc(merged.components.schemas[name]?.description)}${typeAlias(name, named(type))}`)
    .join('\n');

  // The index: `components['schemas'][X]` is `X`; the other kinds as openapi-typescript wrote them.
  const index = f.createInterfaceDeclaration(
    [f.createModifier(ts.SyntaxKind.ExportKeyword)],
    'components',
    undefined,
    undefined,
    components.members.map((member) =>
      nameOf(member) === 'schemas'
        ? f.createPropertySignature(
            undefined,
            'schemas',
            undefined,
            f.createTypeLiteralNode(
              [...schemaNames].map((name) =>
                f.createPropertySignature(undefined, name, undefined, f.createTypeReferenceNode(name)),
              ),
            ),
          )
        : named(member),
    ),
  );

  const operations = named(declaration('operations'));
  const restDeclarations = [named(declaration('paths')), operations];
  /** @type {Map<string, OperationTypes>} */
  const operationTypes = new Map();
  for (const [id, operation] of membersOf(f.createTypeLiteralNode(operations.members))) {
    const parameters = memberType(operation.type, 'parameters');
    const fields = PARAMS_IN.flatMap((where) => [...membersOf(memberType(parameters, where)).values()]);
    const json = (/** @type {ts.TypeNode | undefined} */ holder) =>
      memberType(memberType(holder, 'content'), 'application/json');
    const response = json(memberType(memberType(operation.type, 'responses'), '200'));
    if (!response) throw new Error(`${id}: no JSON answer for HTTP 200`);
    operationTypes.set(id, {
      params: fields.length > 0 ? f.createTypeLiteralNode(fields) : undefined,
      body: json(memberType(operation.type, 'requestBody')),
      response,
    });
  }
  const restNames = new Set();
  for (const node of restDeclarations) referencedNames(node, schemaNames, restNames);
  const restPaths =
    `import type { ${[...restNames].sort().join(', ')} } from '../schemas.gen.js';\n\n` + astToString(restDeclarations);
  return { components: astToString([index]), restPaths, aliases, schemaNames, operationTypes };
}

/**
 * Every name used as a type reference in a node (`Record`, `components`, ...).
 * @param {ts.Node} node
 * @param {Set<string>} [found]
 */
function collectTypeReferenceNames(node, found = new Set()) {
  if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName)) found.add(node.typeName.text);
  ts.forEachChild(node, (child) => void collectTypeReferenceNames(child, found));
  return found;
}
