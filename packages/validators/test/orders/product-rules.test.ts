// The product-rule check of a new order: tick size, lot size, size range, notional range, each
// refused with the exchange's code and reason, in exact decimals (floats would misjudge all three).
import { describe, expect, it } from 'vitest';
import { checkProductRules, DecimalError, type ProductRules } from '../../src/orders.js';

const btc: ProductRules = {
  tickSize: '0.01',
  lotSize: '0.00001',
  minQty: '0.00001',
  maxQty: '1000',
  minNotional: '5',
  maxNotional: '2000000',
};

describe('checkProductRules', () => {
  it('accepts an order on the tick and lot, within the ranges', () => {
    expect(checkProductRules(btc, { orderQty: '0.00123', orderPrice: '43000.07' })).toBeUndefined();
    // 0.1 + 0.2 style traps: 0.3 is a multiple of 0.1 in decimals, not in floats.
    expect(checkProductRules({ ...btc, tickSize: '0.1' }, { orderQty: '20', orderPrice: '0.3' })).toBeUndefined();
  });

  it('refuses a price off the tick (limit or stop) with INVALID_PRICE 300001', () => {
    expect(checkProductRules(btc, { orderQty: '1', orderPrice: '43000.001' })).toMatchObject({
      code: 300001,
      reason: 'INVALID_PRICE',
    });
    expect(checkProductRules(btc, { orderQty: '1', stopPrice: '43000.005' })).toMatchObject({
      reason: 'INVALID_PRICE',
    });
  });

  it('refuses a size off the lot or outside [minQty, maxQty] with INVALID_QTY 300002', () => {
    expect(checkProductRules(btc, { orderQty: '0.000015' })).toMatchObject({ code: 300002, reason: 'INVALID_QTY' });
    expect(checkProductRules(btc, { orderQty: '1000.00001' })?.message).toMatch(/within \[0.00001, 1000\]/);
    expect(checkProductRules(btc, { orderQty: '0' })).toMatchObject({ reason: 'INVALID_QTY' });
  });

  it('refuses a notional outside [minNotional, maxNotional] with INVALID_NOTIONAL 300004, limit prices only', () => {
    expect(checkProductRules(btc, { orderQty: '0.0001', orderPrice: '49999.99' })).toMatchObject({
      code: 300004,
      reason: 'INVALID_NOTIONAL',
      message: 'Notional is too small.',
    });
    expect(checkProductRules(btc, { orderQty: '0.0001', orderPrice: '50000' })).toBeUndefined();
    expect(checkProductRules(btc, { orderQty: '1000', orderPrice: '2000.01' })?.message).toBe('Notional is too large.');
    // A market order's notional is unknown before it fills.
    expect(checkProductRules(btc, { orderQty: '0.0001' })).toBeUndefined();
  });

  it('throws DecimalError on a field that is not a decimal string', () => {
    expect(() => checkProductRules(btc, { orderQty: '1e-3' })).toThrow(DecimalError);
  });
});
