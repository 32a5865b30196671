// The driver that keeps a book current from a DepthSource: with fakes, and against the mocks'
// stateful exchange (its depth-snapshot request handler and the depth events of stepMarket()),
// on simulated time.
import { describe, expect, it } from 'vitest';
import { createMockExchange, type ExchangeEvent } from '@ascendex-toolkit/mocks';
import { parseServerMessage, stringifyJson } from '@ascendex-toolkit/validators';
import { parseClientMessage } from '@ascendex-toolkit/validators/exchange';
import {
  connectionDepthSource,
  followOrderBook,
  type DepthBookSnapshot,
  type DepthSource,
  type DepthUpdate,
  type ResyncEvent,
} from '../../../src/ws/book-index.js';
import { generateMarket, snapshotAfter } from '../support/book-stream.js';
import { FakeScheduler, settle } from '../support/fake-scheduler.js';

/** An async iterable fed by hand, like a subscription handle. */
class Queue<T> implements AsyncIterable<T> {
  private items: T[] = [];
  private waiting: ((r: IteratorResult<T>) => void) | undefined;
  ended = false;
  push(item: T): void {
    if (this.waiting) {
      const w = this.waiting;
      this.waiting = undefined;
      w({ value: item, done: false });
    } else this.items.push(item);
  }
  end(): void {
    this.ended = true;
    this.waiting?.({ value: undefined, done: true });
  }
  [Symbol.asyncIterator](): AsyncIterator<T> {
    return {
      next: () => {
        if (this.items.length > 0) return Promise.resolve({ value: this.items.shift()!, done: false });
        if (this.ended) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => (this.waiting = resolve));
      },
      return: async () => {
        this.end();
        return { value: undefined, done: true };
      },
    };
  }
}

const tick = () => settle();

describe('followOrderBook with a fake source', () => {
  it('subscribes, buffers until the snapshot, applies, and resyncs by itself after a gap', async () => {
    const market = generateMarket({ seed: 11, updates: 60 });
    const updates = new Queue<DepthUpdate>();
    const snapshotRequests: number[] = [];
    let published = 0;
    let answer: (() => void) | undefined;
    const source: DepthSource = {
      updates: () => updates,
      snapshot: () => {
        snapshotRequests.push(published);
        const at = published;
        // Answered later, as the exchange's slow snapshot request is.
        return new Promise<DepthBookSnapshot>((resolve) => (answer = () => resolve(snapshotAfter(market, at))));
      },
    };
    const publish = (from: number, to: number, skip?: number) => {
      for (let i = from; i < to; i++) if (i !== skip) updates.push(market.updates[i]!);
      published = to;
    };
    const feed = followOrderBook(source, market.symbol);
    const resyncs: ResyncEvent[] = [];
    feed.book.on('resync', (e) => resyncs.push(e));
    publish(0, 5);
    await tick();
    expect(feed.book.buffered).toBe(5);
    answer!();
    publish(5, 10);
    await tick();
    expect(feed.book.synced).toBe(true);
    expect(feed.book.seqnum).toBe(market.updates[9]!.data.seqnum);

    publish(10, 30, 15); // update 15 is lost
    await tick();
    expect(resyncs.map((r) => r.reason)).toEqual(['gap']);
    expect(snapshotRequests).toEqual([0, 30]);
    publish(30, 40);
    answer!();
    await tick();
    const expected = snapshotAfter(market, 40);
    expect(feed.book.snapshot()).toMatchObject({
      synced: true,
      seqnum: expected.data.seqnum,
      asks: expected.data.asks,
      bids: expected.data.bids,
    });
    await feed.close();
    expect(updates.ended).toBe(true);
    expect(feed.book.synced).toBe(false);
  });

  it('retries a failed snapshot request with backoff and reports the error', async () => {
    const market = generateMarket({ seed: 12, updates: 5 });
    const errors: unknown[] = [];
    let calls = 0;
    const source: DepthSource = {
      updates: () => new Queue<DepthUpdate>(),
      snapshot: async () => {
        calls++;
        if (calls < 3) throw new Error(`refused ${calls}`);
        return market.snapshot;
      },
    };
    const fake = new FakeScheduler();
    const feed = followOrderBook(source, market.symbol, {
      retryDelayMs: 100,
      onError: (e) => errors.push(e),
      scheduler: fake,
    });
    await settle();
    expect(calls).toBe(1);
    await fake.advance(99);
    expect(calls).toBe(1);
    await fake.advance(1);
    expect(calls).toBe(2);
    await fake.advance(200); // then 200 ms
    expect(feed.book.synced).toBe(true);
    expect(calls).toBe(3);
    expect(errors.map((e) => (e as Error).message)).toEqual(['refused 1', 'refused 2']);
    await feed.close();
  });

  it('ends when the update stream ends, and close() stops a pending retry', async () => {
    const updates = new Queue<DepthUpdate>();
    const source: DepthSource = { updates: () => updates, snapshot: () => Promise.reject(new Error('down')) };
    const fake = new FakeScheduler();
    const feed = followOrderBook(source, 'BTC/USDT', { retryDelayMs: 60_000, scheduler: fake });
    await tick();
    expect(fake.pending).toBe(1); // the retry wait
    const closing = feed.close();
    expect(feed.close()).toBe(closing); // once
    await expect(closing).resolves.toBeUndefined();
    await expect(feed.done).resolves.toBeUndefined();
    expect(fake.pending).toBe(0);
  });

  it('a stream that ends by itself stops the book without a resync event', async () => {
    const market = generateMarket({ seed: 13, updates: 3 });
    const updates = new Queue<DepthUpdate>();
    const feed = followOrderBook({ updates: () => updates, snapshot: async () => market.snapshot }, market.symbol);
    const resyncs: ResyncEvent[] = [];
    feed.book.on('resync', (e) => resyncs.push(e));
    await tick();
    expect(feed.book.synced).toBe(true);
    updates.end();
    await expect(feed.done).resolves.toBeUndefined();
    expect(feed.book.synced).toBe(false);
    expect(resyncs).toEqual([]);
  });

  it('a stream that fails rejects done (never an unhandled rejection)', async () => {
    const refused = new Error('refused');
    const source: DepthSource = {
      updates: () => ({
        [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(refused) }),
      }),
      snapshot: () => new Promise<never>(() => undefined),
    };
    const feed = followOrderBook(source, 'BTC/USDT');
    await tick(); // nobody awaits done yet: vitest would report an unhandled rejection here
    await expect(feed.done).rejects.toBe(refused);
    await feed.close();
  });

  it('close() before the subscription was acknowledged unsubscribes it when it arrives', async () => {
    let acknowledge!: (s: Queue<DepthUpdate> & { unsubscribe(): Promise<void> }) => void;
    let unsubscribed = 0;
    const connection = {
      subscribe: () => new Promise<Queue<DepthUpdate> & { unsubscribe(): Promise<void> }>((r) => (acknowledge = r)),
      request: () => new Promise<never>(() => undefined),
    };
    const feed = followOrderBook(connectionDepthSource(connection), 'BTC/USDT');
    await tick();
    await feed.close();
    const late = Object.assign(new Queue<DepthUpdate>(), { unsubscribe: async () => void (unsubscribed += 1) });
    acknowledge(late);
    await tick();
    expect(unsubscribed).toBe(1);
  });

  it('connectionDepthSource picks the channel and the snapshot request', async () => {
    const calls: string[] = [];
    const connection = {
      subscribe: (channel: string, symbol: string) => {
        calls.push(`sub ${channel}:${symbol}`);
        return new Queue<DepthUpdate>();
      },
      request: async (action: string, args: { symbol: string }) => {
        calls.push(`req ${action} ${args.symbol}`);
        return generateMarket({ seed: 1, updates: 0 }).snapshot;
      },
    };
    const realtime = connectionDepthSource(connection, { realtime: true });
    realtime.updates('BTC/USDT');
    await realtime.snapshot('BTC/USDT');
    const plain = connectionDepthSource(connection);
    plain.updates('ETH/USDT');
    await plain.snapshot('ETH/USDT');
    const rest = connectionDepthSource(connection, { restSnapshot: async (s) => ({ ...(await plain.snapshot(s)) }) });
    await rest.snapshot('ASD/USDT');
    expect(calls).toEqual([
      'sub depth-realtime:BTC/USDT',
      'req depth-snapshot-realtime BTC/USDT',
      'sub depth:ETH/USDT',
      'req depth-snapshot ETH/USDT',
      'req depth-snapshot ASD/USDT',
    ]);
  });
});

describe('followOrderBook against the mock exchange', () => {
  it('stays equal to the exchange’s own book over many steps, through gaps and duplicates', async () => {
    const exchange = createMockExchange({ seed: 21, clock: () => 1_700_000_000_000 });
    const symbol = 'BTC/USDT';
    const depthSnapshot = (): DepthBookSnapshot => {
      const request = parseClientMessage(
        JSON.stringify({ op: 'req', action: 'depth-snapshot', id: 'b1', args: { symbol } }),
      );
      if (!request.ok) throw new Error('the request was refused');
      const frames = exchange.handleWsRequest(request, { account: undefined }) ?? [];
      // Through the wire: text, then the lossless parse and the strict validators.
      const parsed = frames.map((f) => parseServerMessage(stringifyJson(f)));
      const reply = parsed.find((p) => p.name === 'DepthSnapshot');
      if (!reply) throw new Error('no depth-snapshot reply');
      return reply.message as DepthBookSnapshot;
    };
    let dropNext = false;
    let duplicateNext = false;
    const updates = new Queue<DepthUpdate>();
    const source: DepthSource = {
      updates: () => {
        exchange.subscribe((event: ExchangeEvent) => {
          if (event.kind !== 'market' || event.topic !== `depth:${symbol}`) return;
          const parsed = parseServerMessage(stringifyJson(event.message));
          if (dropNext) return void (dropNext = false);
          updates.push(parsed.message as DepthUpdate);
          if (duplicateNext) updates.push(parsed.message as DepthUpdate);
          duplicateNext = false;
        });
        return updates;
      },
      snapshot: async () => depthSnapshot(),
    };
    const feed = followOrderBook(source, symbol, { retryDelayMs: 1 });
    const reasons: string[] = [];
    feed.book.on('resync', (e) => reasons.push(e.reason));
    let compared = 0;
    for (let step = 1; step <= 200; step++) {
      if (step % 50 === 10) dropNext = true;
      if (step % 50 === 30) duplicateNext = true;
      exchange.stepMarket();
      await tick();
      // A lost update shows only when the next one arrives: on that step the book is one behind.
      if (feed.book.synced && step % 50 !== 10) {
        const own = depthSnapshot().data;
        expect(feed.book.snapshot()).toMatchObject({ seqnum: own.seqnum, asks: own.asks, bids: own.bids });
        compared++;
      }
    }
    expect(reasons.filter((r) => r === 'gap').length).toBe(4);
    expect(reasons.filter((r) => r === 'duplicate').length).toBe(4);
    expect(compared).toBeGreaterThan(170);
    await feed.close();
  }, 60_000);
});
