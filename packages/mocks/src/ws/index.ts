// The WebSocket side of the mocks: a transport-independent session of the mock exchange, fault
// injection, and the MSW `ws` handlers that bridge intercepted connections to sessions.
export { createWsSession } from './session/session.js';
export { checkHeaderAuth, type WsAuthHeaders } from './session/auth.js';
export type { WsSession, WsSessionOptions, WsSessionState, WsTransport, WsClock } from './session/options.js';
export { malformedFrame, unknownMessageFrame, type WsFaults } from './session/faults.js';
export { createWsHandlers, streamPath, type WsHandlersOptions, type WsMocks } from './msw.js';
