// Balances as the API reports them: the REST cash and margin balances, the margin risk profile, and
// its compact WebSocket form. Nothing is ever borrowed in the mock, so the leverage is 1.
import type { CashBalance, MarginBalance, MarginRiskData, MarginRiskProfile } from '@ascendex-toolkit/types';
import { add, mul } from '@ascendex-toolkit/validators/orders';
import type { MockAccount } from '../backend.js';
import type { ExchangeEngine } from '../engine/engine.js';

export function cashBalances(engine: ExchangeEngine, account: MockAccount): CashBalance[] {
  return [...engine.balances(account, 'cash')].map(([asset, b]) => ({
    asset,
    totalBalance: b.total,
    availableBalance: b.available,
  }));
}

export function marginBalances(engine: ExchangeEngine, account: MockAccount): MarginBalance[] {
  return [...engine.balances(account, 'margin')].map(([asset, b]) => ({
    asset,
    totalBalance: b.total,
    availableBalance: b.available,
    borrowed: '0',
    interest: '0',
  }));
}

/** Value of an amount of `asset` in USDT at the market's reference prices. */
function inUsdt(engine: ExchangeEngine, asset: string, amount: string): string {
  if (asset === 'USDT') return amount;
  const product = [...engine.products.values()].find((p) => p.baseAsset === asset && p.quoteAsset === 'USDT');
  return product ? mul(amount, engine.market.referencePrice(product.symbol)) : '0';
}

export function marginRisk(engine: ExchangeEngine, account: MockAccount): MarginRiskProfile {
  let total = '0';
  let available = '0';
  for (const [asset, b] of engine.balances(account, 'margin')) {
    total = add(total, inUsdt(engine, asset, b.total));
    available = add(available, inUsdt(engine, asset, b.available));
  }
  return {
    accountMaxLeverage: '10',
    availableBalanceInUSDT: available,
    totalBalanceInUSDT: total,
    totalBorrowedInUSDT: '0',
    totalInterestInUSDT: '0',
    netBalanceInUSDT: total,
    pointsBalance: '0',
    currentLeverage: '1',
    cushion: '100',
  };
}

export function marginRiskData(engine: ExchangeEngine, account: MockAccount): MarginRiskData {
  const risk = marginRisk(engine, account);
  return {
    tb: risk.totalBalanceInUSDT,
    ab: risk.availableBalanceInUSDT,
    nb: risk.netBalanceInUSDT,
    eim: '0',
    emm: '0',
    clv: risk.currentLeverage,
    ilv: risk.accountMaxLeverage,
    alv: risk.accountMaxLeverage,
    cus: risk.cushion,
    pts: risk.pointsBalance,
  };
}
