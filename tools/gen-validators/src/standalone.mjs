// Precompiled (ajv standalone) validation code: no schema is compiled at import time and no
// `new Function` runs, so the validators work under a strict Content-Security-Policy.
//
// ajv's own `standaloneCode` repeats every referenced component validator in each module it
// writes. Here every validator of every group is compiled in ONE ajv instance, so each component
// schema is compiled once, and the pieces ajv's code is made of (validate functions, regexps,
// embedded schemas) are laid out by hand: a piece used by one group goes into that group's
// module, a piece used by several into the shared module, which the others import. Every
// top-level statement is free of side effects, so a bundler drops the validators an app does not
// import, and pieces get names from their schema (`validate_Decimal`), so a spec change renames
// only what it touches.
import {
  createAjv,
  addComponentSchemas,
  toAjvSchema,
  schemaId,
  validatorSymbols,
} from '@ascendex-toolkit/codegen-core';
/** @import { BundledDocument, Schema } from '@ascendex-toolkit/codegen-core' */
/** @import { KeywordDefinition, Options } from 'ajv' */

/**
 * What this module reads of ajv's compiled code (ajv's internals, typed only as far as used): a
 * scope name, whose value is a compiled function (`ref`) or a constant (`code`).
 * @typedef {{ prefix: string, value?: { ref?: any, code?: unknown }, toString(): string }} ScopeName
 */
/**
 * One piece of generated code: a validate function, a wrapper object or a constant.
 * @typedef {{ key: string, deps: string[], prefix: string, code?: string, label?: string }} Piece
 */

/** The module that holds what several groups use. */
export const SHARED = 'shared';

/** ajv features that only these keywords need; when no schema has them, their bookkeeping is dead code. */
const EVALUATED_KEYWORDS = [
  'unevaluatedProperties',
  'unevaluatedItems',
  '$dynamicRef',
  '$dynamicAnchor',
  '$recursiveRef',
];

/**
 * The code of a scope value other than a validate function. ajv's ESM output still `require`s a
 * helper for string lengths; it counts code points, as `[...s].length` does. Any other runtime
 * helper is an error (the spec should not need it), so none slips into the published code.
 * @param {ScopeName} name
 * @returns {string}
 */
function valueCode(name) {
  const code = String(name.value?.code);
  if (code === 'require("ajv/dist/runtime/ucs2length").default') return '(s) => [...s].length';
  if (/\brequire\(/.test(code))
    throw new Error(`ajv standalone code needs ${code}: avoid the schema keyword that requires it`);
  // `new RegExp(...)` could throw, so bundlers keep it unless told it is pure.
  return code.startsWith('new ') ? `/* @__PURE__ */ ${code}` : code;
}

/**
 * A readable, stable identifier for a compiled schema: `asx:Decimal` -> `Decimal`.
 * @param {any} fn a compiled ajv validate function
 * @returns {string}
 */
function schemaLabel(fn) {
  const env = fn.schemaEnv;
  const id = env.schema.$id ?? `${env.baseId}${env.schemaPath ?? ''}`;
  return id
    .replace(/^asx:/, '')
    .replace(/[^A-Za-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/**
 * The pieces of ajv code reachable from `roots`, each `{ key, code, deps, label, prefix }`, in an
 * order where every piece follows those it needs at module evaluation (functions are hoisted).
 * @param {Iterable<ScopeName>} roots
 * @returns {Map<string, Piece>}
 */
function collectPieces(roots) {
  /** @type {Map<string, Piece>} */
  const pieces = new Map();
  /** @param {ScopeName} name @returns {string} */
  const visit = (name) => {
    const key = String(name);
    if (pieces.has(key)) return key;
    const ref = name.value?.ref;
    /** @type {Piece} */
    const piece = { key, deps: [], prefix: name.prefix };
    pieces.set(key, piece);
    if (name.prefix === 'validate' && typeof ref === 'function') {
      const { validateCode, scopeValues, evaluated } = ref.source;
      // ajv lists the root schema of every function as used; only what the code names is needed.
      for (const names of /** @type {Set<ScopeName>[]} */ (Object.values(scopeValues))) {
        for (const dep of names.values())
          if (new RegExp(`\\b${dep}\\b`).test(validateCode)) piece.deps.push(visit(dep));
      }
      piece.code = evaluated ? `${validateCode}${key}.evaluated = ${evaluated};\n` : validateCode;
      piece.label = schemaLabel(ref);
    } else if ((name.prefix === 'root' || name.prefix === 'wrapper') && typeof ref === 'object') {
      piece.deps.push(visit(ref.validateName));
      piece.code = `const ${key} = {validate: ${ref.validateName}};\n`;
      piece.label = schemaLabel(ref.validate);
    } else if (name.value?.code !== undefined) {
      piece.code = `const ${key} = ${valueCode(name)};\n`;
    } else {
      throw new Error(`ajv scope value ${key} has no code`);
    }
    return key;
  };
  for (const root of roots) visit(root);
  return pieces;
}

/**
 * New names: `validate_<Schema>` for functions, `<prefix>_<n>` numbered per module for the rest.
 * @param {Map<string, Piece>} pieces
 * @param {Map<string, string>} moduleOf piece key -> module id
 * @returns {{ names: Map<string, string>, rename: (code: string) => string }}
 */
function renamePieces(pieces, moduleOf) {
  /** @type {Map<string, string>} */
  const names = new Map();
  const taken = new Set();
  /** @type {Map<string, number>} */
  const counters = new Map();
  /** @param {string} base */
  const unique = (base) => {
    let name = base;
    for (let i = 2; taken.has(name); i++) name = `${base}_${i}`;
    taken.add(name);
    return name;
  };
  for (const piece of pieces.values()) {
    if (piece.label) {
      names.set(piece.key, unique(`${piece.prefix === 'validate' ? 'validate' : piece.prefix}_${piece.label}`));
    } else {
      const counter = `${moduleOf.get(piece.key)}\0${piece.prefix}`;
      const n = counters.get(counter) ?? 0;
      counters.set(counter, n + 1);
      names.set(piece.key, unique(`${piece.prefix}_${String(moduleOf.get(piece.key)).replace(/\W+/g, '_')}_${n}`));
    }
  }
  const pattern = new RegExp(`\\b(?:${[...names.keys()].join('|')})\\b`, 'g');
  /** @param {string} code */
  const rename = (code) => code.replace(pattern, (k) => names.get(k) ?? k);
  return { names, rename };
}

/**
 * Relative ESM specifier of `to` from `from` (both module ids like `rest/order`).
 * @param {string} from
 * @param {string} to
 * @param {string} suffix
 */
function specifier(from, to, suffix) {
  const fromDir = from.split('/').slice(0, -1);
  const toParts = to.split('/');
  let i = 0;
  while (i < fromDir.length && fromDir[i] === toParts[i]) i++;
  const rel = [...fromDir.slice(i).map(() => '..'), ...toParts.slice(i)].join('/');
  return `${rel.startsWith('.') ? '' : './'}${rel}${suffix}`;
}

/**
 * Compiles validators into ES modules that share each compiled component schema.
 * @param {Map<string, {name: string, schema: Schema}[]>} groups module id (e.g. `rest/order`) ->
 *   its validators, each exported under its validate function's name (codegen-core `validatorSymbols`)
 * @param {BundledDocument[]} docs the bundled documents whose component schemas may be referenced
 * @param {{ ajvOptions?: Options, keywords?: KeywordDefinition[], suffix?: string, shared?: string }} [options]
 *   `ajvOptions` and `keywords` for the shared ajv set-up (codegen-core `createAjv`; the
 *   exchange-side profile adds its own), `suffix` the file name ending of the modules (used in
 *   their imports), `shared` the id of the module of shared pieces (default `SHARED`)
 * @returns {Map<string, string>} module id -> ES module code (the shared id when anything is shared)
 */
export function compileValidatorModules(
  groups,
  docs,
  { ajvOptions = {}, keywords = [], suffix = '.validate.gen.js', shared: sharedId = SHARED } = {},
) {
  const ajv = createAjv({ ...ajvOptions, code: { ...ajvOptions.code, source: true, esm: true, lines: true } });
  for (const keyword of keywords) ajv.addKeyword(keyword);
  for (const doc of docs) addComponentSchemas(ajv, doc);
  const entries = [...groups].flatMap(([group, list]) => list.map((entry) => ({ ...entry, group })));
  for (const { name, schema } of entries) {
    const isComponent = docs.some((d) => d.components?.schemas?.[name] === schema);
    if (isComponent) continue;
    if (ajv.getSchema(schemaId(name))) throw new Error(`validator name ${name} clashes with a component schema`);
    ajv.addSchema({ $id: schemaId(name), ...toAjvSchema(schema) });
  }
  // Draft 2020-12 ajv tracks evaluated properties in every function for `unevaluated*` and
  // `$dynamicRef`; without those keywords in any schema the tracking decides nothing.
  const schemasText = JSON.stringify(
    Object.values(ajv.schemas)
      .filter((s) => s && !s.meta)
      .map((s) => s?.schema),
    (_k, v) => (typeof v === 'bigint' ? String(v) : v),
  );
  if (!EVALUATED_KEYWORDS.some((k) => schemasText.includes(JSON.stringify(k)))) {
    ajv.opts.unevaluated = false;
    ajv.opts.dynamicRef = false;
  }

  /** @type {Map<string, ScopeName>} validator name -> its compiled function's scope name */
  const rootOf = new Map(
    entries.map((e) => {
      const compiled = /** @type {any} */ (ajv.getSchema(schemaId(e.name)));
      if (!compiled?.source) throw new Error(`ajv compiled no source for ${e.name}`);
      return [e.name, compiled.source.validateName];
    }),
  );
  const pieces = collectPieces(rootOf.values());
  // Which groups reach each piece decides its module.
  /** @type {Map<string, Set<string>>} */
  const usedBy = new Map();
  /** @param {string} key @param {string} group */
  const mark = (key, group) => {
    const groupsOfPiece = usedBy.get(key) ?? new Set();
    if (groupsOfPiece.has(group)) return;
    usedBy.set(key, groupsOfPiece.add(group));
    for (const dep of pieces.get(key)?.deps ?? []) mark(dep, group);
  };
  for (const e of entries) mark(String(rootOf.get(e.name)), e.group);
  const moduleOf = new Map([...usedBy].map(([key, g]) => [key, g.size === 1 ? String([...g][0]) : sharedId]));
  const { names, rename } = renamePieces(pieces, moduleOf);

  // What the group modules take from the shared one.
  const sharedExports = [
    ...new Set(
      [...pieces.values()]
        .filter((p) => moduleOf.get(p.key) !== sharedId)
        .flatMap((p) => p.deps)
        .concat(entries.map((e) => String(rootOf.get(e.name)))),
    ),
  ].filter((k) => moduleOf.get(k) === sharedId);
  const modules = new Map();
  for (const id of [...groups.keys(), sharedId]) {
    const own = [...pieces.values()].filter((p) => moduleOf.get(p.key) === id);
    const exports = entries.filter((e) => e.group === id);
    const needed = [...own.flatMap((p) => p.deps), ...exports.map((e) => String(rootOf.get(e.name)))];
    const imported = [...new Set(needed.filter((d) => moduleOf.get(d) !== id))];
    if (id === sharedId && !own.length) continue;
    const lines = [];
    // One name a line, so adding a shared piece changes one line of the diff.
    /** @param {string[]} keys */
    const list = (keys) =>
      keys
        .map((k) => `  ${names.get(k)},\n`)
        .sort()
        .join('');
    if (imported.length) lines.push(`import {\n${list(imported)}} from '${specifier(id, sharedId, suffix)}';`, '');
    for (const e of exports)
      lines.push(`export const ${validatorSymbols(e.name).validate} = ${names.get(String(rootOf.get(e.name)))};`);
    if (id === sharedId) lines.push(`export {\n${list(sharedExports)}};`);
    lines.push('');
    for (const p of own) lines.push(rename(p.code ?? '').replace(/\n$/, ''));
    modules.set(id, `${lines.join('\n')}\n`);
  }
  return modules;
}
