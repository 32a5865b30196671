// A Node without a global WebSocket (Node 20 without --experimental-websocket: this project runs
// without the flag; on newer Node the global is taken away): a typed AscendexWsUsageError, never a
// crash or an unhandled rejection; and the `ws` package's class works in its place.
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { startMockServer, type MockServer } from '@ascendex-toolkit/mocks/server';
import { WebSocket } from 'ws';
import { AscendexWsUsageError, WsConnection, type WebSocketConstructor } from '../../src/ws/connection-index.js';
import { watchOrderBook } from '../../src/ws/index.js';

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer({ seed: 2, marketIntervalMs: 0 });
});
afterAll(() => mock.close());

it('without any WebSocket implementation every call rejects with AscendexWsUsageError', async () => {
  if ('WebSocket' in globalThis) vi.stubGlobal('WebSocket', undefined);
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  try {
    const c = new WsConnection();
    const error = await c.connect().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AscendexWsUsageError);
    expect((error as Error).message).toMatch(
      /pass `WebSocket` \(e\.g\. the `ws` package\) or run Node with --experimental-websocket/,
    );
    await expect(c.subscribe('depth', 'BTC/USDT')).rejects.toBeInstanceOf(AscendexWsUsageError);
    await expect(c.request('depth-snapshot', { symbol: 'BTC/USDT' })).rejects.toBeInstanceOf(AscendexWsUsageError);
    await expect(watchOrderBook(c, 'BTC/USDT').done).rejects.toBeInstanceOf(AscendexWsUsageError);
    await new Promise((resolve) => setImmediate(resolve));
    expect(unhandled).toEqual([]);
  } finally {
    process.off('unhandledRejection', onUnhandled);
    vi.unstubAllGlobals();
  }
});

it('with the ws package passed in, it connects and subscribes', async () => {
  const c = new WsConnection({ WebSocket: WebSocket as unknown as WebSocketConstructor, url: mock.publicWsUrl });
  const depth = await c.subscribe('depth', 'ETH/USDT');
  mock.exchange.stepMarket();
  const { value } = await depth[Symbol.asyncIterator]().next();
  expect(value?.symbol).toBe('ETH/USDT');
  await c.close();
});
