// The whole test suite: the formatting check of hand-written files, every package's lint, typecheck
// and tests through turbo, then one closing line that totals the vitest results of all packages
// ("tests: N passed, N failed, N skipped"); a failed check counts as one failure there.
import { spawnSync } from 'node:child_process';
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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
let passed = 0,
  failed = 0,
  skipped = 0;
for (const ws of workspaces) {
  const file = path.join(root, ws, '.vitest-results.json');
  if (!existsSync(file)) continue;
  const r = JSON.parse(readFileSync(file, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + r.numTodoTests;
  console.log(
    `  ${ws}: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`,
  );
}
const status = turbo.status ?? 1;
const formatFailed = format.status !== 0;
const failures = failed + (status !== 0 && failed === 0 ? 1 : 0) + (formatFailed ? 1 : 0);
console.log(`tests: ${passed} passed, ${failures} failed, ${skipped} skipped`);
process.exit(status !== 0 ? status : failures > 0 ? 1 : 0);
