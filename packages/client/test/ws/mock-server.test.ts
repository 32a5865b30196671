// The connection over a real socket: the standalone mock server with the `ws` package as the
// WebSocket implementation (what Node 20 apps without --experimental-websocket use), including
// authentication by headers on the upgrade request, which only such implementations can send.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '@ascendex-toolkit/mocks/server';
import { WebSocket } from 'ws';
import { AscendexWsAuthError, WsConnection, type WsConnectionOptions } from '../../src/ws/connection-index.js';
import { apiKey, secret, take, until } from './support.js';

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
    await c.request('place-order', {
      account: 'cash',
      symbol: 'BTC/USDT',
      orderType: 'limit',
      side: 'buy',
      orderPrice: '30000',
      orderQty: '0.01',
      time: Date.now(),
    });
    const [update] = await take(orders, 1);
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
    const pings: unknown[] = [];
    c.on('message', (m) => m.name === 'ServerPingMessage' && pings.push(m));
    const depth = await c.subscribe('depth', 'BTC/USDT');
    const snapshot = await c.request('depth-snapshot', { symbol: 'BTC/USDT' });
    mock.exchange.stepMarket();
    const [update] = await take(depth, 1);
    // The update continues the snapshot.
    expect(BigInt(update!.data.seqnum)).toBe(BigInt(snapshot.data.seqnum) + 1n);
    await until(() => pings.length >= 2, 3_000, 'server pings');
    expect(c.state).toBe('ready');
  });

  it('connects to the public URL without credentials', async () => {
    const c = connect({ url: mock.publicWsUrl });
    const bbo = await c.subscribe('bbo', 'ETH/USDT');
    mock.exchange.stepMarket();
    mock.exchange.stepMarket();
    mock.exchange.stepMarket();
    const [top] = await take(bbo, 1);
    expect(top!.symbol).toBe('ETH/USDT');
  });
});
