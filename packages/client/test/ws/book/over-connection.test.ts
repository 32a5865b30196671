// The order book over the real connection against the stateful mock exchange, on simulated time:
// it follows the exchange's market, and after injected gaps, duplicates and dropped connections it
// resynchronises to a book equal to the exchange's own snapshot.
import { describe, expect, it } from 'vitest';
import { watchOrderBook } from '../../../src/ws/index.js';
import { bookEqualsExchange, connection, useExchange, useMockServer } from '../support/rig.js';

useMockServer();

describe('watchOrderBook over the connection', () => {
  it('equals the exchange book as the market moves, and again after gaps, duplicates and drops', async () => {
    const rig = useExchange({ seed: 9 });
    const c = connection(rig);
    await c.connect();
    const feed = watchOrderBook(c, 'BTC/USDT');
    const resyncs: string[] = [];
    feed.book.on('resync', (event) => resyncs.push(event.reason));
    const settled = (what: string) => rig.fake.until(() => bookEqualsExchange(feed.book, rig.exchange), what);

    for (let i = 0; i < 20; i++) rig.exchange.stepMarket();
    await settled('following the market');

    const faults = rig.mocks.faults;
    faults.skipDepthSeqnum();
    rig.exchange.stepMarket();
    rig.exchange.stepMarket();
    await settled('after a gap');
    faults.duplicateDepth();
    rig.exchange.stepMarket();
    rig.exchange.stepMarket();
    await settled('after a duplicate');
    const states: string[] = [];
    c.on('state', ({ to }) => states.push(to));
    faults.drop();
    await rig.fake.until(() => states.includes('reconnecting') && c.state === 'ready', 'the reconnect');
    for (let i = 0; i < 5; i++) rig.exchange.stepMarket();
    await settled('after a reconnect');

    expect(resyncs).toEqual(expect.arrayContaining(['gap', 'duplicate']));
    await feed.close();
  });

  it('uses the connection scheduler for its snapshot retries', async () => {
    const rig = useExchange({ seed: 10 });
    const c = connection(rig);
    await c.connect();
    rig.mocks.faults.delayReplies(60_000); // no snapshot answer within the request timeout
    const errors: unknown[] = [];
    const feed = watchOrderBook(c, 'ETH/USDT', { onError: (e) => errors.push(e), retryDelayMs: 1_000 });
    await rig.fake.advance(2_000); // the first snapshot request times out
    expect(errors).toHaveLength(1);
    rig.mocks.faults.delayReplies(0);
    await rig.fake.advance(999);
    expect(feed.book.synced).toBe(false);
    await rig.fake.advance(1); // the retry, 1 s later on the connection's clock
    expect(feed.book.synced).toBe(true);
    await feed.close();
  });
});
