// A seeded market for long runs: it produces `depth` updates one at a time (by default 5 to 20
// level changes each, never crossing) and keeps only the current book, so a run of any length holds nothing per
// update; `snapshot()` is the book at the last update. Prices are integer ticks (0.01), sizes
// decimal strings. Also a MockBackend that serves it to the mocks' WebSocket sessions: its updates
// as `depth` events and its snapshot as the `depth-snapshot` reply.
import { createPrng, type ExchangeEvent, type MockBackend } from '@ascendex-toolkit/mocks';
import type { PriceLevel } from '@ascendex-toolkit/types';
import type { DepthBookSnapshot, DepthUpdate } from '../../../src/ws/book-index.js';

const price = (ticks: number): string => (ticks / 100).toFixed(2);

export function createLeanMarket(options: {
  seed: number;
  symbol?: string;
  levelsPerSide?: number;
  /** Level changes per update, at least and at most. */
  changes?: readonly [number, number];
}) {
  const rng = createPrng(options.seed);
  const symbol = options.symbol ?? 'BTC/USDT';
  const levels = options.levelsPerSide ?? 150;
  const [fewest, most] = options.changes ?? [5, 20];
  const mid = 4_000_000;
  const asks = new Map<number, string>();
  const bids = new Map<number, string>();
  const size = () => String(rng.int(1, 500_000) / 1000);
  while (asks.size < levels) asks.set(mid + rng.int(1, levels * 3), size());
  while (bids.size < levels) bids.set(mid - rng.int(0, levels * 3 - 1), size());
  let seqnum = 7_000_000;
  let ts = 1_700_000_000_000;

  function change(side: Map<number, string>, isAsk: boolean, out: PriceLevel[]): void {
    const roll = rng.next();
    const ticks = isAsk ? mid + rng.int(1, levels * 4) : mid - rng.int(0, levels * 4 - 1);
    if (roll < 0.35 && side.has(ticks) && side.size > levels - 10) {
      side.delete(ticks);
      out.push([price(ticks), '0']);
    } else {
      const s = size();
      side.set(ticks, s);
      out.push([price(ticks), s]);
    }
  }

  return {
    symbol,
    /** The seqnum of the last update. */
    seqnum: () => seqnum,
    /** The next update (it moves the market). */
    next(): DepthUpdate {
      seqnum += 1;
      ts += 1;
      const changes = { asks: [] as PriceLevel[], bids: [] as PriceLevel[] };
      for (let c = 0, n = rng.int(fewest, most); c < n; c++) {
        if (rng.next() < 0.5) change(asks, true, changes.asks);
        else change(bids, false, changes.bids);
      }
      return { m: 'depth', symbol, data: { seqnum, ts, asks: changes.asks, bids: changes.bids } };
    },
    /** An update of the next seqnum with `n` ask levels far above the book (it moves the seqnum only). */
    huge(n: number): DepthUpdate {
      seqnum += 1;
      const far = Array.from({ length: n }, (_, i): PriceLevel => [price(mid * 3 + i), '1']);
      return { m: 'depth', symbol, data: { seqnum, ts, asks: far, bids: [] } };
    },
    snapshot(): DepthBookSnapshot {
      const sorted = (side: Map<number, string>, descending: boolean) =>
        [...side.keys()].sort((a, b) => (descending ? b - a : a - b)).map((t): PriceLevel => [price(t), side.get(t)!]);
      return { m: 'depth-snapshot', symbol, data: { seqnum, ts, asks: sorted(asks, false), bids: sorted(bids, true) } };
    },
  };
}

export type LeanMarket = ReturnType<typeof createLeanMarket>;

/** A backend publishing a lean market's updates and answering `depth-snapshot` with its book. */
export function leanBackend(market: LeanMarket, now: () => number): MockBackend & { publish(u: DepthUpdate): void } {
  const listeners = new Set<(event: ExchangeEvent) => void>();
  return {
    now,
    account: () => undefined,
    handleRest: () => undefined,
    handleWsRequest: (request) => (request.name === 'WsDepthSnapshotRequest' ? [market.snapshot()] : undefined),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    hasSymbol: (symbol) => symbol === market.symbol,
    publish(update) {
      const event = { kind: 'market', topic: `depth:${update.symbol}`, message: update } as unknown as ExchangeEvent;
      for (const listener of listeners) listener(event);
    },
  };
}
