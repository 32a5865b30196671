// The frame readers: for the server messages that arrive many times a second (order book updates,
// best bid and offer, trades), a function per message that parses its JSON text and checks its
// schema in one pass, building the same value JSON.parse (parseJson) would. Generated here from the
// same schemas as the strict validators, so a spec change changes both.
//
// A reader is a fast path, never the judge: it gives up (undefined) on anything outside the form
// it reads, and the caller then runs the general path (parseJson, then the dispatching
// validator). So a reader may only accept what the strict validator accepts, with the value
// parseJson gives. That is why compiling a schema here throws on any keyword it does not check
// (a spec change can never leave a rule unchecked), why unknown and repeated keys give up, and
// why numbers are read only in the form whose value is certain (digits, no fraction or exponent).
import { jsdoc, packageNames, runtimeImport, toAjvSchema } from '@ascendex-toolkit/codegen-core';
import { dispatchTable } from './dispatch.mjs';
import { patternMatcherCode } from './pattern-matcher.mjs';
/** @import { Schema, SpecModel } from '@ascendex-toolkit/codegen-core' */

/**
 * The high-rate server messages: a `depth` update every 300 ms per symbol (`depth-realtime`
 * for every change), `bbo` and `trades` at the market's pace. The rest arrive a few times a
 * minute and keep the general path.
 */
export const HOT_SERVER_MESSAGES = ['DepthMessage', 'DepthRealtimeMessage', 'BboMessage', 'TradesMessage'];

/** Keywords that change nothing a reader checks (toAjvSchema keeps `default`; ajv ignores it without useDefaults). */
const ANNOTATIONS = new Set(['default']);
/** A fixed-length array of at most this many items is read into an array literal. */
const MAX_TUPLE = 4;

const COMPONENT_ID = /^asx:(.+)$/;
const CODE = { '{': 123, '}': 125, '[': 91, ']': 93 };

/**
 * The module `ws/readers.gen.ts` (after its banner): a reader per high-rate server message and
 * `readHotServerMessage(text)`, which picks one by the frame's leading `m`.
 * @param {SpecModel} model
 * @returns {string}
 */
export function frameReaders(model) {
  const schemas = { ...model.openapi.components.schemas, ...model.asyncapi.components.schemas };
  /** @type {Map<string, string>} component name, or an inline schema's JSON -> reader function name */
  const names = new Map();
  /** @type {string[]} function declarations, each after those it calls */
  const functions = [];
  /** @type {Map<string, string>} pattern -> matcher function name */
  const matchers = new Map();
  /** @type {Set<string>} */
  const taken = new Set();

  /** @param {string} base */
  const unique = (base) => {
    let name = base;
    for (let i = 2; taken.has(name); i++) name = `${base}${i}`;
    taken.add(name);
    return name;
  };

  /** @param {string} pattern @param {string} label @returns {string} a function testing text[start, end) */
  const patternTest = (pattern, label) => {
    let name = matchers.get(pattern);
    if (!name) {
      name = unique(`match${label.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c = '') => c.toUpperCase())}`);
      matchers.set(pattern, name);
      try {
        functions.push(patternMatcherCode(name, pattern));
      } catch {
        // Outside the compiled subset: the RegExp itself (the `u` flag, as ajv compiles it).
        const regexp = unique(`${name}Pattern`);
        functions.push(
          `const ${regexp} = /* @__PURE__ */ new RegExp(${JSON.stringify(pattern)}, 'u');`,
          `function ${name}(text: string, start: number, end: number): boolean {\n  return ${regexp}.test(text.slice(start, end));\n}`,
        );
      }
    }
    return name;
  };

  /**
   * The name of a function `(c: JsonCursor) => unknown` that reads a value of `schema` (an ajv-form
   * schema, see toAjvSchema) at the cursor, or returns undefined.
   * @param {Schema} schema
   * @param {string} label where the schema is, for names and errors
   * @param {boolean} [component] whether `label` is the name of a component schema
   * @returns {string}
   */
  const reader = (schema, label, component = false) => {
    if (typeof schema.$ref === 'string') {
      const extra = Object.keys(schema).filter((k) => k !== '$ref');
      if (extra.length) throw new Error(`frame reader ${label}: $ref beside ${extra.join(', ')}`);
      const ref = COMPONENT_ID.exec(schema.$ref)?.[1];
      const target = ref === undefined ? undefined : schemas[ref];
      if (!ref || !target) throw new Error(`frame reader ${label}: unknown $ref ${schema.$ref}`);
      const known = names.get(ref);
      if (known) return known;
      const name = reader(toAjvSchema(target), ref, true);
      names.set(ref, name);
      return name;
    }
    // The same inline schema in several places (a message's `asks` and `bids`) is read by one function.
    const key = JSON.stringify(schema);
    const same = names.get(key);
    if (same) return same;
    const itemComponent =
      !component && schema.type === 'array' ? COMPONENT_ID.exec(schema.items?.$ref ?? '')?.[1] : undefined;
    const base = itemComponent ? `${itemComponent}List` : label;
    const name = unique(`read${base.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c = '') => c.toUpperCase())}`);
    names.set(key, name);
    /** The keywords this schema has that the code below checks; any other one is an error. */
    const checked = new Set(['type', ...ANNOTATIONS]);
    /** @param {string[]} keys */
    const check = (...keys) => keys.forEach((k) => checked.add(k));
    const body = readerBody(schema, label, check);
    const unchecked = Object.keys(schema).filter((k) => !checked.has(k));
    if (unchecked.length) throw new Error(`frame reader ${label}: cannot check ${unchecked.join(', ')}`);
    functions.push(`function ${name}(c: JsonCursor): unknown {\n${body}\n}`);
    return name;
  };

  /**
   * @param {Schema} s
   * @param {string} label
   * @param {(...keys: string[]) => void} check marks keywords as checked
   * @returns {string}
   */
  const readerBody = (s, label, check) => {
    const fail = 'return undefined;';
    if ('const' in s) {
      check('const');
      if (typeof s.const !== 'string' || (s.type !== undefined && s.type !== 'string'))
        throw new Error(`frame reader ${label}: only string consts are read`);
      const value = JSON.stringify(s.const);
      // The characters must be the const's exactly: no escape is read, so equal text is equal value.
      return [
        '  const end = c.stringEnd();',
        `  if (end - c.start !== ${s.const.length} || !c.text.startsWith(${value}, c.start)) ${fail}`,
        `  return ${value};`,
      ].join('\n');
    }
    if (s['x-ascendex-bigint'] === true) {
      check('x-ascendex-bigint');
      if (s.type !== undefined) throw new Error(`frame reader ${label}: x-ascendex-bigint beside a type`);
      return '  return c.integer(true);';
    }
    switch (s.type) {
      case 'string': {
        check('pattern');
        const lines = ['  const end = c.stringEnd();', `  if (end < 0) ${fail}`];
        if (typeof s.pattern === 'string')
          lines.push(`  if (!${patternTest(s.pattern, label)}(c.text, c.start, end)) ${fail}`);
        lines.push('  return c.take(end);');
        return lines.join('\n');
      }
      case 'integer': {
        check('minimum', 'maximum');
        const bounds = [];
        if (typeof s.minimum === 'number') bounds.push(`value < ${s.minimum}`);
        if (typeof s.maximum === 'number') bounds.push(`value > ${s.maximum}`);
        return [
          '  const value = c.integer(false);',
          `  if (value === undefined${bounds.map((b) => ` || ${b}`).join('')}) ${fail}`,
          '  return value;',
        ].join('\n');
      }
      case 'boolean':
        return '  return c.boolean();';
      case 'object':
        return objectBody(s, label, check);
      case 'array':
        return arrayBody(s, label, check);
      default:
        throw new Error(`frame reader ${label}: cannot read type ${JSON.stringify(s.type)}`);
    }
  };

  /**
   * Members in any order, each key once, each known; the value gets them in the order read (as
   * JSON.parse makes it). Unknown keys give up even where the schema allows them.
   * @param {Schema} s
   * @param {string} label
   * @param {(...keys: string[]) => void} check
   */
  const objectBody = (s, label, check) => {
    check('properties', 'required', 'additionalProperties');
    const properties = Object.entries(s.properties ?? {});
    if (properties.length > 30) throw new Error(`frame reader ${label}: more than 30 properties`);
    const bit = (/** @type {number} */ i) => 2 ** i;
    const required = (s.required ?? []).map((/** @type {string} */ key) => {
      const i = properties.findIndex(([k]) => k === key);
      if (i < 0) throw new Error(`frame reader ${label}: required ${key} has no schema`);
      return bit(i);
    });
    const cases = properties.map(([key, sub], i) => {
      const read = reader(/** @type {Schema} */ (sub), `${label}.${key}`);
      return [
        `      case ${JSON.stringify(key)}:`,
        `        if (seen & ${bit(i)}) return undefined;`,
        `        seen |= ${bit(i)};`,
        `        value = ${read}(c);`,
        '        if (value === undefined) return undefined;',
        `        o[${JSON.stringify(key)}] = value;`,
        '        break;',
      ].join('\n');
    });
    const mask = required.reduce((/** @type {number} */ a, /** @type {number} */ b) => a | b, 0);
    return [
      `  if (!c.eat(${CODE['{']})) return undefined;`,
      '  const o: Record<string, unknown> = {};',
      '  let seen = 0;',
      `  if (!c.eat(${CODE['}']}))`,
      '    for (;;) {',
      '      let value: unknown;',
      '      switch (c.key()) {',
      ...cases,
      '        default:',
      '          return undefined;',
      '      }',
      `      const more = c.next(${CODE['}']});`,
      '      if (more === 0) break;',
      '      if (more < 0) return undefined;',
      '    }',
      mask ? `  if ((seen & ${mask}) !== ${mask}) return undefined;` : '',
      '  return o;',
    ]
      .filter(Boolean)
      .join('\n');
  };

  /**
   * @param {Schema} s
   * @param {string} label
   * @param {(...keys: string[]) => void} check
   */
  const arrayBody = (s, label, check) => {
    check('items', 'minItems', 'maxItems');
    if (!s.items || typeof s.items !== 'object') throw new Error(`frame reader ${label}: an array without items`);
    const item = reader(/** @type {Schema} */ (s.items), `${label}Item`);
    const min = typeof s.minItems === 'number' ? s.minItems : 0;
    const max = typeof s.maxItems === 'number' ? s.maxItems : Infinity;
    const open = `  if (!c.eat(${CODE['[']})) return undefined;`;
    if (min === max && min >= 1 && min <= MAX_TUPLE) {
      // A fixed length: the items straight into an array literal (the size JSON.parse gives it).
      const items = Array.from({ length: min }, (_, i) => `item${i}`);
      return [
        open,
        ...items.flatMap((v, i) => [
          `  const ${v} = ${item}(c);`,
          `  if (${v} === undefined || c.next(${CODE[']']}) !== ${i === min - 1 ? 0 : 1}) return undefined;`,
        ]),
        `  return [${items.join(', ')}];`,
      ].join('\n');
    }
    const bounds = [];
    if (min > 0) bounds.push(`list.length < ${min}`);
    if (max !== Infinity) bounds.push(`list.length > ${max}`);
    return [
      open,
      '  const list: unknown[] = [];',
      `  if (!c.eat(${CODE[']']}))`,
      '    for (;;) {',
      `      const value = ${item}(c);`,
      '      if (value === undefined) return undefined;',
      '      list.push(value);',
      `      const more = c.next(${CODE[']']});`,
      '      if (more === 0) break;',
      '      if (more < 0) return undefined;',
      '    }',
      bounds.length ? `  if (${bounds.join(' || ')}) return undefined;` : '',
      '  return list;',
    ]
      .filter(Boolean)
      .join('\n');
  };

  // Each message is read when its `m` leads the frame and names it alone in the dispatch table,
  // so reading it as that message is what dispatching would do.
  const { entries } = dispatchTable(model);
  const readers = HOT_SERVER_MESSAGES.map((name) => {
    const own = entries.filter((e) => e.name === name);
    const match = own[0]?.match ?? {};
    const m = match.m;
    if (own.length !== 1 || typeof m !== 'string' || Object.keys(match).length !== 1)
      throw new Error(`frame reader ${name}: not dispatched by its m alone`);
    const rivals = entries.filter((e) => e.match.m === m && e.name !== name);
    if (rivals.length)
      throw new Error(`frame reader ${name}: m ${m} also selects ${rivals.map((e) => e.name).join(', ')}`);
    return { name, m, read: reader({ $ref: `asx:${name}` }, name) };
  });
  const union = readers.map((r) => `'${r.name}'`).join(' | ');
  const cases = readers.map(({ name, m, read }) =>
    [
      `    case ${JSON.stringify(m)}: {`,
      `      const message = ${read}(c);`,
      `      if (message !== undefined && c.atEnd()) read = { ok: true, name: '${name}', message: message as ServerMessageMap['${name}'] };`,
      '      break;',
      '    }',
    ].join('\n'),
  );
  return [
    `import type { ServerMessageMap } from '${packageNames.types}';`,
    `import { JsonCursor } from '${runtimeImport(packageNames.validators, 'ws/readers.gen.ts')}';`,
    '',
    jsdoc('The server messages a frame reader reads.') + `export type HotServerMessageName = ${union};`,
    jsdoc('A message read by its frame reader, valid, with its kind.') +
      'export type HotServerMessage = {\n  [K in HotServerMessageName]: { readonly ok: true; readonly name: K; readonly message: ServerMessageMap[K] };\n}[HotServerMessageName];',
    '',
    jsdoc('One cursor for every read (a read never calls another); it lets go of the text after each.') +
      'const cursor = /* @__PURE__ */ new JsonCursor();',
    '',
    functions.join('\n\n'),
    '',
    jsdoc(
      `Reads a frame whose leading \`m\` names a high-rate message (${readers.map((r) => `\`${r.m}\``).join(', ')})`,
      'in one pass, checking its schema as it goes. Undefined when the frame is anything else or not',
      'in the form a reader reads (an escape, a fraction, an unknown key, an invalid field, ...): the',
      'general path (parseJson, then validateServerMessage) then decides; a message read here is one',
      'that path accepts, with the same value.',
    ) + 'export function readHotServerMessage(text: string): HotServerMessage | undefined {',
    '  const c = cursor.reset(text);',
    '  let read: HotServerMessage | undefined;',
    `  if (c.eat(${CODE['{']}) && c.key() === 'm') {`,
    '    const m = c.string();',
    '    c.pos = 0;',
    '    switch (m) {',
    ...cases,
    '      default:',
    '        // Any other kind: the general path reads it.',
    '        break;',
    '    }',
    '  }',
    "  c.reset('');",
    '  return read;',
    '}',
    '',
  ].join('\n');
}
