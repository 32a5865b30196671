// The whole test suite: the formatting check of hand-written files, every package's lint, typecheck
// and tests through turbo, then the summary of test-summary.mjs: a line per package, every skipped
// test by name, and the closing line that totals the vitest results of all packages
// ("tests: N passed, N failed, N skipped"); a failed check counts as one failure there.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readResults, summarize } from './test-summary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// Hand-written files are formatted with prettier (.prettierrc); .prettierignore lists what is not.
const format = spawnSync(path.join(root, 'node_modules/.bin/prettier'), ['--check', '--log-level', 'warn', '.'], {
  cwd: root,
  stdio: 'inherit',
});
if (format.status !== 0) console.log('format: the files above are not formatted; run `pnpm format`');

const turbo = spawnSync(
  path.join(root, 'node_modules/.bin/turbo'),
  ['run', 'lint', 'typecheck', 'test', '--continue', '--output-logs=errors-only', ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
  },
);

const workspaces = [
  'spec',
  ...['tools', 'packages'].flatMap((dir) => readdirSync(path.join(root, dir)).map((d) => path.join(dir, d))),
];
const status = turbo.status ?? 1;
const { failed, lines } = summarize(readResults(root, workspaces), {
  formatFailed: format.status !== 0,
  tasksFailed: status !== 0,
});
for (const line of lines) console.log(line);
process.exit(status !== 0 ? status : failed > 0 ? 1 : 0);
