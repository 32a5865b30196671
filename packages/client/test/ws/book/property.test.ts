// Property test of the order book: seeded random streams of the exchange's updates delivered with
// faults (lost updates, duplicates, reorders, absurd seqnums up to 40 digits, crossed updates,
// malformed levels), snapshots answered some updates late as the exchange answers them. All along
// the book is never `synced` while crossed or holding a level that is not a valid one, and while
// synced it equals the reference book at its seqnum; after each stream, one snapshot of the
// exchange's book makes it synced and equal to the reference.
import { describe, expect, it } from 'vitest';
import type { PriceLevel } from '@ascendex-toolkit/types';
import { cmp } from '@ascendex-toolkit/validators/orders';
import { OrderBook, type DepthBookSnapshot, type DepthUpdate, type ResyncReason } from '../../../src/ws/book-index.js';
import { ReferenceBook, createPrng, generateMarket } from '../support/book-stream.js';

const ROUNDS = 24;
const UPDATES = 400;
const SEED = 1_414;

type Fault = 'lost' | 'duplicate' | 'reorder' | 'absurd' | 'crossed' | 'malformed';
const faults: readonly Fault[] = ['lost', 'duplicate', 'reorder', 'absurd', 'crossed', 'malformed'];

/** A decimal string above 0: digits, a point with digits after it, and one digit that is not 0. */
const positiveDecimal = /^(?=[\d.]*[1-9])\d+(\.\d+)?$/;

/** A level the book may hold while synced: a price and a size above 0, both decimal strings. */
const validLevel = ([price, size]: PriceLevel): boolean => positiveDecimal.test(price) && positiveDecimal.test(size);

function check(book: OrderBook): void {
  if (!book.synced) return;
  const { asks, bids } = book.snapshot();
  if (asks[0] && bids[0]) expect(cmp(bids[0][0], asks[0][0]), `synced and crossed at ${book.seqnum}`).toBeLessThan(0);
  for (const level of asks) if (!validLevel(level)) expect.fail(`synced with an invalid level ${String(level)}`);
  for (const level of bids) if (!validLevel(level)) expect.fail(`synced with an invalid level ${String(level)}`);
}

/** The update with its levels broken in one of several ways (same seqnum). */
function malformed(update: DepthUpdate, kind: number): DepthUpdate {
  const data = update.data;
  const broken = [
    { ...data, asks: [...data.asks, ['1e5', '1']] },
    { ...data, bids: [...data.bids, ['100', '-2']] },
    { ...data, asks: [...data.asks, ['100']] },
    { ...data, bids: [[Number('100.5'), '1'], ...data.bids] },
    { ...data, asks: [['0', '1'], ...data.asks] },
    { ...data, bids: [['7', '1.'], ...data.bids] },
  ][kind % 6];
  return { ...update, data: broken as never };
}

/** The update with a bid at or above the exchange's best ask added (same seqnum): it crosses the book. */
function crossed(update: DepthUpdate, exchange: ReferenceBook): DepthUpdate {
  let bestAsk: string | undefined;
  for (const [price] of exchange.asks.values()) if (bestAsk === undefined || cmp(price, bestAsk) < 0) bestAsk = price;
  return { ...update, data: { ...update.data, bids: [...update.data.bids, [bestAsk!, '1']] } };
}

/** A seqnum far from anything the stream has: 16 to 40 digits, or a plain number far ahead, or back at 1. */
function absurdSeqnum(rng: ReturnType<typeof createPrng>, last: number | bigint): number | bigint {
  const roll = rng.next();
  if (roll < 0.6) {
    const digits = rng.int(16, 40);
    let text = String(rng.int(1, 9));
    while (text.length < digits) text += String(rng.int(0, 9));
    return BigInt(text);
  }
  if (roll < 0.8) return Number(last) + rng.int(1_000, 1_000_000);
  return 1;
}

function runRound(seed: number) {
  const market = generateMarket({ seed, updates: UPDATES, levelsPerSide: 60 });
  const rng = createPrng(seed * 7919);
  const book = new OrderBook(market.symbol);
  const exchange = new ReferenceBook(market.snapshot.data); // the exchange's own book
  const reference = new ReferenceBook(market.snapshot.data); // caught up to the book's seqnum to compare
  let referenceApplied = 0;
  const injected: Record<Fault, number> = { lost: 0, duplicate: 0, reorder: 0, absurd: 0, crossed: 0, malformed: 0 };
  const reasons: ResyncReason[] = [];
  let snapshotDue: { at: number; snapshot: DepthBookSnapshot } | undefined;
  let delivered = 0;
  let compared = 0;

  const exchangeSnapshot = (): DepthBookSnapshot => {
    const { asks, bids } = exchange.sorted();
    return { symbol: market.symbol, data: { seqnum: exchange.seqnum, ts: 0, asks, bids } };
  };
  const equalsReference = () => {
    while (referenceApplied < UPDATES && reference.seqnum !== book.seqnum)
      reference.apply(market.updates[referenceApplied++]!.data);
    expect(reference.seqnum).toBe(book.seqnum);
    expect({ asks: book.asks(), bids: book.bids() }).toEqual(reference.sorted());
    compared++;
  };
  book.on('resync', (event) => {
    reasons.push(event.reason);
    // The exchange takes the snapshot when the request arrives and answers 0 to 8 updates later.
    snapshotDue ??= { at: delivered + rng.int(0, 8), snapshot: exchangeSnapshot() };
  });
  const deliver = (update: DepthUpdate) => {
    book.update(update);
    check(book);
  };

  book.reset(market.snapshot);
  let held: DepthUpdate | undefined; // an update held back to arrive after the next one
  for (const update of market.updates) {
    delivered++;
    exchange.apply(update.data);
    const fault = rng.next() < 0.08 ? faults[rng.int(0, faults.length - 1)]! : undefined;
    if (fault) injected[fault]++;
    if (fault === 'lost') {
      // nothing arrives
    } else if (fault === 'duplicate') {
      deliver(update);
      deliver(update);
    } else if (fault === 'reorder' && !held) {
      held = update;
      continue;
    } else if (fault === 'absurd') {
      deliver({ ...update, data: { ...update.data, seqnum: absurdSeqnum(rng, update.data.seqnum) } });
      deliver(update);
    } else if (fault === 'crossed') deliver(crossed(update, exchange));
    else if (fault === 'malformed') deliver(malformed(update, rng.int(0, 5)));
    else deliver(update);
    if (held) {
      deliver(held);
      held = undefined;
    }
    if (snapshotDue && snapshotDue.at <= delivered) {
      const { snapshot } = snapshotDue;
      snapshotDue = undefined;
      book.reset(snapshot);
      check(book);
    }
    if (book.synced && delivered % 25 === 0) equalsReference();
  }
  if (held) deliver(held);
  // The stream ends: one snapshot of the exchange's book, and the book is the reference's.
  expect(book.reset(exchangeSnapshot()), `seed ${seed}: synced within one snapshot`).toBe(true);
  equalsReference();
  expect(book.seqnum).toBe(market.updates.at(-1)!.data.seqnum);
  return { injected, reasons, compared };
}

describe('OrderBook: seeded random streams against a reference book', () => {
  it(`${ROUNDS} streams of ${UPDATES} updates with every kind of fault`, () => {
    const totals: Record<Fault, number> = { lost: 0, duplicate: 0, reorder: 0, absurd: 0, crossed: 0, malformed: 0 };
    const seen = new Set<ResyncReason>();
    let compared = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const outcome = runRound(SEED + round);
      for (const fault of faults) totals[fault] += outcome.injected[fault];
      outcome.reasons.forEach((r) => seen.add(r));
      compared += outcome.compared;
    }
    // Every kind of fault was injected many times, detected, and the book compared many times.
    for (const fault of faults) expect(totals[fault], fault).toBeGreaterThan(50);
    expect([...seen].sort()).toEqual(['crossed', 'duplicate', 'gap', 'malformed', 'poisoned']);
    expect(compared).toBeGreaterThan(ROUNDS * 5);
  }, 60_000);
});
