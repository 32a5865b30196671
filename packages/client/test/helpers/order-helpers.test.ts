// The order helpers agree with the mock exchange, which runs the same rules: a refused pre-flight
// check is the refusal the exchange answers with, and the predicted server order id is the id the
// exchange gives the order.
import { describe, expect, it } from 'vitest';
import { createMockExchange, defaultAccount } from '@ascendex-toolkit/mocks';
import type { ListProductsResponse, PlaceOrderArgs, Product } from '@ascendex-toolkit/types';
import { assertListProductsResponse } from '@ascendex-toolkit/validators';
import { AscendexRequestError } from '../../src/core/errors.js';
import { isAscendexError, OrderError, preflightOrder, serverOrderId } from '../../src/errors-and-helpers.js';

const exchange = createMockExchange({ seed: 1, clock: () => 1_700_000_000_000 });
/** The products as listProducts returns them (the mock exchange's answer, validated). */
const products = (() => {
  const answer = exchange.handleRest({
    operationId: 'listProducts',
    params: { accountCategory: 'cash' },
    body: undefined,
    account: undefined,
  } as never);
  assertListProductsResponse(answer?.body);
  return new Map((answer!.body as ListProductsResponse & { data: Product[] }).data.map((p) => [p.symbol, p]));
})();
const btc = products.get('BTC/USDT')!;

const limit = (orderQty: string, orderPrice: string, symbol = 'BTC/USDT'): PlaceOrderArgs => ({
  symbol,
  time: 1_700_000_000_000,
  orderQty,
  orderPrice,
  orderType: 'limit',
  side: 'buy',
});

describe('preflightOrder', () => {
  it('passes an order the exchange accepts', () => {
    const order = limit('0.001', '43000.01');
    expect(() => preflightOrder(order, btc)).not.toThrow();
    expect(exchange.placeOrder(defaultAccount, 'cash', order, 'rest').ok).toBe(true);
  });

  it("refuses with the exchange's own error: the class, code and reason the exchange answers with", () => {
    for (const [order, reason, code] of [
      [limit('0.001', '43000.001'), 'INVALID_PRICE', 300001],
      [limit('0.000015', '43000'), 'INVALID_QTY', 300002],
      [limit('0.0001', '43000'), 'INVALID_NOTIONAL', 300004],
      [
        { ...limit('0.001', '1'), orderType: 'stop_limit', stopPrice: '1.001' } as PlaceOrderArgs,
        'INVALID_PRICE',
        300001,
      ],
    ] as const) {
      const error = (() => {
        try {
          preflightOrder(order, btc);
        } catch (e) {
          return e;
        }
        return expect.fail(`${reason}: not refused`);
      })();
      expect(error, reason).toBeInstanceOf(OrderError);
      expect(isAscendexError(error, reason)).toBe(true);
      expect(error).toMatchObject({ code, reason, status: 0, operationId: 'placeOrder' });
      const answer = exchange.placeOrder(defaultAccount, 'cash', order, 'rest');
      expect(answer.ok ? undefined : answer.error.reason, reason).toBe(reason);
    }
  });

  it('passes a market order of any notional (unknown before it fills)', () => {
    const market: PlaceOrderArgs = {
      symbol: 'BTC/USDT',
      time: 1,
      orderQty: '0.00001',
      orderType: 'market',
      side: 'buy',
    };
    expect(() => preflightOrder(market, btc)).not.toThrow();
  });

  it('refuses a product of another symbol, and a field that is not a decimal, as a request error', () => {
    expect(() => preflightOrder(limit('1', '0.05', 'ASD/USDT'), btc)).toThrow(AscendexRequestError);
    expect(() => preflightOrder(limit('1e-3', '43000'), btc)).toThrow(/not a decimal/);
    expect(() => preflightOrder(limit('1e-3', '43000'), btc)).toThrow(AscendexRequestError);
  });
});

describe('serverOrderId', () => {
  it("reproduces the docs' sample", () => {
    const time = parseInt('16edbd9aefa', 16);
    expect(serverOrderId({ id: 'ROunD0hpprO2KEgkVK30FOIpPK3zuGGh', time }, 'U9490877774')).toBe(
      'a16edbd9aefaU9490877774pPK3zuGGh',
    );
    expect(serverOrderId({ id: 'ROunD0hpprO2KEgkVK30FOIpPK3zuGGh', time }, 'U9490877774', 'ws')).toMatch(
      /^s16edbd9aefa/,
    );
  });

  it('is the id the exchange gives the order, known before the answer', () => {
    const order = { ...limit('0.001', '43000'), id: 'myOrder000000001' };
    const predicted = serverOrderId(order, defaultAccount.userUID);
    const placed = exchange.placeOrder(defaultAccount, 'cash', order, 'rest');
    expect(placed.ok && placed.value.orderId).toBe(predicted);
  });

  it('refuses a client order id the exchange would replace by a random tail', () => {
    for (const id of [undefined, 'short', 'has-dashes-in-it'])
      expect(() => serverOrderId({ id, time: 1 }, 'U1234567890')).toThrow(AscendexRequestError);
  });
});
