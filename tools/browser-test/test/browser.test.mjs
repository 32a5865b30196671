// The client in headless Chromium against MSW's browser worker and the mock exchange (see README).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../src/chromium.mjs';
import { startPageServer } from '../src/page-server.mjs';

/** @type {Awaited<ReturnType<typeof startPageServer>>} */
let server;

beforeAll(async () => {
  server = await startPageServer();
});
afterAll(async () => {
  await server?.close();
});

// Launched inside the test, not in a hook: without Chromium the test fails with launchChromium's
// message instead of being reported as skipped.
/** @type {import('playwright-core').Browser | undefined} */
let browser;
afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

it('fails clearly when the browser is missing', async () => {
  await expect(launchChromium('/nonexistent/chromium')).rejects.toThrow(
    "/nonexistent/chromium is missing: the browser test needs Debian's chromium (apt-get update && apt-get install -y chromium)",
  );
});

describe('the client in Chromium with msw/browser', () => {
  it('makes a public call, signed calls through WebCrypto and receives stream messages', async () => {
    browser = await launchChromium();
    const page = await browser.newPage();
    /** @type {string[]} */
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    /** @type {import('playwright-core').Response[]} */
    const exchangeResponses = [];
    page.on('response', (r) => {
      if (r.url().startsWith('https://ascendex.com/')) exchangeResponses.push(r);
    });
    /** @type {string[]} */
    const realSockets = [];
    page.on('websocket', (ws) => realSockets.push(ws.url()));

    await page.goto(server.url);
    const result = await page.evaluate(() => /** @type {any} */ (window).__result);
    expect(pageErrors).toEqual([]);
    expect(result.ok, `${JSON.stringify(result.error)}\n${result.stack}`).toBe(true);
    const v = result.value;

    expect(v.userAgent).toContain('HeadlessChrome');
    expect(v.serviceWorkerControlled).toBe(true);
    // Every REST call left the page through the browser's fetch and was answered by MSW's service
    // worker; the stream never opened a real socket (MSW's interceptor stands in for WebSocket).
    expect(exchangeResponses.map((r) => new URL(r.url()).pathname)).toEqual([
      '/api/pro/v1/depth',
      '/api/pro/v1/info',
      '/6/api/pro/v1/cash/balance',
      '/6/api/pro/v1/cash/order',
      '/6/api/pro/v1/cash/balance',
      '/6/api/pro/v1/cash/order',
    ]);
    expect(exchangeResponses.every((r) => r.fromServiceWorker())).toBe(true);
    expect(realSockets).toEqual([]);

    // Public call.
    expect(v.depth).toMatchObject({ symbol: 'BTC/USDT', bids: 20 });
    // Signed calls: the account group looked up, the balance and the order of the mock exchange.
    expect(v.accountGroup).toBe(6);
    expect(v.usdt).toEqual({ asset: 'USDT', totalBalance: '100000', availableBalance: '100000' });
    expect(v.placed.status).toBe('New');
    expect(v.ordersOnExchange).toEqual([v.placed.orderId, v.stream.secondOrderId]);
    // The mock checks the signatures: a wrong secret is refused with the exchange's code.
    expect(v.refused).toEqual({
      name: 'AuthError',
      message: 'getCashBalance: 200001 AUTHENTICATION_FAILED: signature does not match',
    });
    // Stream: two depth updates continuing the REST snapshot, and the order report of the order
    // placed over REST on the authenticated session.
    const seqnum = BigInt(v.depth.seqnum);
    expect(v.stream.depth).toEqual([
      { symbol: 'BTC/USDT', seqnum: String(seqnum + 1n) },
      { symbol: 'BTC/USDT', seqnum: String(seqnum + 2n) },
    ]);
    expect(v.stream.order).toEqual({ orderId: v.stream.secondOrderId, side: 'Sell', status: 'New' });
  });
});
