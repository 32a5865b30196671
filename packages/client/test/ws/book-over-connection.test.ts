// The order book over the real connection against the stateful mock exchange: it follows the
// exchange's market, and after injected gaps, duplicates and dropped connections it resynchronises
// to a book equal to the exchange's own snapshot.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkClientMessage, type ExchangeClientMessage } from '@ascendex-toolkit/validators/exchange';
import { watchOrderBook } from '../../src/ws/index.js';
import { closeAll, connection, server, until, useExchange } from './support.js';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(async () => {
  await closeAll();
  server.resetHandlers();
});
afterAll(() => server.close());

type Levels = readonly (readonly [string, string])[];

/** The exchange's own book of `symbol` (its depth snapshot), as sorted level pairs. */
function exchangeBook(rig: ReturnType<typeof useExchange>, symbol: string): { asks: Levels; bids: Levels } {
  const request = checkClientMessage({
    op: 'req',
    action: 'depth-snapshot',
    args: { symbol },
  }) as ExchangeClientMessage;
  const [reply] = rig.exchange.handleWsRequest(request, { account: undefined }) as [
    { data: { asks: Levels; bids: Levels } },
  ];
  return { asks: reply.data.asks, bids: reply.data.bids };
}

describe('watchOrderBook over the connection', () => {
  it('equals the exchange book as the market moves, and again after gaps, duplicates and drops', async () => {
    const rig = useExchange({ seed: 9 });
    const c = connection();
    await c.connect();
    const feed = watchOrderBook(c, 'BTC/USDT');
    const resyncs: string[] = [];
    feed.book.on('resync', (event) => resyncs.push(event.reason));

    const settled = async (what: string) => {
      await until(
        () => {
          const want = exchangeBook(rig, 'BTC/USDT');
          const have = feed.book.snapshot();
          return (
            // Levels, not seqnums: the mock's gap fault shifts this session's numbering for good.
            have.synced &&
            JSON.stringify(have.asks) === JSON.stringify(want.asks) &&
            JSON.stringify(have.bids) === JSON.stringify(want.bids)
          );
        },
        3_000,
        what,
      );
    };

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
