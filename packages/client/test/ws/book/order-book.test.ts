import { describe, expect, it } from 'vitest';
import { parseJson } from '@ascendex-toolkit/validators';
import { toUnits } from '@ascendex-toolkit/validators/orders';
import { OrderBook, OrderBookError, type DepthUpdate, type ResyncEvent } from '../../../src/ws/book-index.js';
import { ReferenceBook, generateMarket, snapshotAfter } from '../support/book-stream.js';

const SYMBOL = 'ASD/USDT';
const snapshot = (seqnum: number | bigint, asks: [string, string][], bids: [string, string][]) => ({
  m: 'depth-snapshot',
  symbol: SYMBOL,
  data: { seqnum, ts: 1, asks, bids },
});
const update = (seqnum: number | bigint, asks: [string, string][], bids: [string, string][] = []): DepthUpdate => ({
  m: 'depth',
  symbol: SYMBOL,
  data: { seqnum, ts: 2, asks, bids },
});

function bookWithResyncs(symbol = SYMBOL): { book: OrderBook; resyncs: ResyncEvent[] } {
  const book = new OrderBook(symbol);
  const resyncs: ResyncEvent[] = [];
  book.on('resync', (event) => resyncs.push(event));
  return { book, resyncs };
}

describe('OrderBook: snapshot and updates', () => {
  it('equals the reference book built naively from the same events', () => {
    const market = generateMarket({ seed: 7, updates: 400 });
    const book = new OrderBook(market.symbol);
    expect(book.reset(market.snapshot)).toBe(true);
    const reference = new ReferenceBook(market.snapshot.data);
    for (const u of market.updates) {
      expect(book.update(u)).toBe('applied');
      reference.apply(u.data);
    }
    expect(book.asks().length).toBeGreaterThanOrEqual(100);
    expect(book.bids().length).toBeGreaterThanOrEqual(100);
    expect({ asks: book.asks(), bids: book.bids() }).toEqual(reference.sorted());
    expect(book.seqnum).toBe(reference.seqnum);
  });

  it('applies the documented rules: add, replace, delete with size "0"', () => {
    const book = new OrderBook(SYMBOL);
    book.reset(snapshot(10, [['0.06758', '585']], [['0.06733', '667']]));
    book.update(update(11, [['0.06773', '8732']], [['0.06733', '1.5']]));
    book.update(update(12, [['0.06758', '0']], [['0.067', '3']]));
    expect(book.asks()).toEqual([['0.06773', '8732']]);
    expect(book.bids()).toEqual([
      ['0.06733', '1.5'],
      ['0.067', '3'],
    ]);
    expect(book.bestAsk()).toEqual(['0.06773', '8732']);
    expect(book.bestBid()).toEqual(['0.06733', '1.5']);
  });

  it('orders prices by numeric value, not as text ("9.5" < "10", "0.10" is "0.1")', () => {
    const book = new OrderBook(SYMBOL);
    book.reset(
      snapshot(
        1,
        [
          ['10', '1'],
          ['9.5', '1'],
          ['100', '1'],
        ],
        [
          ['9', '1'],
          ['1.25', '1'],
          ['1.3', '1'],
        ],
      ),
    );
    expect(book.asks().map(([p]) => p)).toEqual(['9.5', '10', '100']);
    expect(book.bids().map(([p]) => p)).toEqual(['9', '1.3', '1.25']);
    book.update(update(2, [['9.50', '7']], [['1.30', '0']]));
    expect(book.asks()).toEqual([
      ['9.50', '7'],
      ['10', '1'],
      ['100', '1'],
    ]);
    expect(book.bids().map(([p]) => p)).toEqual(['9', '1.25']);
  });

  it('applies a price repeated in one update in order, whatever its spelling', () => {
    const book = new OrderBook(SYMBOL);
    book.reset(snapshot(1, [['5', '1']], [['4', '1']]));
    // Removed then added again, under another spelling, then resized under the first.
    book.update(
      update(2, [
        ['5', '0'],
        ['5.0', '2'],
        ['5', '3'],
        ['6', '1'],
        ['6', '0'],
      ]),
    );
    expect(book.asks()).toEqual([['5', '3']]);
    // Resized, then removed under another spelling, then added again.
    book.update(
      update(
        3,
        [],
        [
          ['4', '2'],
          ['4.00', '0'],
          ['4.0', '7'],
        ],
      ),
    );
    expect(book.bids()).toEqual([['4.0', '7']]);
    book.update(update(4, [], [['4', '0']]));
    expect(book.bids()).toEqual([]);
  });

  it('keeps prices exact beyond the precision of a double', () => {
    const book = new OrderBook(SYMBOL);
    book.reset(
      snapshot(
        1,
        [
          ['0.30000000000000001', '1'],
          ['0.3', '2'],
        ],
        [],
      ),
    );
    expect(book.asks()).toEqual([
      ['0.3', '2'],
      ['0.30000000000000001', '1'],
    ]);
  });

  it('orders prices a double cannot tell apart by their exact value, and finds a level under any spelling', () => {
    // Prices around values whose neighbours round to the same double, in several spellings each.
    const values = ['0.3', '0.30000000000000001', '0.29999999999999999', '9007199254740993', '9007199254740992'];
    const spellings = (v: string) => [v, `0${v}`, v.includes('.') ? `${v}0` : `${v}.0`, `00${v}`];
    const exact = (p: string) => toUnits(p);
    let state = 7;
    const random = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let round = 0; round < 50; round++) {
      const picked = values.map((v) => spellings(v)[Math.floor(random() * 4)]!);
      const shuffled = [...picked].sort(() => random() - 0.5);
      const book = new OrderBook(SYMBOL);
      book.reset(
        snapshot(
          1,
          shuffled.map((p, i) => [p, String(i + 1)]),
          [],
        ),
      );
      const byValue = [...shuffled].sort((a, b) => (exact(a) < exact(b) ? -1 : 1));
      expect(book.asks().map(([p]) => p)).toEqual(byValue);
      // Each level is found under another spelling of its price: resized, then deleted.
      const other = values.map((v) => spellings(v).find((s) => !picked.includes(s))!);
      book.update(
        update(
          2,
          other.map((p) => [p, '9']),
        ),
      );
      expect(book.asks().map(([p, s]) => [exact(p), s])).toEqual(byValue.map((p) => [exact(p), '9']));
      book.update(
        update(
          3,
          shuffled.map((p) => [p, '0']),
        ),
      );
      expect(book.asks()).toEqual([]);
    }
  });

  it('gives top N, best levels and an immutable snapshot', () => {
    const book = new OrderBook(SYMBOL);
    expect(book.bestAsk()).toBeUndefined();
    expect(book.snapshot()).toMatchObject({ synced: false, seqnum: undefined, asks: [], bids: [] });
    book.reset(
      snapshot(
        5,
        [
          ['2', '1'],
          ['3', '1'],
          ['4', '1'],
        ],
        [['1', '1']],
      ),
    );
    expect(book.asks(2)).toEqual([
      ['2', '1'],
      ['3', '1'],
    ]);
    const copy = book.snapshot(1);
    expect(copy).toEqual({ symbol: SYMBOL, seqnum: 5, ts: 1, synced: true, asks: [['2', '1']], bids: [['1', '1']] });
    expect(Object.isFrozen(copy) && Object.isFrozen(copy.asks) && Object.isFrozen(copy.asks[0])).toBe(true);
    book.update(update(6, [['2', '0']]));
    expect(copy.asks).toEqual([['2', '1']]); // the copy does not follow the book
    expect(book.bestAsk()).toEqual(['3', '1']);
  });

  it('initialises from the REST getDepth payload (the same shape)', () => {
    const book = new OrderBook(SYMBOL);
    const rest = {
      m: 'depth-snapshot',
      symbol: SYMBOL,
      data: { seqnum: 3, ts: 1, asks: [['5', '1']], bids: [] },
    } as const;
    expect(book.reset(rest as never)).toBe(true);
    expect(book.update(update(4, [], [['4', '2']]))).toBe('applied');
    expect(book.bestBid()).toEqual(['4', '2']);
  });
});

describe('OrderBook: before the snapshot', () => {
  it('buffers updates, drops those at or below the snapshot seqnum and replays the rest', () => {
    const market = generateMarket({ seed: 3, updates: 30 });
    const book = new OrderBook(market.symbol);
    for (const u of market.updates.slice(0, 20)) expect(book.update(u)).toBe('buffered');
    expect(book.buffered).toBe(20);
    expect(book.synced).toBe(false);
    expect(book.reset(snapshotAfter(market, 12))).toBe(true);
    expect(book.buffered).toBe(0);
    expect(book.seqnum).toBe(market.updates[19]!.data.seqnum);
    for (const u of market.updates.slice(20)) expect(book.update(u)).toBe('applied');
    const reference = snapshotAfter(market, 30).data;
    expect({ asks: book.asks(), bids: book.bids() }).toEqual({ asks: reference.asks, bids: reference.bids });
  });

  it('skips updates already in the snapshot that arrive after it (REST snapshots run ahead)', () => {
    const market = generateMarket({ seed: 4, updates: 10 });
    const book = new OrderBook(market.symbol);
    book.reset(snapshotAfter(market, 5));
    expect(market.updates.slice(0, 5).map((u) => book.update(u))).toEqual(Array(5).fill('skipped'));
    expect(book.update(market.updates[5]!)).toBe('applied');
  });

  it('keeps at most maxBuffered updates, dropping the oldest', () => {
    const market = generateMarket({ seed: 5, updates: 10 });
    const book = new OrderBook(market.symbol, { maxBuffered: 3 });
    for (const u of market.updates) book.update(u);
    expect(book.buffered).toBe(3);
    expect(book.reset(snapshotAfter(market, 7))).toBe(true);
    expect(book.seqnum).toBe(market.updates[9]!.data.seqnum);
  });

  it('asks for another snapshot when the buffered updates do not continue the snapshot', () => {
    const market = generateMarket({ seed: 6, updates: 10 });
    const { book, resyncs } = bookWithResyncs(market.symbol);
    for (const u of market.updates.slice(5)) book.update(u);
    expect(book.reset(snapshotAfter(market, 2))).toBe(false);
    expect(resyncs).toMatchObject([{ reason: 'gap', expected: market.updates[2]!.data.seqnum }]);
    expect(book.buffered).toBe(5); // still there for the next snapshot
    expect(book.reset(snapshotAfter(market, 5))).toBe(true);
    expect(book.seqnum).toBe(market.updates[9]!.data.seqnum);
  });
});

describe('OrderBook: resynchronisation', () => {
  it('a gap stops the book; the next snapshot and the buffered updates make it equal the reference', () => {
    const market = generateMarket({ seed: 8, updates: 40 });
    const { book, resyncs } = bookWithResyncs(market.symbol);
    book.reset(market.snapshot);
    for (const u of market.updates.slice(0, 10)) book.update(u);
    const before = book.snapshot();
    expect(book.update(market.updates[11]!)).toBe('resync'); // updates[10] lost
    expect(resyncs).toEqual([
      {
        symbol: market.symbol,
        reason: 'gap',
        detail: expect.any(String),
        expected: market.updates[10]!.data.seqnum,
        received: market.updates[11]!.data.seqnum,
      },
    ]);
    expect(book.synced).toBe(false);
    expect(book.snapshot()).toEqual({ ...before, synced: false }); // unchanged, never half-applied
    for (const u of market.updates.slice(12, 20)) expect(book.update(u)).toBe('buffered');
    expect(book.reset(snapshotAfter(market, 15))).toBe(true);
    for (const u of market.updates.slice(20)) book.update(u);
    const reference = snapshotAfter(market, 40).data;
    expect({ asks: book.asks(), bids: book.bids() }).toEqual({ asks: reference.asks, bids: reference.bids });
    expect(resyncs).toHaveLength(1);
  });

  it('a duplicate after updates were applied resyncs', () => {
    const market = generateMarket({ seed: 9, updates: 5 });
    const { book, resyncs } = bookWithResyncs(market.symbol);
    book.reset(market.snapshot);
    book.update(market.updates[0]!);
    book.update(market.updates[1]!);
    expect(book.update(market.updates[1]!)).toBe('resync');
    expect(resyncs).toMatchObject([{ reason: 'duplicate', received: market.updates[1]!.data.seqnum }]);
  });

  it.each([
    ['a level that is not a pair', [['1']]],
    ['a price that is not a decimal string', [['1e3', '1']]],
    ['a number instead of a string', [[1.5, '1']]],
    ['a negative size', [['1', '-1']]],
    ['a size with a point but no fraction digits', [['1', '5.']]],
    ['a size with a point but no integer digits', [['1', '.5']]],
    ['an empty size', [['1', '']]],
    ['a size with an exponent', [['1', '1e3']]],
    ['a zero price', [['0', '1']]],
    ['more decimals than exact arithmetic holds', [['0.0000000000000000001', '1']]],
  ])('a malformed update (%s) resyncs and changes nothing', (_name, asks) => {
    const { book, resyncs } = bookWithResyncs();
    book.reset(snapshot(1, [['5', '1']], [['4', '1']]));
    const bad = update(2, [['6', '1'], ...(asks as [string, string][])]);
    expect(book.update(bad)).toBe('resync');
    expect(resyncs).toMatchObject([{ reason: 'malformed', received: 2 }]);
    expect(book.asks()).toEqual([['5', '1']]); // the valid first level was not applied either
    expect(book.buffered).toBe(0);
  });

  it('an update without lists, or with a seqnum that is not an integer, resyncs', () => {
    const { book, resyncs } = bookWithResyncs();
    book.reset(snapshot(1, [], []));
    expect(book.update({ symbol: SYMBOL, data: { seqnum: 2, ts: 1, asks: null, bids: [] } } as never)).toBe('resync');
    book.reset(snapshot(1, [], []));
    expect(book.update(update('2' as never, []))).toBe('resync');
    book.reset(snapshot(1, [], []));
    expect(book.update(update(2.5, []))).toBe('resync');
    expect(resyncs.map((r) => r.reason)).toEqual(['malformed', 'malformed', 'malformed']);
  });

  it('an update for another symbol resyncs', () => {
    const { book, resyncs } = bookWithResyncs();
    book.reset(snapshot(1, [], []));
    expect(book.update({ ...update(2, [['1', '1']]), symbol: 'BTC/USDT' })).toBe('resync');
    expect(resyncs).toMatchObject([{ reason: 'symbol' }]);
    expect(book.asks()).toEqual([]);
  });

  it('refuses a malformed snapshot or one of another symbol', () => {
    const { book, resyncs } = bookWithResyncs();
    expect(book.reset(snapshot(1, [['x', '1']], []))).toBe(false);
    expect(book.reset({ ...snapshot(1, [], []), symbol: 'BTC/USDT' })).toBe(false);
    expect(resyncs.map((r) => r.reason)).toEqual(['malformed', 'symbol']);
    expect(book.synced).toBe(false);
  });

  it('emits synced and change events', () => {
    const book = new OrderBook(SYMBOL);
    const seen: string[] = [];
    book.on('synced', () => seen.push('synced'));
    const off = book.on('change', () => seen.push('change'));
    book.reset(snapshot(1, [], []));
    book.update(update(2, [['1', '1']]));
    off();
    book.update(update(3, [['1', '2']]));
    expect(seen).toEqual(['synced', 'change', 'change']);
    expect(() => book.on('nope' as never, () => undefined)).toThrow(OrderBookError);
  });

  it('rejects a missing symbol with a typed error', () => {
    expect(() => new OrderBook('')).toThrow(OrderBookError);
  });
});

describe('OrderBook: sequence numbers above 2^53', () => {
  it('follows seqnums across 2^53 as parsed losslessly (number, then bigint)', () => {
    const { book, resyncs } = bookWithResyncs();
    const frames = [
      '{"m":"depth-snapshot","symbol":"ASD/USDT","data":{"seqnum":9007199254740990,"ts":1,"asks":[["2","1"]],"bids":[]}}',
      '{"m":"depth","symbol":"ASD/USDT","data":{"seqnum":9007199254740991,"ts":2,"asks":[["3","1"]],"bids":[]}}',
      '{"m":"depth","symbol":"ASD/USDT","data":{"seqnum":9007199254740992,"ts":3,"asks":[["4","1"]],"bids":[]}}',
      '{"m":"depth","symbol":"ASD/USDT","data":{"seqnum":9007199254740993,"ts":4,"asks":[["2","0"]],"bids":[]}}',
    ].map((text) => parseJson(text) as DepthUpdate);
    expect(typeof frames[2]!.data.seqnum).toBe('bigint');
    book.reset(frames[0]!);
    expect(frames.slice(1).map((f) => book.update(f))).toEqual(['applied', 'applied', 'applied']);
    expect(book.seqnum).toBe(9007199254740993n);
    expect(book.asks()).toEqual([
      ['3', '1'],
      ['4', '1'],
    ]);
    // 2^53 + 1 and 2^53 + 3 are the same double: only exact integers see this gap.
    expect(book.update(update(9007199254740995n, []))).toBe('resync');
    expect(resyncs).toMatchObject([{ reason: 'gap', expected: 9007199254740994n, received: 9007199254740995n }]);
  });
});

describe('OrderBook: replaying the buffer onto a snapshot', () => {
  it('drops the buffered updates the snapshot already contains', () => {
    const market = generateMarket({ seed: 51, updates: 12 });
    const { book } = bookWithResyncs(market.symbol);
    for (const u of market.updates.slice(0, 12)) book.update(u);
    expect(book.reset(snapshotAfter(market, 12))).toBe(true);
    expect(book.buffered).toBe(0);
    expect(book.seqnum).toBe(market.updates[11]!.data.seqnum);
  });

  it('a buffered update that continues the snapshot but cannot be applied is dropped (poisoned)', () => {
    const market = generateMarket({ seed: 52, updates: 12 });
    const { book, resyncs } = bookWithResyncs(market.symbol);
    book.update(market.updates[0]!);
    const bad = market.updates[1]!;
    book.update({ ...bad, data: { ...bad.data, asks: [['1', '-1']] } });
    book.update(market.updates[2]!);
    expect(book.reset(market.snapshot)).toBe(false);
    expect(resyncs).toMatchObject([{ reason: 'poisoned', received: bad.data.seqnum }]);
    expect(book.seqnum).toBe(market.updates[0]!.data.seqnum); // applied up to the bad one
    expect(book.buffered).toBe(1); // what came after it, for the next snapshot
    expect(book.reset(snapshotAfter(market, 2))).toBe(true);
    expect(book.seqnum).toBe(market.updates[2]!.data.seqnum);
  });

  it('updates received after the snapshot was asked for that skip ahead of it are kept: a real gap', () => {
    const market = generateMarket({ seed: 53, updates: 12 });
    const { book, resyncs } = bookWithResyncs(market.symbol);
    book.reset(market.snapshot);
    book.update(market.updates[0]!);
    book.update(market.updates[2]!); // updates[1] lost: the book asks for a snapshot now
    book.update(market.updates[4]!); // received after the ask; updates[3] lost too
    book.update(market.updates[5]!);
    // A snapshot older than what arrived (a slow source): updates[2] continues it and is applied;
    // updates[4] skips ahead and came after the ask: kept, and another snapshot is needed.
    expect(book.reset(snapshotAfter(market, 2))).toBe(false);
    expect(resyncs.map((r) => r.reason)).toEqual(['gap', 'gap']);
    expect(book.buffered).toBe(2);
    expect(book.reset(snapshotAfter(market, 4))).toBe(true);
    expect(book.seqnum).toBe(market.updates[5]!.data.seqnum);
  });

  it('a crossed snapshot is refused and the book keeps the levels it had', () => {
    const { book, resyncs } = bookWithResyncs();
    book.reset(snapshot(1, [['5', '1']], [['4', '1']]));
    expect(book.reset(snapshot(9, [['5', '1']], [['6', '1']]))).toBe(false);
    expect(resyncs).toMatchObject([{ reason: 'crossed' }]);
    expect(book.snapshot()).toMatchObject({ seqnum: 1, synced: false, asks: [['5', '1']], bids: [['4', '1']] });
  });

  it('levels of size 0 in a snapshot do not count when telling whether it is crossed', () => {
    const { book } = bookWithResyncs();
    expect(
      book.reset(
        snapshot(
          1,
          [['5', '1']],
          [
            ['6', '0'],
            ['4', '1'],
          ],
        ),
      ),
    ).toBe(true);
    expect(book.bids()).toEqual([['4', '1']]);
  });
});

describe('OrderBook: suspend', () => {
  it('stops the book without a resync event and drops what it buffered', () => {
    const market = generateMarket({ seed: 54, updates: 6 });
    const { book, resyncs } = bookWithResyncs(market.symbol);
    book.reset(market.snapshot);
    book.update(market.updates[0]!);
    book.suspend();
    expect(book.synced).toBe(false);
    expect(resyncs).toEqual([]);
    expect(book.update(market.updates[1]!)).toBe('buffered');
    book.suspend();
    expect(book.buffered).toBe(0);
    expect(book.reset(snapshotAfter(market, 1))).toBe(true);
  });

  it('rejects bad limits with a typed error', () => {
    expect(() => new OrderBook(SYMBOL, { maxLevelsPerUpdate: 0 })).toThrow(OrderBookError);
    expect(() => new OrderBook(SYMBOL, { maxBuffered: -1 })).toThrow(OrderBookError);
  });

  it('a listener that throws does not break the book', () => {
    const book = new OrderBook(SYMBOL);
    book.on('change', () => {
      throw new Error('listener bug');
    });
    expect(book.reset(snapshot(1, [['5', '1']], []))).toBe(true);
    expect(book.update(update(2, [['6', '1']]))).toBe('applied');
    expect(book.asks()).toHaveLength(2);
  });
});
