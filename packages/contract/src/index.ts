// Public entry of @ascendex-toolkit/contract: the live contract check as a function (the bin
// `ascendex-contract` is a thin wrapper around it).
export {
  runContractCheck,
  exitCodeOf,
  formatReport,
  wsOrigin,
  originProblem,
  ContractUsageError,
  ExitCode,
  DEFAULT_BASE_URL,
  type ContractCheckOptions,
  type ContractReport,
} from './check.js';
export { formatDifference, type Difference } from './difference.js';
export type { CallFailure } from './failure.js';
export type { RestOutcome } from './rest-check.js';
export type { WsOutcome } from './ws-check.js';
