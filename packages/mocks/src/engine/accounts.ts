// The ledger: per account (cash and margin of every mock account) its balances, total and
// available (total minus what open orders hold), and its sequence numbers. Amounts are decimal
// strings moved with exact arithmetic, never floats.
import type { MockAccount } from '../backend.js';
import { normalize } from '@ascendex-toolkit/validators/orders';
import type { BalanceFigures, Category } from './events.js';
import type { Prng } from './prng.js';

/** Balances to start with: per account id, asset → amount (all available). @public */
export type StartingBalances = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** What every account holds unless `balances` says otherwise. @public */
export const defaultFunding: Readonly<Record<string, string>> = {
  USDT: '100000',
  BTC: '5',
  ETH: '50',
  ASD: '1000000',
};

export interface Balance {
  total: string;
  available: string;
}

export interface AccountState {
  readonly account: MockAccount;
  readonly category: Category;
  readonly accountId: string;
  readonly balances: Map<string, Balance>;
  sequence: number;
}

export class Ledger {
  private readonly states = new Map<string, AccountState>();

  constructor(accounts: readonly MockAccount[], balances: StartingBalances | undefined, prng: Prng) {
    for (const account of accounts)
      for (const category of ['cash', 'margin'] as const) {
        const accountId = category === 'cash' ? account.cashAccountId : account.marginAccountId;
        const funding = balances ? (balances[accountId] ?? {}) : defaultFunding;
        const held = new Map<string, Balance>();
        for (const [asset, amount] of Object.entries(funding))
          held.set(asset, { total: normalize(amount), available: normalize(amount) });
        const sequence = 1_000_000_000 + prng.int(0, 999_999) * 1000;
        this.states.set(accountId, { account, category, accountId, balances: held, sequence });
      }
  }

  /** The cash or margin account of `account`. */
  of(account: MockAccount, category: Category): AccountState {
    return this.states.get(category === 'cash' ? account.cashAccountId : account.marginAccountId)!;
  }

  byId(accountId: string): AccountState | undefined {
    return this.states.get(accountId);
  }

  /** The balance of an asset, created at zero when the account never held it. */
  balance(state: AccountState, asset: string): Balance {
    let b = state.balances.get(asset);
    if (!b) state.balances.set(asset, (b = { total: '0', available: '0' }));
    return b;
  }

  figures(state: AccountState, asset: string): BalanceFigures {
    const { total, available } = this.balance(state, asset);
    return { total, available };
  }

  /** The account's next sequence number (orders and balances share one sequence per account). */
  nextSn(state: AccountState): number {
    return ++state.sequence;
  }
}
