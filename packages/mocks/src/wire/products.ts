// Products as the API lists them: the current (`/{accountCategory}/products`) and the deprecated
// (`/products`) record of an engine product.
import type { LegacyProduct, Product } from '@ascendex-toolkit/types';
import { normalize } from '@ascendex-toolkit/validators/orders';
import type { MockProduct } from '../engine/products.js';

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
