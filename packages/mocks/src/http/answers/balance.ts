// Answers of the `balance` tag: cash and margin balances and the margin risk profile.
import { cmp } from '@ascendex-toolkit/validators/orders';
import { cashBalances, marginBalances, marginRisk } from '../../wire/balances.js';
import type { RestAnswerer, RestAnswerTable } from './types.js';
import { ok, signer } from './types.js';

/** Assets with a balance, or all with `showAll`, or the one asked for. */
const balances =
  (list: typeof cashBalances | typeof marginBalances): RestAnswerer<'getCashBalance' | 'getMarginBalance'> =>
  (request, engine) => {
    const { asset, showAll } = request.params;
    const data = list(engine, signer(request)).filter(
      (b) =>
        (asset === undefined || b.asset === asset) &&
        (showAll === true || cmp(b.totalBalance, '0') !== 0 || asset !== undefined),
    );
    return ok({ data });
  };

export const balanceAnswers: RestAnswerTable = {
  getCashBalance: balances(cashBalances),
  getMarginBalance: balances(marginBalances),
  getMarginRisk: (request, engine) => ok({ data: marginRisk(engine, signer(request)) }),
};
