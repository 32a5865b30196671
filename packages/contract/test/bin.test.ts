// `ascendex-contract` as a team runs it: a child process, keys from the environment, its output and
// exit code. It is built first (the test task depends on the package's build).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startMockServer } from '@ascendex-toolkit/mocks/server';
import { differingServer } from './support.js';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, out }));
  });
}

let server: Awaited<ReturnType<typeof differingServer>>;
beforeAll(async () => {
  server = await differingServer();
});
afterAll(async () => {
  server.stopFaults();
  await server.close();
});

describe('ascendex-contract', () => {
  it('prints a wrong secret once, with the calls it failed, and exits 1', async () => {
    const { code, out } = await run(['--base-url', server.restUrl, '--ws-seconds', '0'], {
      ASCENDEX_API_KEY: server.account.apiKey,
      ASCENDEX_SECRET: 'not-the-secret',
    });
    expect(code).toBe(1);
    const failed = out.split('\n').filter((line) => line.startsWith('FAILED'));
    expect(failed).toEqual([
      expect.stringMatching(/^FAILED \d+ calls: AuthError: 200001 AUTHENTICATION_FAILED: signature does not match$/),
    ]);
    expect(out).toContain('  the server refused the API key or its signature: check the key and the secret');
    expect(out).not.toContain('not-the-secret');
  });

  it('prints one line per difference and a summary, exits 1, and never prints the keys', async () => {
    const { code, out } = await run(['--base-url', server.restUrl, '--ws-seconds', '0.5'], {
      ASCENDEX_API_KEY: server.account.apiKey,
      ASCENDEX_SECRET: server.account.secret,
    });
    expect(code).toBe(1);
    const lines = out.trim().split('\n');
    expect(lines).toContain('REST getDepth /data/data/asks/0/0: must be string; seen 30000.5');
    expect(
      lines.some((l) => l.startsWith('REST listBarIntervals /data/0/name: must be equal to one of the allowed values')),
    ).toBe(true);
    expect(lines.some((l) => /^WS BboMessage \/data\/bid: .*; seen 42 \(\d+ times\)$/.test(l))).toBe(true);
    expect(
      lines.some((l) => l.startsWith('WS unknown message /m: is no message kind of the spec; seen "summary"')),
    ).toBe(true);
    expect(lines.at(-1)).toMatch(/^summary: 5 difference\(s\); REST 27 operation\(s\) checked/);
    expect(out).not.toContain(server.account.secret);
    expect(out).not.toContain(server.account.apiKey);
  });

  it('exits 3 when the server cannot be reached, naming the URL and the cause, and 2 on bad usage', async () => {
    const gone = await startMockServer({ marketIntervalMs: 0 });
    await gone.close();
    const unreachable = await run(['--base-url', gone.restUrl, '--ws-seconds', '0', '--timeout', '1000']);
    expect(unreachable.code).toBe(3);
    expect(unreachable.out).toContain(
      `could not reach the REST API at ${gone.restUrl}: AscendexNetworkError: GET ${gone.restUrl}/api/pro/v1/cash/products network failure: fetch failed: connect ECONNREFUSED ${new URL(gone.restUrl).host} (ECONNREFUSED)`,
    );
    const schemeless = await run(['--base-url', gone.restUrl.replace('http://', ''), '--ws-seconds', '0']);
    expect(schemeless.code).toBe(2);
    expect(schemeless.out).toContain(
      `ascendex-contract: --base-url must be a URL such as https://127.0.0.1:8080, not "${gone.restUrl.replace('http://', '')}"`,
    );
    const wsScheme = await run(['--ws-url', gone.restUrl, '--ws-seconds', '0']);
    expect(wsScheme.code).toBe(2);
    expect(wsScheme.out).toContain(`--ws-url must start with ws:// or wss://, not "${gone.restUrl}"`);
    const usage = await run(['--ws-seconds', 'soon']);
    expect(usage.code).toBe(2);
    expect(usage.out).toContain('--ws-seconds must be a non-negative number');
    const half = await run(['--base-url', 'http://127.0.0.1:9', '--api-key', 'k'], { ASCENDEX_SECRET: '' });
    expect(half.code).toBe(2);
    expect(half.out).toContain('an API key and its secret go together');
  });
});
