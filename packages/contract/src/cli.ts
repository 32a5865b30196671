#!/usr/bin/env node
// `ascendex-contract`: checks a live AscendEX API (or any server speaking it) against the spec and
// prints every difference. Exit 0: clean; 1: differences or failed calls; 2: bad usage; 3: the
// server could not be reached. Keys come from flags or the environment and are never printed.
import { parseArgs } from 'node:util';
import {
  DEFAULT_BASE_URL,
  ExitCode,
  exitCodeOf,
  formatReport,
  originProblem,
  REST_PROTOCOLS,
  runContractCheck,
  WS_PROTOCOLS,
} from './check.js';

const USAGE = `Usage: ascendex-contract [options]

  --base-url <url>     REST origin (default ${DEFAULT_BASE_URL})
  --ws-url <url>       WebSocket origin (default: the REST origin as ws:/wss:)
  --api-key <key>      read-only API key (or ASCENDEX_API_KEY); checks the private GET operations too
  --secret <secret>    its secret (or ASCENDEX_SECRET)
  --ws-seconds <n>     how long to listen to the channels (default 10)
  --timeout <ms>       timeout of each request (default 10000)
  --help               this text

Exit codes: 0 no difference, 1 differences or failed calls, 2 bad usage, 3 could not reach the server.`;

function usage(message: string): never {
  console.error(`ascendex-contract: ${message}\n\n${USAGE}`);
  process.exit(ExitCode.Usage);
}

function number(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+(\.\d+)?$/.test(value)) usage(`--${name} must be a non-negative number, not ${JSON.stringify(value)}`);
  return Number(value);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      'base-url': { type: 'string' },
      'ws-url': { type: 'string' },
      'api-key': { type: 'string' },
      secret: { type: 'string' },
      'ws-seconds': { type: 'string' },
      timeout: { type: 'string' },
      help: { type: 'boolean' },
    },
  }));
} catch (error) {
  usage((error as Error).message);
}
if (values.help) {
  console.log(USAGE);
  process.exit(ExitCode.Clean);
}
// An empty variable counts as unset (`ASCENDEX_SECRET= ascendex-contract` in a script).
const apiKey = values['api-key'] ?? (process.env.ASCENDEX_API_KEY || undefined);
const secret = values.secret ?? (process.env.ASCENDEX_SECRET || undefined);
if ((apiKey === undefined) !== (secret === undefined)) usage('an API key and its secret go together');
// A URL without its scheme (`127.0.0.1:8080`) is a typo to name, not a server to call unreachable.
for (const [flag, protocols] of [
  ['base-url', REST_PROTOCOLS],
  ['ws-url', WS_PROTOCOLS],
] as const) {
  const value = values[flag];
  const problem = value === undefined ? undefined : originProblem(`--${flag}`, value, protocols);
  if (problem) usage(problem);
}

const report = await runContractCheck({
  ...(values['base-url'] ? { baseUrl: values['base-url'] } : {}),
  ...(values['ws-url'] ? { wsUrl: values['ws-url'] } : {}),
  apiKey,
  secret,
  wsSeconds: number('ws-seconds', values['ws-seconds'], 10),
  timeoutMs: number('timeout', values.timeout, 10_000),
});
for (const line of formatReport(report)) console.log(line);
process.exitCode = exitCodeOf(report);
