// The opt-in pre-flight check of a new order against its product's rules, before anything is sent.
// The rules are the mock exchange's (one implementation, @ascendex-toolkit/validators/orders), and a
// breach is the very error the exchange would answer with, so one `catch` handles both.
import type { Product } from '@ascendex-toolkit/types';
import { ValidationError } from '@ascendex-toolkit/validators';
import { checkProductRules, type RuleInput } from '@ascendex-toolkit/validators/orders';
import { apiErrorFrom } from '../core/api-error.js';
import { apiErrors } from '../generated/errors.gen.js';
import { AscendexRequestError } from '../core/errors.js';

/** The order fields the pre-flight check reads (every `placeOrder` body has them). @public */
export type PreflightOrder = RuleInput & { readonly symbol: string };

/** The product rules the check needs, as `listProducts` returns them. @public */
export type PreflightProduct = Pick<
  Product,
  'symbol' | 'tickSize' | 'lotSize' | 'minQty' | 'maxQty' | 'minNotional' | 'maxNotional'
>;

/**
 * Checks `order` against `product` (tick size, lot size, size range, notional range of limit
 * prices) in exact decimals. Returns when the order passes; the exchange may still refuse it for
 * other reasons (balance, trading status).
 * @param operationId the operation the order is for, named in the error (default `placeOrder`).
 * @throws {OrderError} the exchange's own refusal: `INVALID_PRICE` (300001), `INVALID_QTY` (300002)
 *   or `INVALID_NOTIONAL` (300004), with HTTP `status` 0 (nothing was sent).
 * @throws {AscendexRequestError} when `product` is not the order's symbol, or a field is not a decimal string.
 * @public
 */
export function preflightOrder(order: PreflightOrder, product: PreflightProduct, operationId = 'placeOrder'): void {
  if (order.symbol !== product.symbol) {
    throw new AscendexRequestError(
      operationId,
      new ValidationError('PreflightOrder', [
        { path: '/symbol', message: `must be the product's symbol ${product.symbol}`, keyword: 'const' },
      ]),
    );
  }
  let breach;
  try {
    breach = checkProductRules(product, order);
  } catch (error) {
    // DecimalError: a field of the order or the product is not a decimal string.
    throw new AscendexRequestError(
      operationId,
      new ValidationError('PreflightOrder', [
        { path: '', message: error instanceof Error ? error.message : String(error), keyword: 'format' },
      ]),
    );
  }
  if (breach) throw apiErrorFrom(apiErrors, breach, { operationId, status: 0 });
}
