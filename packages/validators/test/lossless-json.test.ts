// Integers above 2^53 survive parse -> validate -> serialize; everything else parses as JSON.parse does.
import { describe, it, expect } from 'vitest';
import {
  parseJson,
  stringifyJson,
  JsonParseError,
  JsonStringifyError,
  AscendexError,
  isTradesMessage,
  assertTradesMessage,
  parseServerMessage,
} from '../src/index.js';

// A trades frame as the exchange sends it (hand-written, not taken from the spec).
const TRADE_FRAME =
  '{"m":"trades","symbol":"ASD/USDT","data":[{"p":"0.06762","q":"400","ts":1573165890854,"bm":false,"seqnum":144115191800016553}]}';

describe('lossless JSON', () => {
  it('keeps seqnum 144115191800016553 exact through parse, validate and serialize', () => {
    const message = parseJson(TRADE_FRAME) as { data: { seqnum: unknown }[] };
    expect(message.data[0]!.seqnum).toBe(144115191800016553n);
    expect(isTradesMessage(message)).toBe(true);
    expect(() => assertTradesMessage(message)).not.toThrow();
    const text = stringifyJson(message);
    expect(text).toContain('"seqnum":144115191800016553');
    expect(text).toBe(TRADE_FRAME);
    // what JSON.parse would have done:
    expect(String((JSON.parse(TRADE_FRAME) as typeof message).data[0]!.seqnum)).not.toBe('144115191800016553');
  });

  it('dispatches the big-seqnum frame as a TradesMessage', () => {
    const result = parseServerMessage(TRADE_FRAME);
    expect(result.name).toBe('TradesMessage');
    if (result.name === 'TradesMessage') expect(result.message.data[0]!.seqnum).toBe(144115191800016553n);
  });

  it('keeps safe integers as numbers and decimals as strings', () => {
    const value = parseJson(
      '{"seqnum":9007199254740991,"neg":-9007199254740993,"ts":1573165890854,"p":"0.1","f":1.5,"e":1e3}',
    );
    expect(value).toEqual({
      seqnum: 9007199254740991,
      neg: -9007199254740993n,
      ts: 1573165890854,
      p: '0.1',
      f: 1.5,
      e: 1000,
    });
  });

  it('agrees with JSON.parse when no integer is too long', () => {
    const text = '{"a":[1,2,{"b":"12345678901234567890 in a string"}],"c":null,"d":true,"e":-0.5}';
    expect(parseJson(text)).toEqual(JSON.parse(text));
  });

  it('finds a big integer at every offset and of every length from 16 digits, beside other digit runs', () => {
    for (let pad = 0; pad < 40; pad++) {
      for (const digits of ['9007199254740993', '144115191800016553', '18446744073709551615']) {
        const text = `{"${'x'.repeat(pad)}":"123456789012345","p":"0.1234","n":${digits},"ts":1573165890854}`;
        expect((parseJson(text) as { n: unknown }).n).toBe(BigInt(digits));
      }
    }
  });

  it('finds big integers anywhere: top level, arrays, after whitespace', () => {
    expect(parseJson('18446744073709551615')).toBe(18446744073709551615n);
    expect(parseJson('[1,\n  18446744073709551615]')).toEqual([1, 18446744073709551615n]);
  });

  it('rejects malformed JSON with a typed error that does not echo the text', () => {
    for (const bad of ['{"key":"s3cr3t-api-secret"', '{"seqnum":144115191800016553,}', '', 'nope']) {
      let caught: unknown;
      try {
        parseJson(bad);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(JsonParseError);
      expect((caught as Error).message).not.toContain('s3cr3t');
      expect((caught as JsonParseError).length).toBe(bad.length);
    }
  });

  it('serialises bigints exactly and refuses what JSON cannot hold', () => {
    expect(stringifyJson({ a: 2n ** 64n, b: [1, 'x'] })).toBe('{"a":18446744073709551616,"b":[1,"x"]}');
    for (const bad of [undefined, () => 1, Symbol('s')]) {
      expect(() => stringifyJson(bad)).toThrow(JsonStringifyError);
    }
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(() => stringifyJson(circular)).toThrow(JsonStringifyError);
    expect(() => stringifyJson(undefined)).toThrow(AscendexError);
  });
});
