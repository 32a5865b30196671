// Order arguments follow the exchange's order-type table; hand-written requests, not spec examples.
import { describe, it, expect } from 'vitest';
import { isPlaceOrderBody, assertPlaceOrderBody, isWsPlaceOrderRequest, ValidationError } from '../src/index.js';

const base = { time: 1700000000000, symbol: 'BTC/USDT', orderQty: '0.01', side: 'buy' } as const;

describe('place-order arguments', () => {
  it('accepts each order type with the fields it needs', () => {
    expect(isPlaceOrderBody({ ...base, orderType: 'market' })).toBe(true);
    expect(
      isPlaceOrderBody({
        ...base,
        orderType: 'limit',
        orderPrice: '30000',
        postOnly: true,
        timeInForce: 'IOC',
        id: 'abcdef123',
      }),
    ).toBe(true);
    expect(isPlaceOrderBody({ ...base, orderType: 'stop_market', stopPrice: '29000' })).toBe(true);
    expect(
      isPlaceOrderBody({ ...base, orderType: 'stop_limit', stopPrice: '29000', orderPrice: '28900', respInst: 'DONE' }),
    ).toBe(true);
  });

  it('names the missing price of a limit order', () => {
    expect(() => assertPlaceOrderBody({ ...base, orderType: 'limit' })).toThrow(ValidationError);
    try {
      assertPlaceOrderBody({ ...base, orderType: 'limit' });
    } catch (e) {
      expect((e as ValidationError).issues.map((i) => i.path)).toContain('/orderPrice');
    }
  });

  it('refuses fields the order type does not take, money as numbers, and bad ids', () => {
    expect(isPlaceOrderBody({ ...base, orderType: 'market', postOnly: true })).toBe(false);
    expect(isPlaceOrderBody({ ...base, orderType: 'market', orderQty: 0.01 })).toBe(false);
    expect(isPlaceOrderBody({ ...base, orderType: 'market', orderQty: '1e-2' })).toBe(false);
    expect(isPlaceOrderBody({ ...base, orderType: 'market', id: 'bad id!' })).toBe(false);
    expect(isPlaceOrderBody({ ...base, orderType: 'market', side: 'Buy' })).toBe(false);
  });

  it('checks the same arguments inside a WebSocket place-order request', () => {
    const request = {
      op: 'req',
      action: 'place-order',
      account: 'cash',
      args: { ...base, orderType: 'limit', orderPrice: '30000' },
    };
    expect(isWsPlaceOrderRequest(request)).toBe(true);
    expect(isWsPlaceOrderRequest({ ...request, args: { ...base, orderType: 'limit' } })).toBe(false);
  });
});
