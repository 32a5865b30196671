// The standalone mock server as a user starts it (`npx ascendex-mock ...`), for the blocks that
// run: its bin in a child process on a free port, the URLs read from what it prints, and the
// environment the README's apps read (ASCENDEX_BASE_URL, ASCENDEX_WS_URL, ASCENDEX_API_KEY,
// ASCENDEX_SECRET).
import { spawn } from 'node:child_process';

/** The mock account the runnable blocks sign with (the README's `--api-key` / `--secret`). */
export const mockAccount = { apiKey: 'my-key', secret: 'my-secret', accountGroup: 6 };

/**
 * @typedef {{ restUrl: string, wsOrigin: string, env: Record<string, string>, output: () => string, stop: () => Promise<void> }} RunningMockServer
 */

/**
 * Starts `ascendex-mock` and waits for its URLs.
 * @param {string} bin the path of the `ascendex-mock` bin (a JavaScript file)
 * @param {{ node?: string, timeoutMs?: number }} [options] the Node binary (default this one)
 * @returns {Promise<RunningMockServer>}
 */
export function startMockServerProcess(bin, options = {}) {
  const args = [
    bin,
    '--port',
    '0',
    '--api-key',
    mockAccount.apiKey,
    '--secret',
    mockAccount.secret,
    '--account-group',
    String(mockAccount.accountGroup),
    // A market step every 100 ms rather than every second: an app waiting for a book update
    // finishes sooner.
    '--market-interval',
    '100',
  ];
  const child = spawn(options.node ?? process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let seen = '';
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.stdout.on('data', (chunk) => (seen += chunk));
  child.stderr.on('data', (chunk) => (seen += chunk));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`ascendex-mock printed no URL within ${options.timeoutMs ?? 30_000} ms: ${seen}`));
    }, options.timeoutMs ?? 30_000);
    const onData = () => {
      const match = /^REST base URL: (\S+)$/m.exec(seen);
      if (!match) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      const restUrl = /** @type {string} */ (match[1]);
      const wsOrigin = restUrl.replace(/^http/, 'ws');
      resolve({
        restUrl,
        wsOrigin,
        env: {
          ASCENDEX_BASE_URL: restUrl,
          ASCENDEX_WS_URL: wsOrigin,
          ASCENDEX_API_KEY: mockAccount.apiKey,
          ASCENDEX_SECRET: mockAccount.secret,
        },
        output: () => seen,
        stop,
      });
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`ascendex-mock exited with ${code}: ${seen}`));
    });
  });
}
