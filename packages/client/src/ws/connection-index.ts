// The WebSocket connection's public surface (the `ws` entry re-exports it with the order book's).
export {
  WsConnection,
  WsState,
  type WsConnectionOptions,
  type WsReconnectOptions,
  type WsEvents,
  type WsInvalidFrame,
  type WsSubscribeChannel,
  type WsSubscribeArgs,
  type WsSubscriptionMessage,
  type WsSubscription,
  type WsRequestParams,
  type WsReply,
} from './connection.js';
export { AscendexWsClosedError, AscendexWsAuthError, AscendexWsUsageError } from './errors.js';
export type { WebSocketConstructor, WebSocketLike } from './socket.js';
export { wildcardMatcher } from './topics.js';
export {
  wsChannels,
  type WsChannelName,
  type WsChannelParams,
  type WsChannelMessages,
} from '../generated/ws/channels.gen.js';
export { wsRequests, type WsRequestKey, type WsActionKey } from '../generated/ws/requests.gen.js';
export { wsMessageKinds, type WsMessageKind } from '../generated/ws/message-kinds.gen.js';
