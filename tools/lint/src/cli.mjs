#!/usr/bin/env node
// `lint-workspace`: ESLint over the workspace it runs in (every workspace's `lint` script), with the
// repository's config (the root eslint.config.mjs, found above the workspace). Prints the problems
// and one line with the file count and the time taken; exits 1 when there is any problem.
// No ESLint cache: the type-aware rules read other files' types, which a per-file cache would not
// notice changing; turbo caches the whole task instead, keyed by the workspace's files and the
// builds it depends on (turbo.json).
import { ESLint } from 'eslint';

const started = performance.now();
const eslint = new ESLint({ cwd: process.cwd(), errorOnUnmatchedPattern: false });
const results = await eslint.lintFiles(['.']);
const formatter = await eslint.loadFormatter('stylish');
const output = await formatter.format(results);
if (output) console.log(output);
const problems = results.reduce((n, r) => n + r.errorCount + r.warningCount, 0);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`eslint: ${results.length} files, ${problems} problems, ${seconds} s`);
process.exitCode = problems > 0 ? 1 : 0;
