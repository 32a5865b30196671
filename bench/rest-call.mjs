#!/usr/bin/env node
// Benchmark (not a test) of a signed REST call's client-side overhead: everything but the network
// (check and build the request, sign it, call fetch, read the body, parse and validate the answer),
// measured against the same in-process fetch stub that answers at once:
//   ours:  AscendexClient.getCashBalance({ asset }) (signed GET .../cash/balance),
//   CCXT 4.5.58's AscendEX class: fetchBalance() (its unified call for the same endpoint, markets
//          and accounts preloaded so that only the call itself is timed) and the raw implicit
//          method v1PrivateAccountCategoryGetBalance (sign + fetch + JSON, no unified parsing).
// The stub makes a fresh Response of the same JSON text for every request of every contender.
// Figures are microseconds per call (median of rounds; contenders take turns each round).
// Run: pnpm bench.
import ccxt from 'ccxt';
import { AscendexClient } from '@ascendex-toolkit/client';
import { median, ratio, recordResults } from './results.mjs';

const CALLS = 2000;
const ROUNDS = 9;
const BODY = JSON.stringify({
  code: 0,
  data: [
    { asset: 'USDT', totalBalance: '1285.366663467', availableBalance: '1285.366663467' },
    { asset: 'BTC', totalBalance: '22.1308675', availableBalance: '16.1308675' },
    { asset: 'ETH', totalBalance: '0.6', availableBalance: '0.6' },
  ],
});
// Fake credentials (the stub checks nothing): a key and a base64 secret as the exchange issues them.
const API_KEY = 'bench-api-key-0000000000000000';
const SECRET = Buffer.from('bench-secret-0000000000000000000').toString('base64');

let requests = 0;
/** The in-process fetch both clients get: counts the request and answers the balance JSON. */
async function stub(url, init) {
  requests++;
  if (!String(url).includes('/cash/balance') && !String(url).includes('/balance'))
    throw new Error(`unexpected request ${url}`);
  void init;
  return new Response(BODY, { status: 200, headers: { 'content-type': 'application/json' } });
}

const ours = new AscendexClient({
  baseUrl: 'https://ascendex.com',
  apiKey: API_KEY,
  secret: SECRET,
  accountGroup: 6,
  fetch: stub,
  retry: false,
});

const exchange = new ccxt.ascendex({ apiKey: API_KEY, secret: SECRET, enableRateLimit: false });
exchange.fetchImplementation = stub;
// Preloaded, so that fetchBalance makes its one request (markets and accounts load once per instance).
exchange.markets = {};
exchange.markets_by_id = {};
exchange.currencies = {};
exchange.accounts = [{ id: '6', type: 'spot', code: undefined, info: {} }];

const contenders = {
  ours: () => ours.getCashBalance({ asset: 'USDT' }),
  ccxtFetchBalance: () => exchange.fetchBalance(),
  ccxtImplicit: () => exchange.v1PrivateAccountCategoryGetBalance({ 'account-group': '6', 'account-category': 'cash' }),
};

// Sanity: each contender sends one request per call and reads the answer.
const check = {
  ours: (await contenders.ours())[0]?.availableBalance,
  ccxtFetchBalance: (await contenders.ccxtFetchBalance()).USDT?.free,
  ccxtImplicit: (await contenders.ccxtImplicit()).data?.[0]?.availableBalance,
};
if (requests !== 3 || String(check.ours) !== '1285.366663467' || Number(check.ccxtFetchBalance) !== 1285.366663467)
  throw new Error(`a contender did not make the call: ${requests} requests, ${JSON.stringify(check)}`);

async function pass(call) {
  for (let i = 0; i < CALLS; i++) await call();
}
const times = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
const entries = Object.entries(contenders);
for (const [, call] of entries) await pass(call); // warm-up
for (let r = 0; r < ROUNDS; r++) {
  for (let k = 0; k < entries.length; k++) {
    const [name, call] = entries[(r + k) % entries.length];
    globalThis.gc?.();
    const started = performance.now();
    await pass(call);
    times[name].push(((performance.now() - started) * 1000) / CALLS);
  }
}
const us = Object.fromEntries(Object.entries(times).map(([n, list]) => [n, Math.round(median(list) * 10) / 10]));
const results = {
  call: 'getCashBalance({ asset }) / fetchBalance(): signed GET /{accountGroup}/api/pro/v1/cash/balance, 3 assets',
  calls: CALLS,
  rounds: ROUNDS,
  microsecondsPerCall: us,
  ratios: {
    ccxtFetchBalanceVsOurs: ratio(us.ccxtFetchBalance, us.ours),
    ccxtImplicitVsOurs: ratio(us.ccxtImplicit, us.ours),
  },
  goals: { 'below CCXT fetchBalance': us.ours < us.ccxtFetchBalance },
};
const fmt = (n) => `${n.toFixed(1).padStart(8)} µs/call`;
console.log(`signed REST call overhead (in-process fetch stub), ${CALLS} calls, median of ${ROUNDS} rounds`);
console.log(`  ours: getCashBalance                        ${fmt(us.ours)}`);
console.log(`  CCXT 4.5.58: fetchBalance                   ${fmt(us.ccxtFetchBalance)}`);
console.log(`  CCXT 4.5.58: v1PrivateAccountCategoryGetBalance (raw) ${fmt(us.ccxtImplicit)}`);
console.log(
  `  CCXT fetchBalance / ours = ${results.ratios.ccxtFetchBalanceVsOurs}x (goal: ours below CCXT: ${results.goals['below CCXT fetchBalance'] ? 'met' : 'NOT met'}); raw CCXT / ours = ${results.ratios.ccxtImplicitVsOurs}x`,
);
recordResults('restCall', results);
