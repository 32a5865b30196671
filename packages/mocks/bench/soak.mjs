// Soak figures for the mock exchange: 100,000 orders placed and cancelled on a simulated clock,
// with the default retention (10,000 finished orders) beside a peer that keeps everything. Prints
// the heap after each (forced GC) and the time of the list answers, and the ratios. Run from the
// package after `pnpm build`: `node --expose-gc bench/soak.mjs` (or `pnpm bench`).
import { createMockExchange, defaultAccount } from '../dist/index.js';

if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc');
const ORDERS = Number(process.env.SOAK_ORDERS ?? 100_000);
const mb = (n) => `${(n / 1024 / 1024).toFixed(1)} MB`;

function heap() {
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed;
}

/**
 * Median time of `f` over `runs` calls, in microseconds, after as many calls to warm it up: the
 * first exchange measured would otherwise pay for compiling the answers, and look slower.
 */
function median(f, runs = 200) {
  for (let i = 0; i < runs; i++) f();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    f();
    times.push(Number(process.hrtime.bigint() - start) / 1000);
  }
  return times.sort((a, b) => a - b)[runs >> 1];
}

function soak(maxFinishedOrders) {
  const clock = { now: 1_700_000_000_000 };
  const exchange = createMockExchange({ seed: 5, clock: () => clock.now, maxFinishedOrders });
  const base = heap();
  const started = performance.now();
  for (let i = 0; i < ORDERS; i++) {
    clock.now += 1;
    const symbol = i % 2 ? 'ETH/USDT' : 'BTC/USDT';
    const args = {
      time: clock.now,
      symbol,
      orderPrice: i % 2 ? '2000' : '30000',
      orderQty: '0.01',
      orderType: 'limit',
      side: 'buy',
    };
    const placed = exchange.placeOrder(defaultAccount, 'cash', args, 'rest');
    exchange.cancel(defaultAccount, 'cash', { orderId: placed.value.orderId, symbol, time: clock.now }, 'rest');
  }
  const elapsed = performance.now() - started;
  const grown = heap() - base;
  const request = (operationId, params) => ({
    operationId,
    params: { accountGroup: 6, ...params },
    body: undefined,
    account: defaultAccount,
  });
  const lists = {
    'current history (n=50)': request('listCurrentHistoryOrders', { accountCategory: 'cash', n: 50 }),
    'current history, one symbol': request('listCurrentHistoryOrders', {
      accountCategory: 'cash',
      symbol: 'ETH/USDT',
      n: 50,
    }),
    'v2 history (limit 500)': request('listHistoryOrdersV2', { account: 'cash', limit: 500 }),
    'open orders': request('listOpenOrders', { accountCategory: 'cash' }),
    'order status': request('getOrderStatus', { accountCategory: 'cash' }),
  };
  const latency = Object.fromEntries(
    Object.entries(lists).map(([name, r]) => [name, median(() => exchange.handleRest(r))]),
  );
  return { kept: exchange.orderCount, grown, elapsed, latency };
}

const bounded = soak(undefined);
const unbounded = soak(Number.POSITIVE_INFINITY);
console.log(`soak: ${ORDERS.toLocaleString('en')} orders placed and cancelled (node ${process.version})`);
console.log(
  `  default retention: ${bounded.kept} orders kept, heap +${mb(bounded.grown)}, ${Math.round(bounded.elapsed)} ms`,
);
console.log(
  `  keep everything:   ${unbounded.kept} orders kept, heap +${mb(unbounded.grown)}, ${Math.round(unbounded.elapsed)} ms`,
);
console.log(`  heap ratio (kept all / default): ${(unbounded.grown / bounded.grown).toFixed(1)}x`);
console.log('  list answer, median µs: default retention | keep everything | ratio');
for (const name of Object.keys(bounded.latency))
  console.log(
    `    ${name.padEnd(30)} ${bounded.latency[name].toFixed(1).padStart(8)} | ${unbounded.latency[name].toFixed(1).padStart(8)} | ${(unbounded.latency[name] / bounded.latency[name]).toFixed(2)}`,
  );
