// The WebSocket connection's public surface (the `ws` entry re-exports it with the order book's).
export { WsConnection } from './connection/connection.js';
export { WsState, type WsStateChange } from './connection/states.js';
export type { WsReconnectOptions } from './connection/reconnect.js';
export type { WsClockOffset } from './connection/auth.js';
export type {
  WsConnectionOptions,
  WsEvents,
  WsInvalidFrame,
  WsCloseEvent,
  WsOverflowEvent,
  WsOrderMessage,
  WsSubscribeChannel,
  WsSubscribeArgs,
  WsSubscriptionMessage,
  WsSubscription,
  WsRequestParams,
  WsReply,
} from './connection/types.js';
export {
  AscendexWsClosedError,
  AscendexWsAuthError,
  AscendexWsUsageError,
  AscendexWsConnectError,
  AscendexWsFrameError,
} from './errors.js';
export type { WebSocketConstructor, WebSocketLike } from './socket.js';
export { wildcardMatcher } from '@ascendex-toolkit/validators';
export {
  wsChannels,
  type WsChannelName,
  type WsChannelParams,
  type WsChannelMessages,
} from '../generated/ws/channels.gen.js';
export { wsRequests, type WsRequestKey, type WsActionKey } from '../generated/ws/requests.gen.js';
export { wsMessageKinds, type WsMessageKind } from '../generated/ws/message-kinds.gen.js';
