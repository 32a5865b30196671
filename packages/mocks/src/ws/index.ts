// The WebSocket side of the mocks: a transport-independent session of the mock exchange, fault
// injection, and the MSW `ws` handlers that bridge intercepted connections to sessions.
export {
  createWsSession,
  checkHeaderAuth,
  type WsSession,
  type WsSessionOptions,
  type WsSessionState,
  type WsTransport,
  type WsClock,
  type WsAuthHeaders,
} from './session.js';
export { malformedFrame, unknownMessageFrame, type WsFaults } from './faults.js';
export { createWsHandlers, streamPath, type WsHandlersOptions, type WsMocks } from './msw.js';
