// What a new order must pass before the engine takes it, with the exchange's refusals: a listed
// product, margin trading only where the product allows it, the product's tick, lot, size and
// notional rules, and enough available balance for what the order holds. Also how much an order
// holds (placing holds it, fills and cancels give it back). Pure reads of the engine's state.
import type { OrderSide, PlaceOrderArgs } from '@ascendex-toolkit/types';
import { add, checkProductRules, cmp, mul, sub } from '@ascendex-toolkit/validators/orders';
import type { ExchangeErrorFields, MockAccount } from '../backend.js';
import type { Ledger } from './accounts.js';
import type { Category } from './events.js';
import type { Market } from './market.js';
import type { MockProduct } from './products.js';
import { refusal, type CatalogRefusal } from './refusals.js';

/** The outcome of an order request: what happened, or the exchange's refusal. */
export type Outcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: ExchangeErrorFields | CatalogRefusal };

/** The arguments of a place-order request, REST or WebSocket. */
export type PlaceArgs = PlaceOrderArgs & { readonly postOnly?: boolean; readonly timeInForce?: string };

/** The limit and stop prices of an order request (absent for the order types without them). */
export function pricesOf(args: PlaceArgs): { orderPrice?: string | undefined; stopPrice?: string | undefined } {
  return args as { orderPrice?: string; stopPrice?: string };
}

/** What an order holds for `remaining` of its size: quote for buys, base for sells, commission reserve included. */
export function holdFor(product: MockProduct, side: OrderSide, holdPrice: string, remaining: string): string {
  const reserve = add('1', product.commissionReserveRate);
  if (side === 'Buy') {
    const notional = mul(holdPrice, remaining);
    return product.commissionType === 'Quote' ? mul(notional, reserve) : notional;
  }
  return product.commissionType === 'Base' ? mul(remaining, reserve) : remaining;
}

/** A new order that passed: its product and what it holds (`hold` of `holdAsset`, valued at `holdPrice`). */
export interface CheckedOrder {
  readonly product: MockProduct;
  readonly holdPrice: string;
  readonly hold: string;
  readonly holdAsset: string;
}

/** The parts of the engine the checks read. */
export interface OrderCheckState {
  readonly products: ReadonlyMap<string, MockProduct>;
  readonly ledger: Ledger;
  readonly market: Market;
}

/**
 * Checks a new order against the product's rules and the balance; the hold it needs when it
 * passes. `alreadyHeld` is what earlier orders of the same batch would hold, by asset.
 */
export function checkOrder(
  state: OrderCheckState,
  account: MockAccount,
  category: Category,
  args: PlaceArgs,
  alreadyHeld: ReadonlyMap<string, string> = new Map(),
): Outcome<CheckedOrder> {
  const product = state.products.get(args.symbol);
  if (!product) return { ok: false, error: refusal('INVALID_PRODUCT', `Invalid product: ${args.symbol}`) };
  if (category === 'margin' && !product.marginTradable)
    return { ok: false, error: refusal('INVALID_MARGIN_ASSET', `${args.symbol} cannot be traded on margin.`) };
  const { orderPrice, stopPrice } = pricesOf(args);
  const breach = checkProductRules(product, { orderQty: args.orderQty, orderPrice, stopPrice });
  if (breach) return { ok: false, error: refusal(breach.reason, breach.message) };
  const side: OrderSide = args.side === 'buy' ? 'Buy' : 'Sell';
  const holdPrice = orderPrice ?? stopPrice ?? state.market.referencePrice(args.symbol);
  const hold = holdFor(product, side, holdPrice, args.orderQty);
  const holdAsset = side === 'Buy' ? product.quoteAsset : product.baseAsset;
  const balance = state.ledger.balance(state.ledger.of(account, category), holdAsset);
  const available = sub(balance.available, alreadyHeld.get(holdAsset) ?? '0');
  if (cmp(available, hold) < 0) return { ok: false, error: refusal('INVALID_BALANCE', 'Not Enough Account Balance') };
  return { ok: true, value: { product, holdPrice, hold, holdAsset } };
}
