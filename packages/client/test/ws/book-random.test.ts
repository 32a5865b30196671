// Seeded randomized streams: the exchange's updates delivered with faults (lost updates, repeated
// updates, malformed updates), snapshots answered some updates late, as the exchange answers
// them. After every resync, and all along while synced, the book equals the reference book at
// the book's seqnum.
import { describe, expect, it } from 'vitest';
import { OrderBook, type DepthBookSnapshot, type DepthUpdate, type ResyncReason } from '../../src/ws/book-index.js';
import { ReferenceBook, createPrng, generateMarket } from './book-stream.js';

const ROUNDS = 12;
const UPDATES = 600;

function malformed(update: DepthUpdate, kind: number): DepthUpdate {
  const data = update.data;
  const broken = [
    { ...data, asks: [...data.asks, ['1e5', '1']] },
    { ...data, bids: [...data.bids, ['100', '-2']] },
    { ...data, asks: [...data.asks, ['100']] },
    { ...data, bids: [[Number('100.5'), '1'], ...data.bids] },
    { ...data, seqnum: String(data.seqnum) },
  ][kind % 5];
  return { ...update, data: broken as never };
}

function runRound(seed: number) {
  const market = generateMarket({ seed, updates: UPDATES, levelsPerSide: 110 });
  const rng = createPrng(seed * 7919);
  const book = new OrderBook(market.symbol);
  const reference = new ReferenceBook(market.snapshot.data);
  let referenceApplied = 0;
  const faults: Record<string, number> = { lost: 0, duplicate: 0, malformed: 0 };
  const reasons: ResyncReason[] = [];
  const exchange = new ReferenceBook(market.snapshot.data); // the exchange's own book
  let snapshotDue: { at: number; snapshot: DepthBookSnapshot } | undefined;
  let delivered = 0; // exchange updates published so far
  let checks = 0;

  const requestSnapshot = () => {
    // The exchange takes the snapshot when the request arrives and answers 0 to 8 updates later.
    if (snapshotDue) return;
    const { asks, bids } = exchange.sorted();
    const data = { seqnum: exchange.seqnum, ts: 0, asks, bids };
    snapshotDue = { at: delivered + rng.int(0, 8), snapshot: { symbol: market.symbol, data } };
  };
  book.on('resync', (event) => {
    reasons.push(event.reason);
    requestSnapshot();
  });
  const expectEqualsReference = () => {
    expect(book.synced).toBe(true);
    while (referenceApplied < UPDATES && reference.seqnum !== book.seqnum) {
      reference.apply(market.updates[referenceApplied++]!.data);
    }
    expect(reference.seqnum).toBe(book.seqnum);
    expect({ asks: book.asks(), bids: book.bids() }).toEqual(reference.sorted());
    checks++;
  };
  const answerSnapshotIfDue = () => {
    if (!snapshotDue || snapshotDue.at > delivered) return;
    const { snapshot } = snapshotDue;
    snapshotDue = undefined;
    if (book.reset(snapshot)) expectEqualsReference();
  };

  requestSnapshot();
  for (const update of market.updates) {
    delivered++;
    exchange.apply(update.data);
    const roll = rng.next();
    if (roll < 0.02) faults.lost!++;
    else if (roll < 0.04) {
      faults.duplicate!++;
      book.update(update);
      book.update(update);
    } else if (roll < 0.06) {
      faults.malformed!++;
      book.update(malformed(update, rng.int(0, 4)));
    } else book.update(update);
    answerSnapshotIfDue();
    if (book.synced && delivered % 20 === 0) expectEqualsReference();
  }
  // The stream stops: the last snapshot request is answered, and the book is the exchange's.
  if (snapshotDue) snapshotDue.at = delivered;
  answerSnapshotIfDue();
  expectEqualsReference();
  expect(book.seqnum).toBe(market.updates.at(-1)!.data.seqnum);
  return { faults, reasons, checks };
}

describe('OrderBook: seeded randomized streams with faults', () => {
  it(`${ROUNDS} rounds of ${UPDATES} updates: after every resync the book equals the reference`, () => {
    const totals = { lost: 0, duplicate: 0, malformed: 0, resyncs: 0, checks: 0 };
    const seen = new Set<ResyncReason>();
    for (let seed = 1; seed <= ROUNDS; seed++) {
      const { faults, reasons, checks } = runRound(seed);
      totals.lost += faults.lost!;
      totals.duplicate += faults.duplicate!;
      totals.malformed += faults.malformed!;
      totals.resyncs += reasons.length;
      totals.checks += checks;
      reasons.forEach((r) => seen.add(r));
    }
    // Every kind of fault was injected and detected, and the book was compared many times.
    expect(totals.lost).toBeGreaterThan(20);
    expect(totals.duplicate).toBeGreaterThan(20);
    expect(totals.malformed).toBeGreaterThan(20);
    expect([...seen].sort()).toEqual(['duplicate', 'gap', 'malformed']);
    expect(totals.resyncs).toBeGreaterThan(50);
    expect(totals.checks).toBeGreaterThan(200);
  }, 60_000);
});
