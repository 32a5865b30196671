// The order book's public exports (wired into the `/ws` entry by src/ws/index.ts).
export {
  OrderBook,
  OrderBookError,
  type DepthUpdate,
  type DepthBookSnapshot,
  type OrderBookOptions,
  type OrderBookSnapshot,
  type ResyncEvent,
  type ResyncReason,
  type UpdateOutcome,
} from './book/order-book.js';
export { followOrderBook, type OrderBookFeed, type OrderBookFeedOptions } from './book/feed.js';
export {
  connectionDepthSource,
  type DepthSource,
  type DepthConnection,
  type DepthSubscription,
} from './book/sources.js';
export type { SeqNum } from './book/seqnum.js';
