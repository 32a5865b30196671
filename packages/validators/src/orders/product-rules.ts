// The order criteria of the exchange's place-order section that depend on the product alone: tick
// size, lot size, size range and notional range. One implementation for the mock exchange (which
// refuses with it) and the client's opt-in pre-flight check (which refuses before sending).
import type { Product } from '@ascendex-toolkit/types';
import { cmp, isMultipleOf, mul } from './decimal.js';

/** The rules of a product, as `listProducts` returns them (decimal strings). @public */
export type ProductRules = Pick<Product, 'tickSize' | 'lotSize' | 'minQty' | 'maxQty' | 'minNotional' | 'maxNotional'>;

/** The catalog reasons an order can break a product rule with, and their codes. @public */
export const productRuleCodes = { INVALID_PRICE: 300001, INVALID_QTY: 300002, INVALID_NOTIONAL: 300004 } as const;

/** @public */
export type ProductRuleReason = keyof typeof productRuleCodes;

/** A broken product rule, as the exchange reports it: code, reason and a message for humans. @public */
export interface RuleBreach {
  readonly code: (typeof productRuleCodes)[ProductRuleReason];
  readonly reason: ProductRuleReason;
  readonly message: string;
}

/** The order fields the product rules look at (decimal strings). @public */
export interface RuleInput {
  readonly orderQty: string;
  readonly orderPrice?: string | undefined;
  readonly stopPrice?: string | undefined;
}

const breach = (reason: ProductRuleReason, message: string): RuleBreach => ({
  code: productRuleCodes[reason],
  reason,
  message,
});

/**
 * The first product rule the order breaks, or undefined: prices on the tick, size on the lot and
 * within [minQty, maxQty], notional within [minNotional, maxNotional] (orders with a limit price
 * only: a market order's notional is not known before it fills). Exact decimal arithmetic.
 * @throws {DecimalError} when a field is not a decimal string.
 * @public
 */
export function checkProductRules(p: ProductRules, order: RuleInput): RuleBreach | undefined {
  for (const price of [order.orderPrice, order.stopPrice])
    if (price !== undefined && !isMultipleOf(price, p.tickSize))
      return breach('INVALID_PRICE', `Price ${price} is not a multiple of the tick size ${p.tickSize}.`);
  if (!isMultipleOf(order.orderQty, p.lotSize))
    return breach('INVALID_QTY', `Order size ${order.orderQty} is not a multiple of the lot size ${p.lotSize}.`);
  if (cmp(order.orderQty, p.minQty) < 0 || cmp(order.orderQty, p.maxQty) > 0)
    return breach('INVALID_QTY', `Order size must be within [${p.minQty}, ${p.maxQty}].`);
  if (order.orderPrice !== undefined) {
    const notional = mul(order.orderPrice, order.orderQty);
    if (cmp(notional, p.minNotional) < 0) return breach('INVALID_NOTIONAL', 'Notional is too small.');
    if (cmp(notional, p.maxNotional) > 0) return breach('INVALID_NOTIONAL', 'Notional is too large.');
  }
  return undefined;
}
