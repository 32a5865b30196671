#!/usr/bin/env node
// Benchmark (not a test) of the memory a followed order book keeps: BOOKS books (one symbol each,
// ~150 levels a side) fed a sustained stream of `depth` updates, interleaved across the books as
// a connection delivers them, through readServerMessage + OrderBook.update (ours) and through CCXT
// 4.5.58's AscendEX handler (JSON.parse + handleMessage, its order books). The heap is measured
// after a full collection before the books exist and at checkpoints along the stream: retained
// bytes per book at each checkpoint, which must stay flat (no growth with the number of updates).
// Needs --expose-gc (pnpm bench passes it). Run: pnpm bench.
import ccxt from 'ccxt';
import { readServerMessage, parseJson } from '@ascendex-toolkit/validators';
import { OrderBook } from '../packages/client/dist/ws/book-index.js';
import { makeDepthStream } from './depth-stream.mjs';
import { ratio, recordResults } from './results.mjs';

const BOOKS = 50;
const FRAMES_PER_BOOK = 2000;
const CHECKPOINTS = 4;
const SEED = 20261;
if (typeof globalThis.gc !== 'function') throw new Error('memory.mjs needs node --expose-gc');

// One stream, written for every symbol: each book gets its own frame texts (as from a socket).
const base = makeDepthStream({ seed: SEED, frames: FRAMES_PER_BOOK, symbol: 'BTC/USDT' });
const symbols = Array.from({ length: BOOKS }, (_, i) => `S${i}/USDT`);
const forSymbol = (text, symbol) => text.replace('"BTC/USDT"', JSON.stringify(symbol));
const streams = symbols.map((symbol) => ({
  snapshot: forSymbol(base.snapshot, symbol),
  frames: base.frames.map((f) => forSymbol(f, symbol)),
}));
// The texts are flattened now (String.replace makes ropes that the first read flattens, which
// would count the frames themselves as the first contender's memory); JSON.parse flattens in place.
for (const stream of streams) for (const text of [stream.snapshot, ...stream.frames]) JSON.parse(text);

function heapAfterGc() {
  for (let i = 0; i < 3; i++) globalThis.gc();
  return process.memoryUsage().heapUsed;
}

/** Feeds the frames round-robin across the books; the retained bytes per book at each checkpoint. */
function run(start, feed) {
  const before = heapAfterGc();
  const books = start();
  const perBook = [];
  const step = FRAMES_PER_BOOK / CHECKPOINTS;
  for (let f = 0; f < FRAMES_PER_BOOK; f++) {
    for (let b = 0; b < BOOKS; b++) feed(books, b, streams[b].frames[f]);
    if ((f + 1) % step === 0) perBook.push(Math.round((heapAfterGc() - before) / BOOKS));
  }
  return { perBook, books };
}

const ours = run(
  () => {
    const books = new Map(symbols.map((s) => [s, new OrderBook(s)]));
    symbols.forEach((s, b) => books.get(s).reset(parseJson(streams[b].snapshot)));
    return books;
  },
  (books, _b, text) => {
    const result = readServerMessage(text);
    if (result.ok && result.name === 'DepthMessage') books.get(result.message.symbol)?.update(result.message);
  },
);
const oursLevels = [...ours.books.values()].reduce((n, book) => n + book.asks().length + book.bids().length, 0);
if (![...ours.books.values()].every((book) => book.synced)) throw new Error('a book lost sync');
ours.books = undefined;

const client = { resolve() {}, reject() {}, subscriptions: {}, futures: {} };
const theirs = run(
  () => {
    const exchange = new ccxt.pro.ascendex({ newUpdates: false });
    symbols.forEach((s, b) => {
      exchange.orderbooks[s] = exchange.orderBook({});
      exchange.handleMessage(client, JSON.parse(streams[b].snapshot));
    });
    return exchange;
  },
  (exchange, _b, text) => exchange.handleMessage(client, JSON.parse(text)),
);
const ccxtLevels = symbols.reduce(
  (n, s) => n + theirs.books.orderbooks[s].asks.length + theirs.books.orderbooks[s].bids.length,
  0,
);
if (ccxtLevels !== oursLevels)
  throw new Error(`ours hold ${oursLevels} levels, CCXT ${ccxtLevels}: not the same books`);

const last = (list) => list[list.length - 1];
const results = {
  books: BOOKS,
  updatesPerBook: FRAMES_PER_BOOK,
  levelsPerBook: Math.round(oursLevels / BOOKS),
  retainedBytesPerBook: { ours: ours.perBook, ccxt: theirs.perBook },
  ratios: { ccxtVsOurs: ratio(last(theirs.perBook), last(ours.perBook)) },
};
const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
console.log(
  `memory: ${BOOKS} followed books (~${results.levelsPerBook} levels each), ${FRAMES_PER_BOOK} updates each, interleaved; retained heap per book after GC at ${CHECKPOINTS} checkpoints`,
);
console.log(`  ours: readServerMessage + OrderBook      ${ours.perBook.map(kb).join(' -> ')}`);
console.log(`  CCXT 4.5.58: JSON.parse + handleMessage  ${theirs.perBook.map(kb).join(' -> ')}`);
console.log(`  CCXT / ours = ${results.ratios.ccxtVsOurs}x at the end of the stream`);
recordResults('memory', results);
