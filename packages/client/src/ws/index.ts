// Entry `@ascendex-toolkit/client/ws`: the WebSocket connection (state machine, keep-alive,
// reconnect, subscriptions, requests) and the self-healing order book. Kept apart from the REST
// entry so that REST-only apps never bundle it.
import { followOrderBook, type OrderBookFeed, type OrderBookFeedOptions } from './book/feed.js';
import { connectionDepthSource } from './book/sources.js';
import type { WsConnection } from './connection/connection.js';

export * from './connection-index.js';
export * from './book-index.js';
export { realScheduler, type WsScheduler } from './scheduler.js';

/**
 * An order book of `symbol` kept in sync over `connection`: it subscribes to `depth` (or
 * `depth-realtime`), initialises from the matching snapshot request, and resynchronises by itself
 * on a gap, a duplicate or an update it cannot apply (a reconnect shows up as a gap).
 * @public
 */
export function watchOrderBook(
  connection: WsConnection,
  symbol: string,
  options: OrderBookFeedOptions & { readonly realtime?: boolean } = {},
): OrderBookFeed {
  const { realtime, ...feedOptions } = options;
  return followOrderBook(connectionDepthSource(connection, realtime === undefined ? {} : { realtime }), symbol, {
    scheduler: connection.scheduler,
    ...feedOptions,
  });
}
