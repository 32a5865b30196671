// What a refusal says: an integer above 2^53 in a field that does not take one is called that, a
// discriminated union's tag is named when it selects no shape, and the exchange-side profile reads
// the same way. Values are hand-written, not taken from the spec.
import { describe, it, expect } from 'vitest';
import {
  assertGetDepthSuccess,
  assertPlaceOrderBody,
  assertWsPlaceOrderRequest,
  parseJson,
  ValidationError,
  type ValidationIssue,
} from '../src/index.js';
import { checkRestBody } from '../src/exchange.js';

/** The issues `check` throws (it must throw a ValidationError). */
function issuesOf(check: () => void): readonly ValidationIssue[] {
  try {
    check();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).issues;
  }
  return expect.fail('the check passed');
}

const depth = (fields: string) =>
  parseJson(`{"code":0,"data":{"m":"depth-snapshot","symbol":"ASD/USDT","data":{${fields},"asks":[],"bids":[]}}}`);

describe('issue messages', () => {
  it('calls an integer above 2^53 in a plain integer field what it is', () => {
    const issues = issuesOf(() => assertGetDepthSuccess(depth('"seqnum":5068757,"ts":12345678901234567890')));
    expect(issues).toEqual([
      {
        path: '/data/data/ts',
        keyword: 'type',
        message:
          'must be an integer within ±(2^53 − 1); got 12345678901234567890, which only sequence numbers (int64) may exceed',
      },
    ]);
  });

  it('refuses an int64 written with a fraction or an exponent beyond 2^53 instead of keeping its rounded value', () => {
    for (const token of ['9007199254740993.0', '9.007199254740993e15', '1e19', '-9007199254740993.0']) {
      const value = depth(`"seqnum":${token},"ts":1573165838976`);
      const issues = issuesOf(() => assertGetDepthSuccess(value));
      expect(issues).toHaveLength(1);
      expect(issues[0]!.path).toBe('/data/data/seqnum');
      expect(issues[0]!.message).toMatch(/^must be an exact int64: -?\d+ lies beyond ±\(2\^53 − 1\) as a number/);
    }
  });

  it('accepts an int64 as a plain integer token of any length, or a safe number (5068757.0 is exactly 5068757)', () => {
    for (const token of ['144115191800016553', '18446744073709551615', '9007199254740991', '5068757', '5068757.0'])
      expect(() => assertGetDepthSuccess(depth(`"seqnum":${token},"ts":1573165838976`))).not.toThrow();
    expect(() => assertGetDepthSuccess(depth('"seqnum":5068757.5,"ts":1573165838976'))).toThrow(ValidationError);
  });

  it('keeps the plain message where the value is not a big integer', () => {
    const issues = issuesOf(() => assertGetDepthSuccess(depth('"seqnum":5068757,"ts":"1573165838976"')));
    expect(issues).toEqual([{ path: '/data/data/ts', keyword: 'type', message: 'must be integer' }]);
  });

  it('names only the shape the order type selects: a number price on a limit order (REST and WebSocket)', () => {
    const order = { symbol: 'BTC/USDT', time: 1, orderQty: '1', orderType: 'limit', side: 'buy', orderPrice: 43000 };
    expect(issuesOf(() => assertPlaceOrderBody(order))).toEqual([
      { path: '/orderPrice', keyword: 'type', message: 'must be string' },
    ]);
    const request = { op: 'req', action: 'place-order', account: 'cash', args: order };
    expect(issuesOf(() => assertWsPlaceOrderRequest(request))).toEqual([
      { path: '/args/orderPrice', keyword: 'type', message: 'must be string' },
    ]);
    const stop = { ...order, orderType: 'stop_limit', orderPrice: '43000' };
    expect(issuesOf(() => assertPlaceOrderBody(stop))).toEqual([
      { path: '/stopPrice', keyword: 'required', message: "must have required property 'stopPrice'" },
    ]);
    expect(issuesOf(() => assertPlaceOrderBody({ ...order, orderType: 'iceberg' }))).toEqual([
      {
        path: '/orderType',
        keyword: 'discriminator',
        message: 'must be a value that selects one of the union\'s shapes (got "iceberg")',
      },
    ]);
  });

  it('names the tag of a union when its value selects no shape (exchange-side profile)', () => {
    const body = { symbol: 'BTC/USDT', time: 1, orderQty: '1', side: 'buy' };
    const unknown = checkRestBody('placeOrder', { ...body, orderType: 'iceberg' });
    expect(unknown.ok).toBe(false);
    if (!unknown.ok)
      expect(unknown.refusal.issues).toEqual([
        {
          path: '/orderType',
          keyword: 'discriminator',
          message: 'must be a value that selects one of the union\'s shapes (got "iceberg")',
        },
      ]);
    const missing = checkRestBody('placeOrder', body);
    expect(missing.ok).toBe(false);
    if (!missing.ok)
      expect(missing.refusal.issues).toEqual([
        { path: '/orderType', keyword: 'discriminator', message: 'is required (it selects the shape)' },
      ]);
  });
});
