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
} from './order-book.js';
export {
  followOrderBook,
  connectionDepthSource,
  type DepthSource,
  type DepthConnection,
  type OrderBookFeed,
  type OrderBookFeedOptions,
} from './order-book-feed.js';
export type { SeqNum } from './order-book-seqnum.js';
