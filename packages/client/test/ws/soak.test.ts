// The soak: 200,000 depth updates through followOrderBook and watchOrderBook at once (one socket,
// two books) over a real socket to the mocks' WebSocket sessions, then a 1,000,000-level update
// and 10,000 normal ones; the retained heap (after GC, --expose-gc) must not grow by 5 MB. And the
// same huge update through the book itself (no frame limit in the way), which refuses it by its
// level limit. Seeded; every wait is for the books to reach a seqnum; the figures are printed.
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import {
  AscendexWsFrameError,
  WsConnection,
  type WebSocketConstructor,
  type WsInvalidFrame,
} from '../../src/ws/connection-index.js';
import { connectionDepthSource, followOrderBook, type OrderBook, type ResyncEvent } from '../../src/ws/book-index.js';
import { watchOrderBook } from '../../src/ws/index.js';
import { FakeScheduler, settle } from './support/fake-scheduler.js';
import { handFedSource } from './support/hand-fed-source.js';
import { createLeanMarket, leanBackend, type LeanMarket } from './support/lean-market.js';
import { startSessionServer } from './support/session-server.js';

const MB = 1024 * 1024;
const UPDATES = Number(process.env.SOAK_UPDATES ?? 200_000);
const AFTER_HUGE = 10_000;
const HUGE_LEVELS = 1_000_000;
const BATCH = 1_000;

const gc = (globalThis as { gc?: () => void }).gc;

/** The heap still reachable: after the event loop settled and two full collections. */
async function retainedHeap(): Promise<number> {
  await settle();
  gc!();
  await settle();
  gc!();
  return process.memoryUsage().heapUsed;
}

const mb = (bytes: number) => `${(bytes / MB).toFixed(2)} MB`;

/** The book is synced and level for level the market's own book. */
function equalsMarket(book: OrderBook, market: LeanMarket): boolean {
  const want = market.snapshot().data;
  const have = book.snapshot();
  return (
    have.synced &&
    have.seqnum === want.seqnum &&
    JSON.stringify(have.asks) === JSON.stringify(want.asks) &&
    JSON.stringify(have.bids) === JSON.stringify(want.bids)
  );
}

describe('soak', () => {
  it(`${UPDATES} updates, then a ${HUGE_LEVELS}-level update and ${AFTER_HUGE} more, through both book helpers over a socket to the mock sessions`, async () => {
    expect(gc, 'the ws project runs with --expose-gc').toBeTypeOf('function');
    // Small updates, as the exchange's throttled depth channel sends them: the soak is about their number.
    const market = createLeanMarket({ seed: 14, changes: [1, 6] });
    const backend = leanBackend(market, () => Date.now());
    const mock = await startSessionServer(backend);
    const c = new WsConnection({ WebSocket: WebSocket as unknown as WebSocketConstructor, url: mock.url });
    const invalid: WsInvalidFrame[] = [];
    c.on('invalid-frame', (f) => invalid.push(f));
    await c.connect();
    const watched = watchOrderBook(c, market.symbol);
    const followed = followOrderBook(connectionDepthSource(c), market.symbol);
    const books = [watched.book, followed.book];
    const resyncs: ResyncEvent[] = [];
    for (const book of books) book.on('resync', (e) => resyncs.push(e));

    /** Resolves once both books are synced at the market's last seqnum. */
    const caughtUp = () =>
      new Promise<void>((resolve) => {
        const seqnum = market.seqnum();
        const check = () =>
          books.every((b) => b.synced && b.seqnum === seqnum) && (offs.forEach((off) => off()), resolve());
        const offs = books.flatMap((b) => [b.on('change', check), b.on('synced', check)]);
        check();
      });
    const pump = async (n: number) => {
      for (let sent = 0; sent < n; sent += BATCH) {
        for (let i = 0; i < BATCH; i++) backend.publish(market.next());
        await caughtUp();
      }
    };
    await caughtUp();
    await pump(10_000); // warm-up: compiled code, full books, the price caches
    const base = await retainedHeap();
    const started = performance.now();
    await pump(UPDATES);
    const elapsed = performance.now() - started;
    for (const book of books) expect(equalsMarket(book, market)).toBe(true);
    const afterStream = await retainedHeap();
    console.log(
      `soak: ${UPDATES} updates through watchOrderBook and followOrderBook in ${(elapsed / 1000).toFixed(1)} s; ` +
        `retained heap ${mb(base)} before, ${mb(afterStream)} after (${mb(afterStream - base)})`,
    );
    expect(afterStream - base).toBeLessThan(5 * MB);

    // Straight onto the socket: the session would spend seconds copying and re-encoding 1M levels.
    mock.sendRaw(JSON.stringify(market.huge(HUGE_LEVELS)));
    await pump(AFTER_HUGE);
    expect(invalid.map((f) => f.error)).toEqual([expect.any(AscendexWsFrameError)]);
    expect(invalid[0]!.length).toBeGreaterThan(4 * MB);
    for (const book of books) expect(equalsMarket(book, market)).toBe(true);
    // The refused frame left a hole in the sequence: each book resynchronised once, by a gap.
    expect(resyncs.map((r) => r.reason)).toEqual(['gap', 'gap']);
    const afterHuge = await retainedHeap();

    console.log(
      `soak: then a ${HUGE_LEVELS}-level update and ${AFTER_HUGE} more: ${mb(afterHuge)} (${mb(afterHuge - base)})`,
    );
    expect(afterHuge - base).toBeLessThan(5 * MB);
    await Promise.all([watched.close(), followed.close()]);
    await c.close();
    await mock.close();
  }, 120_000);

  it(`a ${HUGE_LEVELS}-level update through the book itself is refused by its level limit; ${AFTER_HUGE} more leave no growth`, async () => {
    const fake = new FakeScheduler();
    const market = createLeanMarket({ seed: 15 });
    const source = handFedSource(() => market.snapshot());
    const feed = followOrderBook(source, market.symbol, { scheduler: fake });
    const reasons: string[] = [];
    feed.book.on('resync', (e) => reasons.push(e.reason));
    await settle();
    const pump = async (n: number) => {
      for (let i = 0; i < n; i++) {
        source.push(market.next());
        if (i % BATCH === 0) await settle(1);
      }
      await settle();
    };
    await pump(20_000);
    const base = await retainedHeap();
    source.push(market.huge(HUGE_LEVELS));
    await pump(AFTER_HUGE);
    await fake.until(() => equalsMarket(feed.book, market), 'the book resynced');
    expect(reasons).toEqual(['oversized']);
    const after = await retainedHeap();
    console.log(
      `soak: the book alone, a ${HUGE_LEVELS}-level update refused and ${AFTER_HUGE} more: ${mb(after - base)}`,
    );
    expect(after - base).toBeLessThan(5 * MB);
    await feed.close();
  }, 60_000);
});
