// Public entry. Generated guards and validators (`isX`, `assertX`, `validateX`) plus the hand-written
// runtime: typed errors, lossless JSON and the server-message dispatcher. No code runs at import.
export * from './generated/index.gen.js';
export {
  AscendexError,
  ValidationError,
  JsonParseError,
  JsonStringifyError,
  UnknownMessageError,
  type ValidationIssue,
} from './runtime/errors.js';
export type { ValidateFunction } from './runtime/ajv-issues.js';
export { parseJson, stringifyJson } from './runtime/lossless-json.js';
export {
  validateServerMessage,
  isServerMessage,
  assertServerMessage,
  parseServerMessage,
  readServerMessage,
  type NamedServerMessage,
  type ServerMessageResult,
  type ServerFrameResult,
} from './ws.js';
export { validationErrorOf } from './runtime/guard.js';
export { streamPath, wildcardMatcher, frameText, type PayloadKind } from './protocol.js';
