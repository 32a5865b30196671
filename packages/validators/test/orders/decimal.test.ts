import { describe, expect, it } from 'vitest';
import {
  add,
  cmp,
  div,
  fromUnitsAtScale,
  isMultipleOf,
  mul,
  normalize,
  sub,
  toUnits,
  DecimalError,
} from '../../src/orders.js';
import { AscendexError } from '../../src/index.js';

describe('decimal', () => {
  it('adds, subtracts and multiplies exactly where floats do not', () => {
    expect(add('0.1', '0.2')).toBe('0.3');
    expect(sub('100000', '20020.000001')).toBe('79979.999999');
    expect(mul('43000.01', '0.00001')).toBe('0.4300001');
    expect(mul('-1.5', '2')).toBe('-3');
    expect(sub('1', '1')).toBe('0');
  });
  it('compares, normalizes and checks steps', () => {
    expect(cmp('1.10', '1.1')).toBe(0);
    expect(cmp('-2', '1')).toBe(-1);
    expect(normalize('0010.500')).toBe('10.5');
    expect(isMultipleOf('40000.01', '0.01')).toBe(true);
    expect(isMultipleOf('40000.005', '0.01')).toBe(false);
    expect(isMultipleOf('3', '1')).toBe(true);
  });
  it('divides with truncation and rounds to a scale', () => {
    expect(div('1', '3')).toBe('0.333333333333333333');
    expect(fromUnitsAtScale(toUnits('1.23456'), 2)).toBe('1.23');
  });
  it('refuses what is not a decimal with a typed error', () => {
    expect(() => toUnits('1e5')).toThrow(DecimalError);
    expect(() => toUnits('0.1234567890123456789')).toThrow(AscendexError);
    expect(() => div('1', '0')).toThrow(DecimalError);
  });
});
