// Signing: the docs' two samples are test vectors, the client's headers carry them, the mocks'
// verifier accepts the client and rejects a wrong secret, and the legacy v2 history signs the
// spec's prehash (`order/hist`).
import { describe, it, expect, beforeAll, afterAll, afterEach } from 'vitest';
import { setupServer } from 'msw/node';
import { createHttpHandlers, defaultAccount } from '@ascendex-toolkit/mocks';
import { checkSignature } from '@ascendex-toolkit/validators/auth';
import { signRequest } from '../../src/core/signing.js';
import { AscendexApiError } from '../../src/core/errors.js';
import { AscendexClient } from '../../src/operations.js';
import { recordRequests } from './wire.js';

// The docs' sample secret (also the mocks' default account).
const docsSecret = 'hV8FgjyJtpvVeAcMAgzgAFQCN36wmbWuN7o3WPcYcYhFd8qvE43gzFGVsFcCqMNk';
const docsTime = 1608133910000;

const server = setupServer(...createHttpHandlers({ clock: () => docsTime }));
const wire = recordRequests(server);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  wire.length = 0;
});
afterAll(() => server.close());

describe('signature vectors', () => {
  it('signs the shell and Python sample: 1608133910000+info', async () => {
    expect(await signRequest(docsSecret, '1608133910000', 'info')).toBe('/pwaAgWZQ1Xd/J4yZ4ReHSPQxd3ORP/YR8TvAttqqYM=');
  });

  it('signs the Java sample: 1562952827927+user/info', async () => {
    expect(await signRequest(docsSecret, '1562952827927', 'user/info')).toBe(
      'vBZf8OQuiTJIVbNpNHGY3zcUsK5gJpwb5lgCgarpxYI=',
    );
  });

  it('puts the sample signature on the wire for getAccountInfo at the sample time', async () => {
    const client = new AscendexClient({ apiKey: defaultAccount.apiKey, secret: docsSecret, clock: () => docsTime });
    await client.getAccountInfo();
    expect(wire).toHaveLength(1);
    expect(wire[0]!.headers.get('x-auth-timestamp')).toBe('1608133910000');
    expect(wire[0]!.headers.get('x-auth-signature')).toBe('/pwaAgWZQ1Xd/J4yZ4ReHSPQxd3ORP/YR8TvAttqqYM=');
    expect(wire[0]!.headers.get('x-auth-key')).toBe(defaultAccount.apiKey);
  });

  it('is refused by the mocks with a wrong secret', async () => {
    const client = new AscendexClient({
      apiKey: defaultAccount.apiKey,
      secret: 'not-the-secret',
      accountGroup: 6,
      clock: () => docsTime,
    });
    const error = await client.getCashBalance().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AscendexApiError);
    expect(error).toMatchObject({ code: 200001, reason: 'AUTHENTICATION_FAILED', operationId: 'getCashBalance' });
  });

  it('is refused as stale when the clock is more than 30 s off the server', async () => {
    const client = new AscendexClient({
      apiKey: defaultAccount.apiKey,
      secret: docsSecret,
      accountGroup: 6,
      clock: () => docsTime + 31_000,
    });
    await expect(client.getCashBalance()).rejects.toMatchObject({ code: 100011, reason: 'INVALID_TIMESTAMP' });
  });

  it('signs the legacy v2 history with order/hist (the spec prehash), not v2/order/hist', async () => {
    const client = new AscendexClient({
      apiKey: defaultAccount.apiKey,
      secret: docsSecret,
      accountGroup: 6,
      clock: () => docsTime,
    });
    await client.listHistoryOrdersV2Legacy({ account: 'cash' });
    const headers = wire[0]!.headers;
    const check = (prehash: string) =>
      checkSignature({
        secret: docsSecret,
        timestamp: headers.get('x-auth-timestamp'),
        signature: headers.get('x-auth-signature'),
        prehashes: [prehash],
        now: docsTime,
      });
    expect(wire[0]!.url.pathname).toBe('/6/api/pro/v2/order/hist');
    expect(await check('order/hist')).toBeUndefined();
    expect(await check('v2/order/hist')).toBe('wrong');
  });

  it('signs the v2 history with data/v2/order/hist, outside any account group', async () => {
    const client = new AscendexClient({ apiKey: defaultAccount.apiKey, secret: docsSecret, clock: () => docsTime });
    await client.listHistoryOrdersV2({ account: 'cash' });
    const headers = wire[0]!.headers;
    expect(wire[0]!.url.pathname).toBe('/api/pro/data/v2/order/hist');
    expect(
      await checkSignature({
        secret: docsSecret,
        timestamp: headers.get('x-auth-timestamp'),
        signature: headers.get('x-auth-signature'),
        prehashes: ['data/v2/order/hist'],
        now: docsTime,
      }),
    ).toBeUndefined();
  });

  it('fills {accountCategory} into the prehash as into the URL', async () => {
    const client = new AscendexClient({ apiKey: defaultAccount.apiKey, secret: docsSecret, clock: () => docsTime });
    await client.getBalanceSnapshot({ accountCategory: 'margin', date: '2021-03-31' });
    const headers = wire[0]!.headers;
    expect(wire[0]!.url.pathname).toBe('/api/pro/data/v1/margin/balance/snapshot');
    expect(
      await checkSignature({
        secret: docsSecret,
        timestamp: headers.get('x-auth-timestamp'),
        signature: headers.get('x-auth-signature'),
        prehashes: ['data/v1/margin/balance/snapshot'],
        now: docsTime,
      }),
    ).toBeUndefined();
  });
});
