// A schema `pattern` as a loop over character codes, for the frame readers: a RegExp test costs
// more than the JSON parse of the string it checks (a decimal price is ~7 characters), a
// deterministic automaton over the same characters a fraction of that. The pattern is compiled at
// generation time (regular expression -> NFA -> DFA), so the published code has no RegExp for it
// and runs under a strict Content-Security-Policy either way.
//
// Only a subset is compiled: anchored (`^...$`), ASCII literals, `\d`, `\w`, escaped punctuation,
// classes of those and ranges, groups, `|`, and the quantifiers `? * + {n} {n,} {n,m}`. Within that
// subset a string matches the DFA exactly when it matches the RegExp with the `u` flag (no class
// holds a non-ASCII character, so a code point outside ASCII fails both, as one code point or as
// two surrogates). Anything else throws; the caller then keeps the RegExp.

/** @type {Ranges} */
const DIGIT = [[48, 57]];
/** @type {Ranges} */
const WORD = [
  [48, 57],
  [65, 90],
  [95, 95],
  [97, 122],
];
/** Characters that an escape may name literally (`\.`, `\-`, ...). */
const PUNCTUATION = new Set('\\^$.|?*+()[]{}/-'.split(''));

/** @typedef {[number, number][]} Ranges inclusive code ranges */
/** @typedef {{ kind: 'set', ranges: Ranges } | { kind: 'seq', items: Node[] } | { kind: 'alt', items: Node[] } | { kind: 'repeat', item: Node, min: number, max: number }} Node */

/**
 * @param {string} source the pattern without slashes
 * @returns {Node}
 */
function parse(source) {
  if (!source.startsWith('^') || !source.endsWith('$') || source.endsWith('\\$'))
    throw new Error(`pattern ${source}: only anchored patterns (^...$) are compiled`);
  const text = source.slice(1, -1);
  let i = 0;
  const fail = (/** @type {string} */ why) => {
    throw new Error(`pattern ${source}: ${why} at ${i + 1}`);
  };
  /** @param {string} c @returns {Ranges} */
  const literal = (c) => {
    const code = c.charCodeAt(0);
    if (code > 127) fail('a non-ASCII character');
    return [[code, code]];
  };
  /** @returns {Ranges} */
  const escape = () => {
    const c = text[i++];
    if (c === 'd') return DIGIT;
    if (c === 'w') return WORD;
    if (c !== undefined && PUNCTUATION.has(c)) return literal(c);
    return fail(`the escape \\${c}`);
  };
  /** @returns {Ranges} */
  const characterClass = () => {
    if (text[i] === '^') fail('a negated class');
    /** @type {Ranges} */
    const ranges = [];
    while (text[i] !== ']') {
      if (i >= text.length) fail('an unclosed class');
      let from;
      if (text[i] === '\\') {
        i++;
        const set = escape();
        if (set.length > 1 || set[0]?.[0] !== set[0]?.[1]) {
          ranges.push(...set);
          continue;
        }
        from = /** @type {[number, number]} */ (set[0])[0];
      } else from = /** @type {[number, number]} */ (literal(/** @type {string} */ (text[i++]))[0])[0];
      if (text[i] === '-' && text[i + 1] !== ']') {
        i++;
        const to = text[i] === '\\' ? (i++, escape()) : literal(/** @type {string} */ (text[i++]));
        const [low, high] = /** @type {[number, number]} */ (to[0]);
        if (to.length > 1 || low !== high || low < from) fail('a bad range');
        ranges.push([from, low]);
      } else ranges.push([from, from]);
    }
    i++;
    return ranges;
  };
  /** @returns {Node} */
  const atom = () => {
    const c = text[i++];
    if (c === '(') {
      if (text.startsWith('?:', i)) i += 2;
      else if (text[i] === '?') fail('a lookaround or named group');
      const inner = alternation();
      if (text[i++] !== ')') fail('an unclosed group');
      return inner;
    }
    if (c === '[') return { kind: 'set', ranges: characterClass() };
    if (c === '\\') return { kind: 'set', ranges: escape() };
    if (c === undefined || '.^$*+?{}]|'.includes(c)) return fail(`the metacharacter ${c}`);
    return { kind: 'set', ranges: literal(/** @type {string} */ (c)) };
  };
  /** @param {Node} item @returns {Node} */
  const quantified = (item) => {
    const c = text[i];
    /** @type {[number, number] | undefined} */
    let bounds;
    if (c === '?') bounds = [0, 1];
    else if (c === '*') bounds = [0, Infinity];
    else if (c === '+') bounds = [1, Infinity];
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(text.slice(i));
      if (!m) return item;
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      i += m[0].length - 1;
      bounds = [min, max];
    }
    if (!bounds) return item;
    i++;
    if (text[i] === '?' || text[i] === '+') fail('a lazy or possessive quantifier');
    return { kind: 'repeat', item, min: bounds[0], max: bounds[1] };
  };
  /** @returns {Node} */
  const sequence = () => {
    /** @type {Node[]} */
    const items = [];
    while (i < text.length && text[i] !== '|' && text[i] !== ')') items.push(quantified(atom()));
    return { kind: 'seq', items };
  };
  /** @returns {Node} */
  const alternation = () => {
    const items = [sequence()];
    while (text[i] === '|') {
      i++;
      items.push(sequence());
    }
    return items.length === 1 ? /** @type {Node} */ (items[0]) : { kind: 'alt', items };
  };
  const tree = alternation();
  if (i !== text.length) fail('an unmatched )');
  return tree;
}

/**
 * Thompson NFA: states with epsilon edges and edges on code ranges.
 * @param {Node} tree
 */
function nfaOf(tree) {
  /** @type {{ eps: number[], edges: { ranges: Ranges, to: number }[] }[]} */
  const states = [];
  const state = () => states.push({ eps: [], edges: [] }) - 1;
  /** @param {Node} node @param {number} from @returns {number} the state after the node */
  const build = (node, from) => {
    switch (node.kind) {
      case 'set': {
        const to = state();
        /** @type {(typeof states)[number]} */ (states[from]).edges.push({ ranges: node.ranges, to });
        return to;
      }
      case 'seq':
        return node.items.reduce((at, item) => build(item, at), from);
      case 'alt': {
        const end = state();
        for (const item of node.items) {
          const start = state();
          /** @type {(typeof states)[number]} */ (states[from]).eps.push(start);
          /** @type {(typeof states)[number]} */ (states[build(item, start)]).eps.push(end);
        }
        return end;
      }
      case 'repeat': {
        if (node.max !== Infinity && node.max > 64) throw new Error('a repeat count above 64');
        let at = from;
        for (let k = 0; k < node.min; k++) at = build(node.item, at);
        const end = state();
        /** @type {(typeof states)[number]} */ (states[at]).eps.push(end);
        if (node.max === Infinity) {
          const loop = state();
          /** @type {(typeof states)[number]} */ (states[at]).eps.push(loop);
          const after = build(node.item, loop);
          /** @type {(typeof states)[number]} */ (states[after]).eps.push(loop, end);
        } else {
          for (let k = node.min; k < node.max; k++) {
            at = build(node.item, at);
            /** @type {(typeof states)[number]} */ (states[at]).eps.push(end);
          }
        }
        return end;
      }
    }
  };
  const start = state();
  const accept = build(tree, start);
  return { states, start, accept };
}

/**
 * The DFA of a pattern: per state, whether it accepts and its transitions on disjoint code ranges.
 * @param {string} pattern
 * @returns {{ accepting: boolean, moves: { from: number, to: number, state: number }[] }[]}
 */
export function patternDfa(pattern) {
  const { states, start, accept } = nfaOf(parse(pattern));
  /** @param {number[]} set */
  const closure = (set) => {
    const out = new Set(set);
    const stack = [...set];
    while (stack.length) {
      for (const next of /** @type {(typeof states)[number]} */ (states[/** @type {number} */ (stack.pop())]).eps) {
        if (!out.has(next)) {
          out.add(next);
          stack.push(next);
        }
      }
    }
    return [...out].sort((a, b) => a - b);
  };
  // Every range bound cuts the alphabet; codes between two cuts behave alike in every state.
  const cuts = new Set([0]);
  for (const s of states) for (const e of s.edges) for (const [lo, hi] of e.ranges) cuts.add(lo).add(hi + 1);
  const bounds = [...cuts].sort((a, b) => a - b);
  /** @type {Map<string, number>} */
  const index = new Map();
  /** @type {number[][]} */
  const sets = [];
  /** @type {{ accepting: boolean, moves: { from: number, to: number, state: number }[] }[]} */
  const dfa = [];
  /** @param {number[]} set */
  const add = (set) => {
    const key = set.join(',');
    let id = index.get(key);
    if (id === undefined) {
      id = sets.push(set) - 1;
      index.set(key, id);
      dfa.push({ accepting: set.includes(accept), moves: [] });
    }
    return id;
  };
  add(closure([start]));
  for (let id = 0; id < sets.length; id++) {
    for (let b = 0; b < bounds.length - 1; b++) {
      const lo = /** @type {number} */ (bounds[b]);
      const hi = /** @type {number} */ (bounds[b + 1]) - 1;
      const targets = new Set();
      for (const s of /** @type {number[]} */ (sets[id]))
        for (const e of /** @type {(typeof states)[number]} */ (states[s]).edges)
          if (e.ranges.some(([from, to]) => from <= lo && hi <= to)) targets.add(e.to);
      if (!targets.size) continue;
      const state = add(closure([...targets]));
      const moves = /** @type {(typeof dfa)[number]} */ (dfa[id]).moves;
      const last = moves.at(-1);
      // Adjacent ranges to the same state become one test.
      if (last && last.state === state && last.to === lo - 1) last.to = hi;
      else moves.push({ from: lo, to: hi, state });
    }
  }
  return minimise(dfa);
}

/**
 * Merges states that no input tells apart (Moore's partition refinement), keeping state 0 first.
 * @param {{ accepting: boolean, moves: { from: number, to: number, state: number }[] }[]} dfa
 */
function minimise(dfa) {
  /** @type {number[]} the block of each state: accepting or not, then split until stable */
  let block = dfa.map((s) => (s.accepting ? 1 : 0));
  for (;;) {
    /** @type {Map<string, number>} */
    const ids = new Map();
    const next = dfa.map((s, id) => {
      const signature = `${block[id]}|${s.moves.map((m) => `${m.from}-${m.to}>${block[m.state]}`).join(',')}`;
      if (!ids.has(signature)) ids.set(signature, ids.size);
      return /** @type {number} */ (ids.get(signature));
    });
    const stable = ids.size === new Set(block).size;
    block = next;
    if (stable) break;
  }
  /** @type {Map<number, number>} block -> new state number, in order of first appearance */
  const order = new Map();
  for (const b of block) if (!order.has(b)) order.set(b, order.size);
  const out = [...order.keys()].map(() => ({
    accepting: false,
    moves: /** @type {{ from: number, to: number, state: number }[]} */ ([]),
  }));
  dfa.forEach((s, id) => {
    const target = /** @type {(typeof out)[number]} */ (
      out[/** @type {number} */ (order.get(/** @type {number} */ (block[id])))]
    );
    if (target.moves.length || target.accepting) return; // already filled from an equivalent state
    target.accepting = s.accepting;
    for (const m of s.moves) {
      const state = /** @type {number} */ (order.get(/** @type {number} */ (block[m.state])));
      const last = target.moves.at(-1);
      if (last && last.state === state && last.to === m.from - 1) last.to = m.to;
      else target.moves.push({ from: m.from, to: m.to, state });
    }
  });
  return out;
}

/** @param {{ from: number, to: number }} m @param {string} c */
const test = ({ from, to }, c) => (from === to ? `${c} === ${from}` : `${c} >= ${from} && ${c} <= ${to}`);

/**
 * JavaScript source of `function name(text, start, end)`: true when `text.slice(start, end)`
 * matches `pattern` (as `new RegExp(pattern, 'u')` would). Throws for a pattern outside the subset.
 * @param {string} name
 * @param {string} pattern
 * @returns {string}
 */
export function patternMatcherCode(name, pattern) {
  const dfa = patternDfa(pattern);
  const cases = dfa.map(({ moves }, id) => {
    const branches = moves.map((m) => `if (${test(m, 'c')}) state = ${m.state};`).join(' else ');
    return `      case ${id}:\n        ${branches ? `${branches} else return false;` : 'return false;'}\n        break;`;
  });
  const accepting = dfa.flatMap((s, id) => (s.accepting ? [`state === ${id}`] : []));
  return [
    `/** True when the characters from \`start\` to \`end\` match \`${pattern.replace(/`/g, '\\`').replace(/\*\//g, '*\\/')}\`. */`,
    `function ${name}(text: string, start: number, end: number): boolean {`,
    '  let state = 0;',
    '  for (let i = start; i < end; i++) {',
    '    const c = text.charCodeAt(i);',
    '    switch (state) {',
    ...cases,
    '      default:',
    '        return false;',
    '    }',
    '  }',
    `  return ${accepting.join(' || ') || 'false'};`,
    '}',
  ].join('\n');
}
