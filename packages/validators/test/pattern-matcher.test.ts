// The frame readers check a schema `pattern` with an automaton compiled at generation time instead
// of a RegExp. For every pattern of the spec that compiles, the automaton must accept exactly the
// strings the RegExp (with the `u` flag, as ajv compiles it) accepts; those that do not compile
// (a negated class, ...) are refused loudly, and the readers keep the RegExp for them.
import { describe, it, expect } from 'vitest';
import { patternDfa } from '@ascendex-toolkit/gen-validators/pattern-matcher';
import { openapi, asyncapi } from './spec.js';

/** Every `pattern` of the documents' component schemas. */
function specPatterns(): string[] {
  const found = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'pattern' && typeof value === 'string') found.add(value);
      else walk(value);
    }
  };
  walk(openapi.components);
  walk(asyncapi.components);
  return [...found];
}

/** Runs the automaton over a string's UTF-16 code units, as the generated matcher does. */
function dfaMatches(dfa: ReturnType<typeof patternDfa>, text: string): boolean {
  let state = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const move = dfa[state]!.moves.find((m) => m.from <= c && c <= m.to);
    if (!move) return false;
    state = move.state;
  }
  return dfa[state]!.accepting;
}

/** Strings near the pattern's language: pieces of what it matches, its own characters, and others. */
function corpus(pattern: string, seed: number): string[] {
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  const alphabet = [...new Set([...pattern, ...'0123456789.-_aZz,:*/ \n', 'é', '\u{1F600}', '\ud800', '١'])];
  const out = ['', '0', '-', '.', '1.', '.5', '-0', '00', '1.5', '-1.25', 'depth:BTC/USDT', 'a-b', 'x'.repeat(33)];
  for (let i = 0; i < 4000; i++) {
    let s = '';
    const length = Math.floor(next() * 12);
    for (let k = 0; k < length; k++) s += alphabet[Math.floor(next() * alphabet.length)];
    out.push(s);
  }
  return out;
}

describe('pattern automata', { timeout: 60_000 }, () => {
  const patterns = specPatterns();
  const compiled = patterns.flatMap((p) => {
    try {
      return [{ pattern: p, dfa: patternDfa(p) }];
    } catch {
      return [];
    }
  });

  it('compile the decimal patterns and most others of the spec', () => {
    expect(compiled.map((c) => c.pattern)).toEqual(
      expect.arrayContaining(['^-?\\d+(\\.\\d+)?$', '^(-?\\d+(\\.\\d+)?)?$', '^(0|[1-9]\\d*)(\\.\\d+)?$']),
    );
    expect(compiled.length).toBeGreaterThan(patterns.length / 2);
  });

  it('accept exactly what the RegExp accepts', () => {
    for (const [i, { pattern, dfa }] of compiled.entries()) {
      const regexp = new RegExp(pattern, 'u');
      for (const text of corpus(pattern, i + 1))
        expect(dfaMatches(dfa, text), `${pattern} on ${JSON.stringify(text)}`).toBe(regexp.test(text));
    }
  });

  it('refuse what they cannot compile exactly', () => {
    for (const pattern of ['^[^\\s,]+$', 'a+', '^a+$$', '^.+$', '^\\s$', '^(?=a)a$', '^é$', '^a+?$'])
      expect(() => patternDfa(pattern), pattern).toThrow(/pattern/);
  });
});
