// The hooks of ClientOptions: onRequest sees each request as it goes out (signed, the API key and
// the signature redacted), onResponse each answer's status and headers; one event per attempt. A
// hook that throws or rejects changes nothing about the call.
import { describe, it, expect, beforeAll, afterAll, afterEach } from 'vitest';
import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { createHttpHandlers, defaultAccount } from '@ascendex-toolkit/mocks';
import { AscendexClient, type RequestEvent, type ResponseEvent } from '../../src/index.js';

const T = 1_700_000_000_000;
const server = setupServer(...createHttpHandlers({ clock: () => T }));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function recording(extra: ConstructorParameters<typeof AscendexClient>[0] = {}) {
  const requests: RequestEvent[] = [];
  const responses: ResponseEvent[] = [];
  const client = new AscendexClient({
    apiKey: defaultAccount.apiKey,
    secret: defaultAccount.secret,
    accountGroup: defaultAccount.accountGroup,
    clock: () => T,
    onRequest: (event) => void requests.push(event),
    onResponse: (event) => void responses.push(event),
    ...extra,
  });
  return { client, requests, responses };
}

describe('hooks', () => {
  it('see a signed request with the key and the signature redacted, and its answer', async () => {
    const { client, requests, responses } = recording();
    await client.placeOrder({
      accountCategory: 'cash',
      symbol: 'BTC/USDT',
      orderType: 'limit',
      side: 'buy',
      orderPrice: '20000',
      orderQty: '0.01',
    });
    expect(requests).toEqual([
      {
        operationId: 'placeOrder',
        method: 'POST',
        url: 'https://ascendex.com/6/api/pro/v1/cash/order',
        headers: {
          accept: 'application/json',
          'content-type': 'application/json',
          'x-auth-key': '[api key]',
          'x-auth-timestamp': String(T),
          'x-auth-signature': '[signature]',
        },
        body: JSON.stringify({
          symbol: 'BTC/USDT',
          orderType: 'limit',
          side: 'buy',
          orderPrice: '20000',
          orderQty: '0.01',
          time: T,
        }),
        attempt: 1,
        redirects: 0,
      },
    ]);
    expect(responses).toHaveLength(1);
    expect(responses[0]).toMatchObject({ operationId: 'placeOrder', status: 200, attempt: 1, redirects: 0 });
    expect(responses[0]!.headers.get('content-type')).toMatch(/application\/json/);
    expect(JSON.stringify(requests)).not.toContain(defaultAccount.apiKey);
  });

  it('fire once per attempt of a retried GET', async () => {
    let count = 0;
    server.use(
      http.get('https://ascendex.com/api/pro/v1/depth', () =>
        ++count < 3 ? new HttpResponse('busy', { status: 503 }) : HttpResponse.json({ code: 0, data: {} }),
      ),
    );
    const { client, requests, responses } = recording({ retry: { retries: 2, baseDelayMs: 1 }, validate: false });
    await client.getDepth({ symbol: 'ASD/USDT' });
    expect(requests.map((r) => [r.attempt, r.url])).toEqual([
      [1, 'https://ascendex.com/api/pro/v1/depth?symbol=ASD%2FUSDT'],
      [2, 'https://ascendex.com/api/pro/v1/depth?symbol=ASD%2FUSDT'],
      [3, 'https://ascendex.com/api/pro/v1/depth?symbol=ASD%2FUSDT'],
    ]);
    expect(responses.map((r) => r.status)).toEqual([503, 503, 200]);
  });

  it('cannot break a call: a hook that throws or rejects is ignored', async () => {
    const client = new AscendexClient({
      onRequest: () => {
        throw new Error('logging is down');
      },
      onResponse: (async () => {
        throw new Error('metrics are down');
      }) as unknown as (event: ResponseEvent) => void,
    });
    const depth = await client.getDepth({ symbol: 'ASD/USDT' });
    expect(depth.symbol).toBe('ASD/USDT');
  });
});
