// Public exports of the errors & helpers part of the client (re-exported by the package entry).
export { isAscendexError, type AscendexErrorOf } from './is-ascendex-error.js';
export {
  GeneralError,
  FormatError,
  AuthError,
  OrderError,
  MarginError,
  SystemError,
  BehaviorError,
  type ErrorClassOfGroup,
} from './generated/errors.gen.js';
export { preflightOrder, type PreflightOrder, type PreflightProduct } from './helpers/preflight-order.js';
export { serverOrderId } from './helpers/server-order-id.js';
