#!/usr/bin/env node
// `ascendex-mock`: the standalone mock server. Prints the REST base URL and the WebSocket URLs, then
// serves until interrupted. The secret is never printed.
import { parseArgs } from 'node:util';
import { startMockServer } from './server.js';

const USAGE = `Usage: ascendex-mock [options]

  --port <n>            TCP port; 0 picks a free one (default 0)
  --host <address>      interface to listen on (default 127.0.0.1)
  --seed <n>            seed of the mock exchange (default 1)
  --api-key <key>       the mock account's API key (default: the docs' sample key)
  --secret <secret>     the mock account's API secret (default: the docs' sample secret)
  --account-group <n>   the mock account's group, first segment of private URLs (default 6)
  --market-interval <ms> how often the market moves; 0 stops it (default 1000)
  --help                this text`;

function integer(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) {
    console.error(`ascendex-mock: --${name} must be a non-negative integer, not ${JSON.stringify(value)}\n\n${USAGE}`);
    process.exit(2);
  }
  return Number(value);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      seed: { type: 'string' },
      'api-key': { type: 'string' },
      secret: { type: 'string' },
      'account-group': { type: 'string' },
      'market-interval': { type: 'string' },
      help: { type: 'boolean' },
    },
  }));
} catch (error) {
  console.error(`ascendex-mock: ${(error as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const server = await startMockServer({
  port: integer('port', values.port, 0),
  host: values.host ?? '127.0.0.1',
  seed: integer('seed', values.seed, 1),
  marketIntervalMs: integer('market-interval', values['market-interval'], 1000),
  account: {
    ...(values['api-key'] ? { apiKey: values['api-key'] } : {}),
    ...(values.secret ? { secret: values.secret } : {}),
    ...(values['account-group'] ? { accountGroup: integer('account-group', values['account-group'], 6) } : {}),
  },
});

console.log(`REST base URL: ${server.restUrl}`);
console.log(`WebSocket URL: ${server.wsUrl}`);
console.log(`Public WebSocket URL: ${server.publicWsUrl}`);
console.log(`API key: ${server.account.apiKey} (account group ${server.account.accountGroup})`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
