// client.syncClock() against the standalone mock server (issue 15): the mock answers
// exchange-info from its own clock, so the measured offset is the real one and signed calls work
// after it. On fixed clocks the offset is exact; on real clocks it is the loopback's few ms.
import { afterEach, describe, expect, it } from 'vitest';
import { createMockExchange, defaultAccount } from '@ascendex-toolkit/mocks';
import { startMockServer, type MockServer } from '@ascendex-toolkit/mocks/server';
import { AscendexClient } from '../../src/operations.js';

let server: MockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const T = 1_700_000_000_000;

describe('syncClock against the mock server', () => {
  it('measures a client clock an hour behind exactly, after which signed calls work', async () => {
    server = await startMockServer({ exchange: createMockExchange({ clock: () => T }), marketIntervalMs: 0 });
    const { apiKey, secret } = defaultAccount;
    const client = new AscendexClient({
      baseUrl: server.restUrl,
      apiKey,
      secret,
      retry: false,
      clock: () => T - 3_600_000,
    });
    await expect(client.getCashBalance({})).rejects.toMatchObject({ code: 100011 });
    expect(await client.syncClock()).toBe(3_600_000);
    expect(client.clockOffsetMs).toBe(3_600_000);
    expect(Array.isArray(await client.getCashBalance({}))).toBe(true);
  });

  it('measures no offset when both read the same clock, and signed calls keep working', async () => {
    // One clock for both sides (not this machine's: a wall-clock bound would depend on the load).
    const clock = () => T;
    server = await startMockServer({ exchange: createMockExchange({ clock }), marketIntervalMs: 0 });
    const { apiKey, secret } = defaultAccount;
    const client = new AscendexClient({ baseUrl: server.restUrl, apiKey, secret, retry: false, clock });
    const offset = await client.syncClock();
    expect(offset).toBe(0);
    const placed = await client.placeOrder({
      accountCategory: 'cash',
      symbol: 'BTC/USDT',
      orderType: 'limit',
      side: 'buy',
      orderPrice: '40000',
      orderQty: '0.1',
    });
    expect(placed.info.orderId).toMatch(/^a/);
  });
});
