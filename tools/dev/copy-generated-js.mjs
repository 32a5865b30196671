#!/usr/bin/env node
// Build step (`copy-generated-js <from> <to>`, the validators build): tsc compiles the hand-written
// and generated TypeScript; the generated ajv standalone modules are plain JavaScript with
// hand-made declarations, so they are copied as they are.
import { cpSync, readdirSync } from 'node:fs';
import path from 'node:path';

const [from, to] = process.argv.slice(2).map((p) => path.resolve(p));
if (!from || !to) throw new Error('usage: copy-generated-js.mjs <from> <to>');
for (const entry of readdirSync(from, { withFileTypes: true, recursive: true })) {
  if (!entry.isFile() || !/\.validate\.gen\.(js|d\.ts)$/.test(entry.name)) continue;
  const source = path.join(entry.parentPath, entry.name);
  cpSync(source, path.join(to, path.relative(from, source)));
}
