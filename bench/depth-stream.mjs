// The seeded stream of `depth` frames the WebSocket benchmarks feed (the hot path and the memory
// of followed books): a snapshot and updates that continue it, as JSON text.
import { createPrng } from '@ascendex-toolkit/mocks';

/**
 * The snapshot frame and `frames` update frames that continue it (prices on a 0.1 tick, sizes with
 * 5 decimals, 5 to 20 changes per update over a book of about `levelsPerSide` levels a side).
 * @param {{ seed: number, frames: number, symbol: string, levelsPerSide?: number }} options
 */
export function makeDepthStream({ seed, frames: FRAMES, symbol: SYMBOL, levelsPerSide: LEVELS_PER_SIDE = 150 }) {
  // The mocks' seeded generator (mulberry32): the same frames on every run.
  const { next: random, int } = createPrng(seed);
  const price = (ticks) => {
    const text = (ticks / 10).toFixed(1);
    return text.endsWith('.0') ? text.slice(0, -2) : text;
  };
  const size = () => String(int(1, 500_000) / 100_000);
  const mid = 430_000;
  const asks = new Set();
  const bids = new Set();
  while (asks.size < LEVELS_PER_SIDE) asks.add(mid + int(1, LEVELS_PER_SIDE * 2));
  while (bids.size < LEVELS_PER_SIDE) bids.add(mid - int(0, LEVELS_PER_SIDE * 2 - 1));
  let seqnum = 28_590_470_736;
  const snapshot = JSON.stringify({
    m: 'depth-snapshot',
    symbol: SYMBOL,
    data: {
      seqnum,
      ts: 1_647_515_136_144,
      asks: [...asks].sort((a, b) => a - b).map((t) => [price(t), size()]),
      bids: [...bids].sort((a, b) => b - a).map((t) => [price(t), size()]),
    },
  });
  const frames = [];
  for (let f = 0; f < FRAMES; f++) {
    seqnum++;
    const changes = { asks: new Map(), bids: new Map() };
    const count = int(5, 20);
    for (let c = 0; c < count; c++) {
      const side = random() < 0.5 ? 'asks' : 'bids';
      const ticks = side === 'asks' ? asks : bids;
      const roll = random();
      let t;
      let s = size();
      if (roll < 0.3 && ticks.size > LEVELS_PER_SIDE - 20) {
        t = [...ticks][int(0, ticks.size - 1)];
        ticks.delete(t);
        s = '0';
      } else if (roll < 0.65) t = [...ticks][int(0, ticks.size - 1)];
      else {
        t = side === 'asks' ? mid + int(1, LEVELS_PER_SIDE * 3) : mid - int(0, LEVELS_PER_SIDE * 3 - 1);
        ticks.add(t);
      }
      changes[side].set(t, s);
    }
    frames.push(
      JSON.stringify({
        m: 'depth',
        symbol: SYMBOL,
        data: {
          ts: 1_647_515_136_144 + f * 300,
          seqnum,
          asks: [...changes.asks].map(([t, s]) => [price(t), s]),
          bids: [...changes.bids].map(([t, s]) => [price(t), s]),
        },
      }),
    );
  }
  return { snapshot, frames, minSide: Math.min(asks.size, bids.size) };
}
