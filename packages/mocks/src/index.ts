// Public entry of @ascendex-toolkit/mocks: the backend contract, signature checking, the MSW HTTP
// handlers, the MSW WebSocket handlers and sessions, and the stateful mock exchange. Works in Node
// and in browsers (msw/browser); the standalone server is Node-only, at `./server`.
export * from './backend.js';
export { sign, signedMessage, checkSignature, type SignatureProblem } from '@ascendex-toolkit/validators/auth';
export * from './http/index.js';
export * from './ws/index.js';
export * from './exchange/index.js';
