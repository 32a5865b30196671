// The products the mock exchange trades and their rules (the check a new order must pass is
// `checkProductRules` of @ascendex-toolkit/validators/orders, shared with the client).
import type { CommissionType } from '@ascendex-toolkit/types';

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
