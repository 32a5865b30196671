// The page that runs in Chromium: the client and its WebSocket entry, bundled with msw/browser and
// the mocks' handlers backed by a mock exchange. Every request leaves through the browser's own
// fetch and WebSocket; MSW's service worker answers the REST calls and its WebSocket interceptor
// the stream. The outcome goes to `window.__result` for the test to read.
import { setupWorker } from 'msw/browser';
import { createHttpHandlers, createMockExchange, createWsHandlers, defaultAccount } from '@ascendex-toolkit/mocks';
import { AscendexClient } from '@ascendex-toolkit/client';
import { WsConnection } from '@ascendex-toolkit/client/ws';

/** @param {unknown} error */
function describe(error) {
  return error instanceof Error
    ? { name: error.name, message: error.message }
    : { name: 'unknown', message: String(error) };
}

/**
 * Takes `count` messages from an async iterable.
 * @template T
 * @param {AsyncIterable<T>} iterable
 * @param {number} count
 */
async function take(iterable, count) {
  /** @type {T[]} */
  const taken = [];
  for await (const item of iterable) {
    taken.push(item);
    if (taken.length === count) break;
  }
  return taken;
}

async function run() {
  const exchange = createMockExchange({ seed: 11 });
  const ws = createWsHandlers({ backend: exchange });
  const worker = setupWorker(...createHttpHandlers({ backend: exchange }), ...ws.handlers);
  await worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, onUnhandledRequest: 'error', quiet: true });

  const { apiKey, secret } = defaultAccount;
  const client = new AscendexClient({ apiKey, secret });

  // Public REST call.
  const depth = await client.getDepth({ symbol: 'BTC/USDT' });

  // Signed calls: the account group is looked up through the signed getAccountInfo, then an order
  // is placed; both signatures come from the browser's WebCrypto and the mock verifies them.
  const balances = await client.getCashBalance({});
  const placed = await client.placeOrder({
    accountCategory: 'cash',
    symbol: 'BTC/USDT',
    orderType: 'limit',
    side: 'buy',
    orderPrice: '30000',
    orderQty: '0.01',
    respInst: 'ACCEPT',
  });
  // A wrong secret must be refused by the mock's signature check, through the same path.
  const refused = await new AscendexClient({ apiKey, secret: btoa('not the secret'), accountGroup: 6 })
    .getCashBalance({})
    .then(() => null, describe);

  // WebSocket: an authenticated session (the `auth` message is signed with WebCrypto) that
  // receives depth updates of the mock market and the order report of a REST order.
  const connection = new WsConnection({ accountGroup: client.accountGroup ?? 0, apiKey, secret });
  await connection.connect();
  const depthStream = await connection.subscribe('depth', 'BTC/USDT');
  const orderStream = await connection.subscribe('order', 'cash');
  const depthMessages = take(depthStream, 2);
  const orderMessages = take(orderStream, 1);
  exchange.stepMarket();
  exchange.stepMarket();
  const second = await client.placeOrder({
    accountCategory: 'cash',
    symbol: 'BTC/USDT',
    orderType: 'limit',
    side: 'sell',
    orderPrice: '50000',
    orderQty: '0.02',
  });
  const updates = await depthMessages;
  const [orderUpdate] = await orderMessages;
  await connection.close();
  worker.stop();

  return {
    userAgent: navigator.userAgent,
    serviceWorkerControlled: navigator.serviceWorker.controller !== null,
    depth: { symbol: depth.symbol, seqnum: String(depth.data.seqnum), bids: depth.data.bids.length },
    accountGroup: client.accountGroup,
    usdt: balances.find((b) => b.asset === 'USDT') ?? null,
    // respInst ACCEPT answers the full order; the union also covers the short ACK form.
    placed: { status: 'status' in placed.info ? placed.info.status : null, orderId: placed.info.orderId },
    ordersOnExchange: exchange.ordersOf(defaultAccount, 'cash').map((o) => o.orderId),
    refused,
    stream: {
      depth: updates.map((u) => ({ symbol: u.symbol, seqnum: String(u.data.seqnum) })),
      order:
        orderUpdate && 'sd' in orderUpdate.data
          ? { orderId: orderUpdate.data.orderId, side: orderUpdate.data.sd, status: orderUpdate.data.st }
          : (orderUpdate ?? null),
      secondOrderId: second.info.orderId,
    },
  };
}

// @ts-expect-error: the page's one global, read by the test
window.__result = run().then(
  (value) => ({ ok: true, value }),
  (error) => ({ ok: false, error: describe(error), stack: error instanceof Error ? error.stack : undefined }),
);
