// Seeded randomized rounds of faults against one authenticated connection with subscriptions of
// every kind: drops at random points (now, or after a random number of frames), skipped pongs
// (the server ignores client pings until the client gives the socket up), delayed replies, depth
// gaps and duplicates, malformed frames and unknown messages, with requests in flight. After each
// round every subscription must be back on the (new) session, the session authenticated, every
// request settled (a reply, or a typed error), and data flowing again. On simulated time.
import { expect, it } from 'vitest';
import { AscendexTimeoutError } from '../../src/index.js';
import { AscendexWsClosedError } from '../../src/ws/connection-index.js';
import { watchOrderBook } from '../../src/ws/index.js';
import {
  bookEqualsExchange,
  limitOrder,
  privateConnection,
  seeded,
  take,
  useExchange,
  useMockServer,
} from './support/rig.js';

useMockServer();

const ROUNDS = 40;
const SEED = 20261130;
const faultKinds = [
  'drop',
  'dropAfter',
  'skipPongs',
  'delayReplies',
  'gap',
  'duplicate',
  'malformed',
  'unknown',
] as const;
type FaultKind = (typeof faultKinds)[number];

it(`survives ${ROUNDS} seeded rounds of random faults with every subscription restored, every request settled and every book equal to the exchange's`, async () => {
  const random = seeded(SEED);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const rig = useExchange({ seed: 7 });
  const { exchange, mocks, fake } = rig;
  const c = privateConnection(rig, {
    pingIntervalMs: 15,
    maxMissedPongs: 2,
    requestTimeoutMs: 400,
    random: seeded(SEED + 1),
  });
  const depth = await c.subscribe('depth', ['BTC/USDT', 'ETH/USDT']);
  const trades = await c.subscribe('trades', 'BTC/USDT');
  const bar = await c.subscribe('bar', '1', ['ETH/USDT', 'ASD/USDT']);
  const orders = await c.subscribe('order', 'cash');
  const balances = await c.subscribe('balance', 'margin');
  const books = ['BTC/USDT', 'ETH/USDT'].map((symbol) => watchOrderBook(c, symbol));
  const expectedTopics = [
    'bar:1:ASD/USDT',
    'bar:1:ETH/USDT',
    'depth:BTC/USDT',
    'depth:ETH/USDT',
    'order:cash',
    'order:margin',
    'trades:BTC/USDT',
  ];
  const counts = Object.fromEntries(faultKinds.map((k) => [k, 0])) as Record<FaultKind, number>;
  const outcomes = { replied: 0, lost: 0, timedOut: 0 };
  let invalidFrames = 0;
  let reconnects = 0;
  c.on('invalid-frame', () => (invalidFrames += 1));
  c.on('reconnect', () => (reconnects += 1));

  for (let round = 0; round < ROUNDS; round++) {
    // Settled into outcomes as they happen (a rejection must not wait for a handler).
    const requests: Promise<PromiseSettledResult<unknown>>[] = [];
    const track = (p: Promise<unknown>) =>
      requests.push(
        p.then(
          (value) => ({ status: 'fulfilled', value }) as const,
          (reason: unknown) => ({ status: 'rejected', reason }) as const,
        ),
      );
    const faults = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(faultKinds));
    for (const fault of faults) {
      counts[fault] += 1;
      const f = mocks.faults;
      if (fault === 'drop') f.drop();
      else if (fault === 'dropAfter') f.dropAfter(1 + Math.floor(random() * 8));
      else if (fault === 'skipPongs') f.ignoreClientPings();
      else if (fault === 'delayReplies') f.delayReplies(20 + Math.floor(random() * 60));
      else if (fault === 'gap') f.skipDepthSeqnum();
      else if (fault === 'duplicate') f.duplicateDepth();
      else if (fault === 'malformed') f.sendMalformedFrame();
      else f.sendUnknownMessage();
      track(c.request('depth-snapshot', { symbol: pick(['BTC/USDT', 'ETH/USDT']) }));
      track(c.request('open-order', { account: 'cash' }));
      for (let i = 0, n = Math.floor(random() * 4); i < n; i++) exchange.stepMarket();
      await fake.advance(Math.floor(random() * 30));
    }
    // Skipped pongs last until the client gives the socket up; then the server answers again.
    if (faults.includes('skipPongs')) await fake.advance(80);
    mocks.faults.reset();

    // Replies delayed on the mock's clock, and request timeouts, need simulated time to pass.
    let done = false;
    void Promise.all(requests).then(() => (done = true));
    await fake.until(() => done, `round ${round}: every request settled`);
    const settled = await Promise.all(requests);
    for (const s of settled) {
      if (s.status === 'fulfilled') outcomes.replied += 1;
      else if (s.reason instanceof AscendexWsClosedError) outcomes.lost += 1;
      else if (s.reason instanceof AscendexTimeoutError) outcomes.timedOut += 1;
      else throw s.reason; // anything else is a defect
    }
    await fake.until(
      () =>
        c.state === 'ready' &&
        mocks.sessions().length === 1 &&
        [...mocks.sessions()[0]!.topics].sort().join() === expectedTopics.join(),
      `round ${round}: every subscription restored`,
    );
    expect(mocks.sessions()[0]!.account, `round ${round}: authenticated`).toBeDefined();
    expect(c.authenticated).toBe(true);
    for (const sub of [depth, trades, bar, orders, balances]) expect(sub.active).toBe(true);
    // Every book repairs itself to the exchange's own, whatever the round did to its stream.
    exchange.stepMarket();
    for (const feed of books) {
      await fake.until(() => bookEqualsExchange(feed.book, exchange), `round ${round}: ${feed.book.symbol} book equal`);
    }
  }

  // Data flows on every subscription after the last round.
  exchange.stepMarket();
  await take(depth, 1);
  await take(trades, 1);
  await take(bar, 1);
  await c.request('place-order', { account: 'cash', ...limitOrder });
  await take(orders, 1);
  await c.request('place-order', { account: 'margin', ...limitOrder });
  await take(balances, 1);

  expect(reconnects).toBeGreaterThanOrEqual(counts.drop);
  expect(invalidFrames).toBeLessThanOrEqual(counts.malformed + counts.unknown);
  expect(outcomes.replied).toBeGreaterThan(0);
  console.log(
    `fault rounds: seed ${SEED}, ${ROUNDS} rounds; faults ${JSON.stringify(counts)}; ` +
      `reconnects ${reconnects}; invalid frames seen ${invalidFrames}; requests ${JSON.stringify(outcomes)}`,
  );
}, 20_000);
