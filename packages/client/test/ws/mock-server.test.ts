// The connection over a real socket: the standalone mock server with the `ws` package as the
// WebSocket implementation (what Node 20 apps without --experimental-websocket use), including
// authentication by headers on the upgrade request, which only such implementations can send.
// Real time (the server's timers are its own): every wait is for an event, none for a duration.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '@ascendex-toolkit/mocks/server';
import { WebSocket } from 'ws';
import { AscendexWsAuthError, WsConnection, type WsConnectionOptions } from '../../src/ws/connection-index.js';
import { apiKey, limitOrder, secret } from './support/rig.js';

/** The next `n` messages, as they arrive. */
async function next<M>(iterable: AsyncIterable<M>, n: number): Promise<M[]> {
  const iterator = iterable[Symbol.asyncIterator]();
  const out: M[] = [];
  while (out.length < n) out.push((await iterator.next()).value as M);
  return out;
}

let mock: MockServer;
const open: WsConnection[] = [];

beforeAll(async () => {
  mock = await startMockServer({ seed: 5, marketIntervalMs: 0, ws: { pingIntervalMs: 30 } });
});
afterAll(async () => {
  await Promise.all(open.map((c) => c.close()));
  await mock.close();
});

const connect = (options: WsConnectionOptions) => {
  const c = new WsConnection({ WebSocket, url: mock.wsUrl, requestTimeoutMs: 2_000, ...options });
  open.push(c);
  return c;
};

describe('against the standalone mock server with the ws package', () => {
  it('authenticates by headers: the server greets the session as authenticated', async () => {
    const c = connect({ apiKey, secret, auth: 'headers' });
    const states: string[] = [];
    c.on('state', ({ to }) => states.push(to));
    await c.connect();
    expect(c.authenticated).toBe(true);
    expect(states).toEqual(['connecting', 'open', 'ready']); // no auth message
    const orders = await c.subscribe('order', 'cash');
    await c.request('place-order', { account: 'cash', ...limitOrder });
    const [update] = await next(orders, 1);
    expect(update!.ac).toBe('CASH');
  });

  it('a wrong secret in the headers is refused with AscendexWsAuthError', async () => {
    const error = await connect({ apiKey, secret: 'wrong', auth: 'headers', reconnect: false })
      .connect()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AscendexWsAuthError);
  });

  it('authenticates by message, answers server pings, and streams depth with a snapshot', async () => {
    const c = connect({ apiKey, secret });
    let pings = 0;
    const twoPings = new Promise<void>((resolve) =>
      c.on('message', (m) => m.name === 'ServerPingMessage' && ++pings === 2 && resolve()),
    );
    const depth = await c.subscribe('depth', 'BTC/USDT');
    const snapshot = await c.request('depth-snapshot', { symbol: 'BTC/USDT' });
    mock.exchange.stepMarket();
    const [update] = await next(depth, 1);
    // The update continues the snapshot.
    expect(BigInt(update!.data.seqnum)).toBe(BigInt(snapshot.data.seqnum) + 1n);
    await twoPings; // answered, so the session lives on
    expect(c.state).toBe('ready');
  });

  it('connects to the public URL without credentials', async () => {
    const c = connect({ url: mock.publicWsUrl });
    const bbo = await c.subscribe('bbo', 'ETH/USDT');
    mock.exchange.stepMarket();
    mock.exchange.stepMarket();
    mock.exchange.stepMarket();
    const [top] = await next(bbo, 1);
    expect(top!.symbol).toBe('ETH/USDT');
  });
});
