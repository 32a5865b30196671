// The frame readers (generated/ws/readers.gen.ts) read the high-rate server messages in one pass.
// They must never disagree with the general path, `validateServerMessage(parseJson(text))`: every
// frame below goes through both, and readServerMessage must give the same outcome (kind, value
// with its key order and bigints, or the same error with the same issues). The frames: the spec's
// examples, seeded frames of each kind (sequence numbers above 2^53 among them), the mutations of
// codegen-core's schema walk applied to them, and text-level damage that JSON allows or refuses
// (whitespace, escapes, fractions, exponents, repeated and unknown keys, truncation, ...).
import { describe, it, expect } from 'vitest';
import { MUTATIONS, findFieldPath, findRequiredPath, withValueAt, withoutPath } from '@ascendex-toolkit/codegen-core';
import {
  parseJson,
  stringifyJson,
  validateServerMessage,
  readServerMessage,
  ValidationError,
  type ServerFrameResult,
} from '../src/index.js';
import { readHotServerMessage } from '../src/generated/ws/readers.gen.js';
import { asyncapi, component, matches } from './spec.js';

const HOT = {
  depth: 'DepthMessage',
  'depth-realtime': 'DepthRealtimeMessage',
  bbo: 'BboMessage',
  trades: 'TradesMessage',
};
type Kind = keyof typeof HOT;
const KINDS = Object.keys(HOT) as Kind[];

/** What the general path makes of a frame. */
function general(text: string): ServerFrameResult {
  let value: unknown;
  try {
    value = parseJson(text);
  } catch (error) {
    return { ok: false, error: error as never };
  }
  const result = validateServerMessage(value);
  return result.ok ? result : { ok: false, error: result.error, value };
}

/** The two outcomes are the same: kind and value (key order and bigints included), or error and issues. */
function expectSame(actual: ServerFrameResult, expected: ServerFrameResult, text: string): void {
  const where = `frame ${text}`;
  expect(actual.ok, where).toBe(expected.ok);
  if (actual.ok && expected.ok) {
    expect(actual.name, where).toBe(expected.name);
    expect(stringifyJson(actual.message), where).toBe(stringifyJson(expected.message));
    expect(actual.message, where).toStrictEqual(expected.message);
  } else if (!actual.ok && !expected.ok) {
    expect(actual.error.constructor, where).toBe(expected.error.constructor);
    expect(actual.error.message, where).toBe(expected.error.message);
    if (expected.error instanceof ValidationError)
      expect((actual.error as ValidationError).issues, where).toStrictEqual(expected.error.issues);
    expect(actual.value, where).toStrictEqual(expected.value);
  }
}

/** mulberry32: the same corpus on every run. */
function seeded(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[int(0, list.length - 1)]!;
  return { next, int, pick };
}
type Random = ReturnType<typeof seeded>;

const decimal = (r: Random) =>
  r.pick([
    () => String(r.int(0, 99_999)),
    () => `${r.int(0, 9999)}.${String(r.int(0, 99_999)).padStart(5, '0')}`,
    () => `0.${String(r.int(1, 9_999_999)).padStart(8, '0')}`,
    () => '0',
    () => `-${r.int(0, 99)}.${r.int(0, 9)}`,
  ])();
const level = (r: Random) => [decimal(r), decimal(r)];
const seqnum = (r: Random): number | bigint =>
  r.pick([
    () => r.int(0, 2 ** 31),
    () => 2 ** 53 - 1 - r.int(0, 10),
    () => 144115188075855872n + BigInt(r.int(0, 1e9)),
  ])();
const ts = (r: Random) => 1_573_069_021_376 + r.int(0, 1e9);

/** Reorders an object's keys now and then (the exchange's order is not promised). */
function keyOrder<T extends Record<string, unknown>>(r: Random, value: T): T {
  if (r.next() < 0.8) return value;
  return Object.fromEntries(Object.entries(value).sort(() => r.next() - 0.5)) as T;
}

function frameValue(r: Random, kind: Kind): Record<string, unknown> {
  const symbol = r.pick(['BTC/USDT', 'ASD/USDT', 'ETH-PERP', '', 'ü/€']);
  const levels = () => Array.from({ length: r.int(0, 6) }, () => level(r));
  switch (kind) {
    case 'depth':
    case 'depth-realtime':
      return keyOrder(r, {
        m: kind,
        symbol,
        data: keyOrder(r, { ts: ts(r), seqnum: seqnum(r), asks: levels(), bids: levels() }),
      });
    case 'bbo':
      return keyOrder(r, { m: kind, symbol, data: keyOrder(r, { ts: ts(r), bid: level(r), ask: level(r) }) });
    case 'trades':
      return keyOrder(r, {
        m: kind,
        symbol,
        data: Array.from({ length: r.int(1, 3) }, () =>
          keyOrder(r, { p: decimal(r), q: decimal(r), ts: ts(r), bm: r.next() < 0.5, seqnum: seqnum(r) }),
        ),
      });
  }
}

/** Text-level changes: some keep the frame valid JSON of the same value, most do not. */
const damages: readonly ((r: Random, text: string) => string)[] = [
  // Whitespace JSON allows, where it allows it.
  (r, t) => t.replace(/[{}[\]:,]/g, (c) => (r.next() < 0.3 ? `${c}${r.pick([' ', '\n', '\t', '\r', '  '])}` : c)),
  (r, t) => `${r.pick([' ', '\n'])}${t}${r.pick([' ', '\r\n', ''])}`,
  // An escape in a string (the value is unchanged; the reader does not read escapes).
  (r, t) => t.replace(/"(\d)/, (_m, d: string) => `"\\u003${d}`),
  (_r, t) => t.replace('"m":"', '"m":"\\u0064').replace('\\u0064d', '\\u0064'),
  // Numbers in other forms: a fraction or an exponent, a leading zero, a sign.
  (_r, t) => t.replace(/("seqnum":)(\d+)/, '$1$2.0'),
  (_r, t) => t.replace(/("ts":)(\d+)/, '$1$2.0'),
  (_r, t) => t.replace(/("ts":)(\d)(\d*)/, (_m, k: string, a: string, b: string) => `${k}${a}.${b}e${b.length}`),
  (_r, t) => t.replace(/("seqnum":)(\d+)/, '$10$2'),
  (_r, t) => t.replace(/("seqnum":)(\d+)/, '$1-$2'),
  (_r, t) => t.replace(/("ts":)(\d+)/, '$1-$2'),
  (_r, t) => t.replace(/("seqnum":)(\d+)/, '$1$2000000000000'),
  (_r, t) => t.replace(/("ts":)(\d+)/, '$1$2000000'),
  (_r, t) => t.replace(/("seqnum":)\d+/, '$19007199254740993.0'),
  // Keys: repeated, unknown, missing.
  (_r, t) => t.replace('"symbol":', '"symbol":"X","symbol":'),
  (_r, t) => t.replace('"m":', '"extra":[1,{"a":null}],"m":'),
  (_r, t) => t.replace(/\{"/, '{"zz":1,"'),
  (_r, t) => t.replace(/"symbol":"[^"]*",?/, ''),
  // Values of the wrong kind.
  (r, t) =>
    t.replace(
      /"(-?\d+(\.\d+)?)"/,
      r.pick(['$1', '"$1."', '".$1"', '"+$1"', '"$1e5"', '" $1"', '"١"', '""', '"$1.2.3"']),
    ),
  (_r, t) => t.replace(/"bm":(true|false)/, '"bm":"true"'),
  (_r, t) => t.replace(/"bm":(true|false)/, '"bm":$1x'),
  (_r, t) => t.replace(/\["([^"]*)","([^"]*)"\]/, '["$1","$2","1"]'),
  (_r, t) => t.replace(/\["([^"]*)","([^"]*)"\]/, '["$1"]'),
  (_r, t) => t.replace(/"m":"([^"]*)"/, '"m":"$1x"'),
  (_r, t) => t.replace(/"m":"([^"]*)"/, '"m":null'),
  (_r, t) => t.replace('"data":', '"data":null,"data2":'),
  // Not JSON any more.
  (r, t) => t.slice(0, r.int(0, t.length - 1)),
  (r, t) => `${t}${r.pick(['}', ',', 'x', '{}', '\u0000'])}`,
  (r, t) => {
    const at = r.int(0, t.length - 1);
    return `${t.slice(0, at)}${r.pick(['"', '\u0001', '\\', ']', '}', ',', 'true'])}${t.slice(at)}`;
  },
  (r, t) => {
    const at = r.int(0, t.length - 1);
    return t.slice(0, at) + t.slice(at + 1);
  },
];

// Thousands of frames through both paths: seconds alone, more beside the rest of the suite on a shared machine.
describe('frame readers', { timeout: 60_000 }, () => {
  const examples = KINDS.flatMap((kind) =>
    Object.values(asyncapi.components.messages ?? {})
      .filter((m) => (m as { name?: string }).name === HOT[kind])
      .flatMap((m) => ((m as { examples?: { payload: unknown }[] }).examples ?? []).map((e) => e.payload)),
  );

  it('read every example of the spec as the general path does', () => {
    expect(examples.length).toBeGreaterThanOrEqual(KINDS.length);
    for (const value of examples) {
      const text = stringifyJson(value);
      const hot = readHotServerMessage(text);
      expect(hot, text).toBeDefined();
      expectSame(hot!, general(text), text);
    }
  });

  it('read seeded frames of every kind that lead with m exactly as the general path, int64 sequence numbers above 2^53 as bigint', () => {
    const r = seeded(17);
    let bigints = 0;
    for (let i = 0; i < 2000; i++) {
      const text = stringifyJson(frameValue(r, r.pick(KINDS)));
      const hot = readHotServerMessage(text);
      // A reader takes the frames that lead with `m`, as the exchange writes them; any key order inside.
      if (text.startsWith('{"m":')) expect(hot, text).toBeDefined();
      else expect(hot, text).toBeUndefined();
      expectSame(readServerMessage(text), general(text), text);
      if (hot && /\d{17}/.test(text)) bigints++;
    }
    expect(bigints).toBeGreaterThan(100);
  });

  it("give the general path's outcome for frames mutated along their schema", () => {
    const r = seeded(18);
    let refused = 0;
    for (let i = 0; i < 300; i++) {
      const kind = r.pick(KINDS);
      const value = frameValue(r, kind);
      const schema = { $ref: `#/components/schemas/${HOT[kind]}` };
      const mutated: unknown[] = [];
      const required = findRequiredPath(value, schema, component, matches);
      if (required) mutated.push(withoutPath(value, required));
      for (const mutation of Object.values(MUTATIONS)) {
        const path = findFieldPath(value, schema, component, matches, mutation.find);
        if (path) mutated.push(withValueAt(value, path, mutation.replace(path.reduce((v: any, k) => v[k], value))));
      }
      for (const m of mutated) {
        const text = stringifyJson(m);
        const expected = general(text);
        expect(readHotServerMessage(text), text).toBeUndefined();
        expectSame(readServerMessage(text), expected, text);
        if (!expected.ok) refused++;
      }
    }
    expect(refused).toBeGreaterThan(600);
  });

  it('give the general path’s outcome for text-level damage, reading none that path refuses', () => {
    const r = seeded(19);
    let read = 0;
    let refused = 0;
    for (let i = 0; i < 6000; i++) {
      const text = r.pick(damages)(r, stringifyJson(frameValue(r, r.pick(KINDS))));
      const expected = general(text);
      const hot = readHotServerMessage(text);
      if (hot) {
        read++;
        expectSame(hot, expected, text);
      }
      expectSame(readServerMessage(text), expected, text);
      if (!expected.ok) refused++;
    }
    // Both sides of the property were exercised: frames read on the fast path, and refusals.
    expect(read).toBeGreaterThan(500);
    expect(refused).toBeGreaterThan(3000);
  });

  it('leave every other message to the general path', () => {
    for (const text of [
      '{"m":"ping","hp":3}',
      '{"op":"connected","type":"unauth"}',
      '{"m":"depth-snapshot","symbol":"A/B","data":{"seqnum":1,"ts":1,"asks":[],"bids":[]}}',
      '[]',
      '"depth"',
      '',
    ]) {
      expect(readHotServerMessage(text), text).toBeUndefined();
      expectSame(readServerMessage(text), general(text), text);
    }
  });
});
