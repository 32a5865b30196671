#!/usr/bin/env node
// Benchmark (not a test) of the WebSocket hot path: a seeded stream of `depth` update frames (JSON
// text, 5 to 20 levels each, over a book of 150+ levels a side) through
//   (i)   bare JSON.parse,
//   (ii)  ours end to end, as the client's connection reads a frame: lossless parse, validation
//         and dispatch (readServerMessage: for `depth` a reader generated from the schema that
//         parses and checks in one pass) + routing by symbol + OrderBook.update,
//   (iii) CCXT 4.5.58's AscendEX order book handler: JSON.parse (what its socket client does)
//         + handleMessage on a fake client, the path its own `depth` frames take,
// and, to show where the time goes, our path without validation (parseJson + book) and reading
// without the book.
// Figures are messages per second, the median of several rounds after a warm-up (the contenders
// take turns within each round), and ratios measured in the same run. Prints them and writes them to bench/results.json.
// Run: pnpm bench (builds the packages first).
import ccxt from 'ccxt';
import { parseJson, readServerMessage } from '@ascendex-toolkit/validators';
// The client's `/ws` entry is wired by the package owner; until then the built module directly.
import { OrderBook } from '../packages/client/dist/ws/book-index.js';
import { makeDepthStream } from './depth-stream.mjs';
import { median, ratio, recordResults } from './results.mjs';

const SEED = 20260;
const FRAMES = 20_000;
const ROUNDS = 11;
const SYMBOL = 'BTC/USDT';

// ---- the contenders: each returns a function that processes all frames once ----

function bareJsonParse(stream) {
  let sink = 0;
  return () => {
    for (const text of stream.frames) sink += JSON.parse(text).data.asks.length;
    return sink;
  };
}

/** Ours: books by symbol, fed the validated messages the dispatcher names `DepthMessage`. */
function ours(stream, { validate = true, book = true } = {}) {
  const books = new Map([[SYMBOL, new OrderBook(SYMBOL)]]);
  const snapshot = parseJson(stream.snapshot);
  let invalid = 0;
  return () => {
    if (book) books.get(SYMBOL).reset(snapshot);
    for (const text of stream.frames) {
      if (validate) {
        const result = readServerMessage(text);
        if (!result.ok) {
          invalid++;
          continue;
        }
        if (book && result.name === 'DepthMessage') books.get(result.message.symbol)?.update(result.message);
      } else {
        const value = parseJson(text);
        if (book) books.get(value.symbol)?.update(value);
      }
    }
    const b = books.get(SYMBOL);
    if (book && !b.synced) throw new Error('the book lost sync during the benchmark');
    return invalid;
  };
}

/** CCXT's handler as its socket client drives it: JSON.parse, then handleMessage(client, message). */
function ccxtHandler(stream) {
  const exchange = new ccxt.pro.ascendex({ newUpdates: false });
  const client = { resolve() {}, reject() {}, subscriptions: {}, futures: {} };
  const snapshot = JSON.parse(stream.snapshot);
  return () => {
    exchange.orderbooks[SYMBOL] = exchange.orderBook({});
    exchange.handleMessage(client, snapshot);
    for (const text of stream.frames) exchange.handleMessage(client, JSON.parse(text));
    return exchange.orderbooks[SYMBOL];
  };
}

/**
 * Messages per second of each contender: after two warm-up passes each, ROUNDS rounds in which
 * every contender runs once (in a rotating order), so that a change of the machine's load during
 * the run falls on all of them alike; the median round of each.
 */
function measureAll(contenders) {
  const entries = Object.entries(contenders);
  for (const [, run] of entries) {
    run(); // warm-up: the JIT settles on the first full passes
    run();
  }
  const rates = Object.fromEntries(entries.map(([name]) => [name, []]));
  for (let r = 0; r < ROUNDS; r++) {
    for (let k = 0; k < entries.length; k++) {
      const [name, run] = entries[(r + k) % entries.length];
      // Each contender starts on a collected heap: no one pays for another's garbage.
      globalThis.gc?.();
      const started = performance.now();
      run();
      rates[name].push(FRAMES / ((performance.now() - started) / 1000));
    }
  }
  return Object.fromEntries(Object.entries(rates).map(([name, list]) => [name, Math.round(median(list))]));
}

const stream = makeDepthStream({ seed: SEED, frames: FRAMES, symbol: SYMBOL });
const bytes = stream.frames.reduce((n, f) => n + f.length, 0);

// Sanity: ours and CCXT end with the same top of book (CCXT as floats, ours as strings).
const check = new OrderBook(SYMBOL);
check.reset(parseJson(stream.snapshot));
for (const text of stream.frames) check.update(readServerMessage(text).message);
const ccxtBook = ccxtHandler(stream)();
const agree =
  Number(check.bestAsk()[0]) === ccxtBook.asks[0][0] &&
  Number(check.bestBid()[0]) === ccxtBook.bids[0][0] &&
  check.asks().length === ccxtBook.asks.length &&
  check.bids().length === ccxtBook.bids.length;
if (!agree) throw new Error('ours and CCXT disagree on the final book: the comparison would be meaningless');

const rates = measureAll({
  jsonParse: bareJsonParse(stream),
  ours: ours(stream),
  ccxt: ccxtHandler(stream),
  oursWithoutValidation: ours(stream, { validate: false }),
  oursWithoutBook: ours(stream, { book: false }),
});
const results = {
  ccxt: '4.5.58',
  stream: {
    seed: SEED,
    frames: FRAMES,
    levelsPerUpdate: '5-20',
    bookLevelsPerSide: `${stream.minSide}+`,
    meanFrameBytes: Math.round(bytes / FRAMES),
  },
  rounds: ROUNDS,
  messagesPerSecond: rates,
  ratios: {
    oursVsCcxt: ratio(rates.ours, rates.ccxt),
    oursVsJsonParse: ratio(rates.ours, rates.jsonParse),
    jsonParseVsOurs: ratio(rates.jsonParse, rates.ours),
  },
  goals: {
    'at least 4x CCXT': rates.ours / rates.ccxt >= 4,
    'within 1.5x of JSON.parse': rates.jsonParse / rates.ours <= 1.5,
  },
};

const fmt = (n) => n.toLocaleString('en-US').padStart(11);
console.log(
  `ws hot path: ${FRAMES} depth frames (5-20 levels, book ${stream.minSide}+ levels a side, ${results.stream.meanFrameBytes} B mean), median of ${ROUNDS} rounds, ${process.version}`,
);
console.log(`  (i)   JSON.parse                                    ${fmt(rates.jsonParse)} msg/s`);
console.log(`  (ii)  ours: readServerMessage + book               ${fmt(rates.ours)} msg/s`);
console.log(`  (iii) CCXT 4.5.58: JSON.parse + handleMessage       ${fmt(rates.ccxt)} msg/s`);
console.log(`        ours without validation (parse + book)        ${fmt(rates.oursWithoutValidation)} msg/s`);
console.log(`        ours without the book (readServerMessage)     ${fmt(rates.oursWithoutBook)} msg/s`);
console.log(
  `  ours / CCXT = ${results.ratios.oursVsCcxt}x (goal >= 4: ${results.goals['at least 4x CCXT'] ? 'met' : 'NOT met'})`,
);
console.log(
  `  JSON.parse / ours = ${results.ratios.jsonParseVsOurs}x (goal <= 1.5: ${results.goals['within 1.5x of JSON.parse'] ? 'met' : 'NOT met'})`,
);
recordResults('wsHotPath', results);
