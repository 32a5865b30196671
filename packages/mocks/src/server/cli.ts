#!/usr/bin/env node
// `ascendex-mock`: the standalone mock server. Prints the REST base URL and the WebSocket URLs, then
// serves until interrupted (SIGINT/SIGTERM stop it). The secret is never printed. Exit codes:
// 0 stopped by a signal, 2 bad arguments, 3 the port is in use, 1 anything else.
import { parseArgs } from 'node:util';
import { PortInUseError, startMockServer } from './server.js';

const USAGE = `Usage: ascendex-mock [options]

  --port <n>                 TCP port; 0 picks a free one (default 0)
  --host <address>           interface to listen on (default 127.0.0.1)
  --seed <n>                 seed of the mock exchange (default 1)
  --api-key <key>            the mock account's API key (default: the docs' sample key)
  --secret <secret>          the mock account's API secret (default: the docs' sample secret)
  --account-group <n>        the mock account's group, first segment of private URLs (default 6)
  --market-interval <ms>     how often the market moves; 0 stops it (default 1000)
  --max-finished-orders <n>  finished orders kept for status and history (default 10000)
  --max-body-bytes <n>       largest request body; larger ones get HTTP 413 (default 1048576)
  --max-connections <n>      open TCP connections; the next gets HTTP 429 (default 2048)
  --help                     this text

Exit codes: 0 stopped by SIGINT/SIGTERM, 2 bad arguments, 3 the port is in use, 1 other errors.`;

const EXIT_USAGE = 2;
const EXIT_PORT_IN_USE = 3;

function fail(message: string, code: number): never {
  console.error(`ascendex-mock: ${message}`);
  process.exit(code);
}

function integer(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value))
    fail(`--${name} must be a non-negative integer, not ${JSON.stringify(value)}\n\n${USAGE}`, EXIT_USAGE);
  return Number(value);
}

const flags = [
  'port',
  'host',
  'seed',
  'api-key',
  'secret',
  'account-group',
  'market-interval',
  'max-finished-orders',
  'max-body-bytes',
  'max-connections',
] as const;

let values: Partial<Record<(typeof flags)[number], string>> & { help?: boolean };
try {
  ({ values } = parseArgs({
    options: {
      ...Object.fromEntries(flags.map((f) => [f, { type: 'string' as const }])),
      help: { type: 'boolean' },
    },
  }));
} catch (error) {
  fail(`${(error as Error).message}\n\n${USAGE}`, EXIT_USAGE);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const port = integer('port', values.port) ?? 0;
const host = values.host ?? '127.0.0.1';
const options = {
  port,
  host,
  seed: integer('seed', values.seed) ?? 1,
  marketIntervalMs: integer('market-interval', values['market-interval']) ?? 1000,
  ...(values['api-key'] ? { apiKey: values['api-key'] } : {}),
  ...(values.secret ? { secret: values.secret } : {}),
  ...(values['account-group'] ? { accountGroup: integer('account-group', values['account-group']) } : {}),
  ...(values['max-finished-orders']
    ? { maxFinishedOrders: integer('max-finished-orders', values['max-finished-orders']) }
    : {}),
  ...(values['max-body-bytes'] ? { maxBodyBytes: integer('max-body-bytes', values['max-body-bytes']) } : {}),
  ...(values['max-connections'] ? { maxConnections: integer('max-connections', values['max-connections']) } : {}),
};

let server;
try {
  server = await startMockServer(options);
} catch (error) {
  if (error instanceof PortInUseError)
    fail(`port ${port} on ${host} is already in use; pick another with --port (0 picks a free one)`, EXIT_PORT_IN_USE);
  fail(error instanceof Error ? error.message : String(error), 1);
}

console.log(`REST base URL: ${server.restUrl}`);
console.log(`WebSocket URL: ${server.wsUrl}`);
console.log(`Public WebSocket URL: ${server.publicWsUrl}`);
console.log(`API key: ${server.account.apiKey} (account group ${server.account.accountGroup})`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    // Stopping takes at most the in-flight grace (250 ms); the timer is a last resort.
    setTimeout(() => process.exit(0), 900).unref();
    void server.close().then(() => process.exit(0));
  });
}
