// The cursor under the generated frame readers: each token read either gives what parseJson gives
// for the same token, or gives up (undefined / -1) so that the general path decides.
import { describe, it, expect } from 'vitest';
import { JsonCursor } from '../src/runtime/json-cursor.js';
import { parseJson } from '../src/index.js';

const cursor = new JsonCursor();

describe('JsonCursor', () => {
  it('reads integers as parseJson does: numbers up to 2^53 - 1, bigints beyond only where asked', () => {
    for (const token of ['0', '-0', '7', '-12', '123456789012345', '9007199254740991', '-9007199254740991']) {
      expect(cursor.reset(` ${token} `).integer(false), token).toStrictEqual(parseJson(token));
    }
    for (const token of ['9007199254740993', '144115191800016553', '-144115191800016553']) {
      expect(cursor.reset(token).integer(true), token).toStrictEqual(parseJson(token));
      expect(typeof cursor.reset(token).integer(true)).toBe('bigint');
      expect(cursor.reset(token).integer(false), token).toBeUndefined();
    }
  });

  it('gives up on every other number form, leaving the position where it was', () => {
    for (const token of ['01', '-', '-01', '1.0', '1e3', '1E3', '2.5', '', 'x', '"1"', '+1']) {
      const c = cursor.reset(token);
      expect(c.integer(true), token).toBeUndefined();
      expect(c.pos, token).toBe(0);
    }
  });

  it('reads strings without escapes or control characters, and only those', () => {
    expect(cursor.reset('"BTC/USDT" ').string()).toBe('BTC/USDT');
    expect(cursor.reset('"ü/€"').string()).toBe('ü/€');
    expect(cursor.reset('""').string()).toBe('');
    for (const text of ['"a\\"b"', '"a\\u0041"', '"a\u0001"', '"unclosed', 'nope', '1']) {
      expect(cursor.reset(text).string(), text).toBeUndefined();
    }
  });

  it('reads a string of 13 or more characters (copied out of the frame, not a view into it)', () => {
    // A price of 13+ characters must not keep the whole frame alive: the copy equals the text,
    // and reading it twice gives equal, independent strings.
    const text = `{"p":"12345.678901234567"${' '.repeat(1000)}}`;
    const c = cursor.reset(text);
    expect(c.eat(123)).toBe(true);
    expect(c.key()).toBe('p');
    expect(c.string()).toBe('12345.678901234567');
    expect(c.next(125)).toBe(0);
    expect(c.atEnd()).toBe(true);
  });

  it('reads members, elements, booleans and the end of the text', () => {
    const c = cursor.reset(' [ true , false ]x');
    expect(c.eat(91)).toBe(true);
    expect(c.boolean()).toBe(true);
    expect(c.next(93)).toBe(1);
    expect(c.boolean()).toBe(false);
    expect(c.next(93)).toBe(0);
    expect(c.atEnd()).toBe(false);
    expect(cursor.reset('tru').boolean()).toBeUndefined();
    expect(cursor.reset('[1;').eat(91)).toBe(true);
    const d = cursor.reset('1;');
    d.integer(false);
    expect(d.next(93)).toBe(-1);
    expect(cursor.reset('{"k" 1}').eat(123) && cursor.key()).toBeUndefined();
  });
});
