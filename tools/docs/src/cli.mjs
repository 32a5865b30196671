#!/usr/bin/env node
// `pnpm run docs`: builds the rendered reference into docs-site/ at the repository root (git-ignored),
// or into the folder given as the first argument.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDocs } from './build.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const outDir = path.resolve(process.argv[2] ?? path.join(repoRoot, 'docs-site'));
const started = performance.now();
await buildDocs(outDir);
console.log(
  `docs: ${path.relative(process.cwd(), outDir) || '.'}/index.html (${((performance.now() - started) / 1000).toFixed(1)} s)`,
);
