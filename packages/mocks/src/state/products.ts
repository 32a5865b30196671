// The products the mock exchange trades, their rules, and the checks a new order must pass (the
// order criteria of the exchange's place-order section).
import type { CommissionType, LegacyProduct, Product } from '@ascendex-toolkit/types';
import { cmp, isMultipleOf, mul, normalize } from './decimal.js';

/** A product of the mock exchange: its rules and where its synthetic market starts. @public */
export interface MockProduct {
  readonly symbol: string;
  readonly baseAsset: string;
  readonly quoteAsset: string;
  readonly tickSize: string;
  readonly lotSize: string;
  readonly minQty: string;
  readonly maxQty: string;
  readonly minNotional: string;
  readonly maxNotional: string;
  readonly commissionType: CommissionType;
  readonly commissionReserveRate: string;
  readonly marginTradable: boolean;
  /** Middle of the synthetic book when the exchange starts. */
  readonly referencePrice: string;
}

/** BTC/USDT, ETH/USDT and ASD/USDT with rules of the size the exchange uses. @public */
export const defaultProducts: readonly MockProduct[] = [
  {
    symbol: 'BTC/USDT',
    baseAsset: 'BTC',
    quoteAsset: 'USDT',
    tickSize: '0.01',
    lotSize: '0.00001',
    minQty: '0.00001',
    maxQty: '1000',
    minNotional: '5',
    maxNotional: '2000000',
    commissionType: 'Quote',
    commissionReserveRate: '0.001',
    marginTradable: true,
    referencePrice: '43000',
  },
  {
    symbol: 'ETH/USDT',
    baseAsset: 'ETH',
    quoteAsset: 'USDT',
    tickSize: '0.01',
    lotSize: '0.0001',
    minQty: '0.0001',
    maxQty: '10000',
    minNotional: '5',
    maxNotional: '1000000',
    commissionType: 'Quote',
    commissionReserveRate: '0.001',
    marginTradable: true,
    referencePrice: '2300',
  },
  {
    symbol: 'ASD/USDT',
    baseAsset: 'ASD',
    quoteAsset: 'USDT',
    tickSize: '0.00001',
    lotSize: '1',
    minQty: '1',
    maxQty: '50000000',
    minNotional: '5',
    maxNotional: '200000',
    commissionType: 'Received',
    commissionReserveRate: '0.001',
    marginTradable: false,
    referencePrice: '0.05',
  },
];

/** Decimal places of a step such as `0.001` (3) or `1` (0). */
export function scaleOf(step: string): number {
  const dot = normalize(step).indexOf('.');
  return dot < 0 ? 0 : normalize(step).length - dot - 1;
}

/** The product as `GET /api/pro/v1/{cash|margin}/products` lists it. */
export function productRecord(p: MockProduct): Product {
  const qtyScale = scaleOf(p.lotSize);
  const priceScale = scaleOf(p.tickSize);
  return {
    symbol: p.symbol,
    displayName: p.symbol,
    baseAsset: p.baseAsset,
    quoteAsset: p.quoteAsset,
    status: 'Normal',
    domain: 'USDS',
    tradingStartTime: 1546300800000,
    collapseDecimals: [1, p.tickSize].map(String).join(','),
    minQty: p.minQty,
    maxQty: p.maxQty,
    minNotional: p.minNotional,
    maxNotional: p.maxNotional,
    statusCode: 'Normal',
    statusMessage: '',
    tickSize: p.tickSize,
    useTick: false,
    lotSize: p.lotSize,
    useLot: false,
    commissionType: p.commissionType,
    commissionReserveRate: p.commissionReserveRate,
    qtyScale,
    priceScale,
    notionalScale: 4,
    marginTradable: p.marginTradable,
  };
}

/** The product as the deprecated `GET /api/pro/v1/products` lists it. */
export function legacyProductRecord(p: MockProduct): LegacyProduct {
  return {
    symbol: p.symbol,
    baseAsset: p.baseAsset,
    quoteAsset: p.quoteAsset,
    status: 'Normal',
    minNotional: p.minNotional,
    maxNotional: p.maxNotional,
    marginTradable: p.marginTradable,
    commissionType: p.commissionType,
    commissionReserveRate: p.commissionReserveRate,
    tickSize: p.tickSize,
    lotSize: p.lotSize,
  };
}

/** The catalog reasons an order can break a product rule with. */
export type ProductRuleReason = 'INVALID_PRICE' | 'INVALID_QTY' | 'INVALID_NOTIONAL';

/** A broken product rule, with a message for humans. */
export interface RuleBreach {
  readonly reason: ProductRuleReason;
  readonly message: string;
}

/** The order fields the product rules look at. */
export interface RuleInput {
  readonly orderType: 'market' | 'limit' | 'stop_market' | 'stop_limit';
  readonly orderQty: string;
  readonly orderPrice?: string | undefined;
  readonly stopPrice?: string | undefined;
}

/** The first product rule the order breaks: tick size, lot size and size range, notional range (limit prices only). */
export function checkProductRules(p: MockProduct, order: RuleInput): RuleBreach | undefined {
  for (const price of [order.orderPrice, order.stopPrice])
    if (price !== undefined && !isMultipleOf(price, p.tickSize))
      return { reason: 'INVALID_PRICE', message: `Price ${price} is not a multiple of the tick size ${p.tickSize}.` };
  if (!isMultipleOf(order.orderQty, p.lotSize))
    return {
      reason: 'INVALID_QTY',
      message: `Order size ${order.orderQty} is not a multiple of the lot size ${p.lotSize}.`,
    };
  if (cmp(order.orderQty, p.minQty) < 0 || cmp(order.orderQty, p.maxQty) > 0)
    return { reason: 'INVALID_QTY', message: `Order size must be within [${p.minQty}, ${p.maxQty}].` };
  if (order.orderPrice !== undefined) {
    const notional = mul(order.orderPrice, order.orderQty);
    if (cmp(notional, p.minNotional) < 0) return { reason: 'INVALID_NOTIONAL', message: 'Notional is too small.' };
    if (cmp(notional, p.maxNotional) > 0) return { reason: 'INVALID_NOTIONAL', message: 'Notional is too large.' };
  }
  return undefined;
}
