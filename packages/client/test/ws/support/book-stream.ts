// Test support for the order book: a seeded generator of depth streams and a reference book built
// the naive way (a map of levels, sorted with the exact decimal comparison when read), to compare
// the real book against.
import type { DepthData, PriceLevel } from '@ascendex-toolkit/types';
import { cmp, normalize } from '@ascendex-toolkit/validators/orders';
import { createPrng } from '@ascendex-toolkit/mocks';
import type { DepthBookSnapshot, DepthUpdate, SeqNum } from '../../../src/ws/book-index.js';

/** The mocks' seeded generator (mulberry32), so every randomized round can be replayed from its seed. */
export { createPrng };

const addSeq = (s: SeqNum, n: number): SeqNum => {
  if (typeof s === 'number' && Number.isSafeInteger(s + n)) return s + n;
  const big = BigInt(s) + BigInt(n);
  // As the lossless parser reads it: a number while it is safe, a bigint above.
  return big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
};
export { addSeq };

/** The naive book: a map from the normalized price to the level as sent. */
export class ReferenceBook {
  readonly asks = new Map<string, PriceLevel>();
  readonly bids = new Map<string, PriceLevel>();
  seqnum: SeqNum;

  constructor(snapshot: DepthData) {
    this.seqnum = snapshot.seqnum;
    this.apply(snapshot);
  }

  apply(data: DepthData): void {
    for (const [side, levels] of [
      [this.asks, data.asks],
      [this.bids, data.bids],
    ] as const) {
      for (const [price, size] of levels) {
        if (cmp(size, '0') === 0) side.delete(normalize(price));
        else side.set(normalize(price), [price, size]);
      }
    }
    this.seqnum = data.seqnum;
  }

  sorted(): { asks: PriceLevel[]; bids: PriceLevel[] } {
    return {
      asks: [...this.asks.values()].sort((a, b) => cmp(a[0], b[0])),
      bids: [...this.bids.values()].sort((a, b) => cmp(b[0], a[0])),
    };
  }
}

/** A price with `scale` decimals from an integer number of ticks, in its shortest form. */
export const priceOf = (ticks: number, scale: number): string => normalize((ticks / 10 ** scale).toFixed(scale));

/**
 * A seeded market: a book of `levelsPerSide` levels a side around a mid price and a list of the
 * updates that continue it (5 to 20 levels each: resized, removed with size "0", added).
 */
export function generateMarket(options: {
  seed: number;
  symbol?: string;
  updates: number;
  levelsPerSide?: number;
  firstSeqnum?: SeqNum;
  scale?: number;
}) {
  const rng = createPrng(options.seed);
  const symbol = options.symbol ?? 'BTC/USDT';
  const scale = options.scale ?? 2;
  const levelsPerSide = options.levelsPerSide ?? 120;
  const mid = 4_000_000; // in ticks
  const size = () => normalize((rng.int(1, 5_000_000) / 1000).toFixed(3));
  const askTicks = new Set<number>();
  const bidTicks = new Set<number>();
  while (askTicks.size < levelsPerSide) askTicks.add(mid + rng.int(1, levelsPerSide * 3));
  while (bidTicks.size < levelsPerSide) bidTicks.add(mid - rng.int(0, levelsPerSide * 3 - 1));
  let seqnum: SeqNum = options.firstSeqnum ?? 5_000_000;
  const snapshot: DepthBookSnapshot = {
    m: 'depth-snapshot',
    symbol,
    data: {
      seqnum,
      ts: 1_700_000_000_000,
      asks: [...askTicks].sort((a, b) => a - b).map((t): PriceLevel => [priceOf(t, scale), size()]),
      bids: [...bidTicks].sort((a, b) => b - a).map((t): PriceLevel => [priceOf(t, scale), size()]),
    },
  };
  const updates: DepthUpdate[] = [];
  for (let u = 0; u < options.updates; u++) {
    seqnum = addSeq(seqnum, 1);
    const changes = { asks: new Map<number, string>(), bids: new Map<number, string>() };
    const count = rng.int(5, 20);
    for (let c = 0; c < count; c++) {
      const isAsk = rng.next() < 0.5;
      const ticks = isAsk ? askTicks : bidTicks;
      const list = [...ticks];
      const roll = rng.next();
      let tick: number;
      let newSize: string;
      if (roll < 0.35 && list.length > levelsPerSide - 10) {
        tick = list[rng.int(0, list.length - 1)]!;
        newSize = '0';
        ticks.delete(tick);
      } else if (roll < 0.7) {
        tick = list[rng.int(0, list.length - 1)]!;
        newSize = size();
      } else {
        tick = isAsk ? mid + rng.int(1, levelsPerSide * 4) : mid - rng.int(0, levelsPerSide * 4 - 1);
        newSize = size();
        ticks.add(tick);
      }
      (isAsk ? changes.asks : changes.bids).set(tick, newSize);
    }
    updates.push({
      m: 'depth',
      symbol,
      data: {
        seqnum,
        ts: 1_700_000_000_000 + u,
        asks: [...changes.asks].map(([t, s]): PriceLevel => [priceOf(t, scale), s]),
        bids: [...changes.bids].map(([t, s]): PriceLevel => [priceOf(t, scale), s]),
      },
    });
  }
  return { symbol, snapshot, updates };
}

/** The snapshot the exchange would serve after `applied` of the market's updates. */
export function snapshotAfter(market: ReturnType<typeof generateMarket>, applied: number): DepthBookSnapshot {
  const reference = new ReferenceBook(market.snapshot.data);
  for (let i = 0; i < applied; i++) reference.apply(market.updates[i]!.data);
  const { asks, bids } = reference.sorted();
  return { m: 'depth-snapshot', symbol: market.symbol, data: { seqnum: reference.seqnum, ts: 0, asks, bids } };
}
