// Answers of the `account` tag: account info and fees.
import type { RestAnswerTable } from './types.js';
import { ok, signer } from './types.js';

export const accountAnswers: RestAnswerTable = {
  getAccountInfo: (request) => {
    const a = signer(request);
    return ok({
      data: {
        accountGroup: a.accountGroup,
        email: a.email,
        expireTime: -1,
        allowedIps: [],
        cashAccount: [a.cashAccountId],
        marginAccount: [a.marginAccountId],
        userUID: a.userUID,
        tradePermission: true,
        transferPermission: true,
        viewPermission: true,
      },
    });
  },
  getFeeBySymbol: (request, engine) =>
    ok({
      data: {
        domain: 'spot',
        userUID: signer(request).userUID,
        vipLevel: 0,
        productFee: [...engine.products.keys()].map((symbol) => ({
          symbol,
          fee: { maker: engine.makerFee, taker: engine.takerFee },
        })),
      },
    }),
  getVipFeeSchedule: (request, engine) => {
    const fee = { maker: engine.makerFee, taker: engine.takerFee };
    return ok({
      data: {
        domain: 'spot',
        userUID: signer(request).userUID,
        vipLevel: 0,
        genericFee: { largeCap: fee, smallCap: fee },
      },
    });
  },
};
