// The order book over the real connection against the stateful mock exchange: it follows the
// exchange's market, and after injected gaps, duplicates and dropped connections it resynchronises
// to a book equal to the exchange's own snapshot.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { watchOrderBook } from '../../src/ws/index.js';
import { bookEqualsExchange, closeAll, connection, server, until, useExchange } from './support.js';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(async () => {
  await closeAll();
  server.resetHandlers();
});
afterAll(() => server.close());

describe('watchOrderBook over the connection', () => {
  it('equals the exchange book as the market moves, and again after gaps, duplicates and drops', async () => {
    const rig = useExchange({ seed: 9 });
    const c = connection();
    await c.connect();
    const feed = watchOrderBook(c, 'BTC/USDT');
    const resyncs: string[] = [];
    feed.book.on('resync', (event) => resyncs.push(event.reason));

    const settled = (what: string) => until(() => bookEqualsExchange(feed.book, rig.exchange), 3_000, what);

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
    void (async () => {
      for await (const state of c.states()) states.push(state);
    })();
    faults.drop();
    await until(() => states.includes('reconnecting') && c.state === 'ready', 3_000, 'the reconnect');
    for (let i = 0; i < 5; i++) rig.exchange.stepMarket();
    await settled('after a reconnect');

    expect(resyncs).toEqual(expect.arrayContaining(['gap', 'duplicate']));
    feed.close();
  });
});
