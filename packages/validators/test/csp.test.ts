// The validators are precompiled: nothing compiles a schema or evaluates code at run time, so they
// work under a Content-Security-Policy without 'unsafe-eval'. Checked on the source that ships.
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src');
const specPaths = path.resolve(src, '../../../spec/paths');
const files = readdirSync(src, { recursive: true, withFileTypes: true })
  .filter((d) => d.isFile() && /\.(js|ts)$/.test(d.name) && !d.name.endsWith('.d.ts'))
  .map((d) => path.join(d.parentPath, d.name));

describe('CSP safety', () => {
  it('ships generated validators: a module per REST tag of the spec and one for the WebSocket messages', () => {
    // The spec holds each operation in spec/paths/<tag>/<operationId>.yaml.
    const tags = readdirSync(specPaths, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    expect(tags).not.toEqual([]);
    const modules = files.filter((f) => f.endsWith('.validate.gen.js')).map((f) => path.relative(src, f));
    expect(modules).toEqual(
      expect.arrayContaining([
        ...tags.map((t) => path.join('generated', 'rest', `${t}.validate.gen.js`)),
        path.join('generated', 'ws', 'messages.validate.gen.js'),
      ]),
    );
  });
  it.each(files.map((f) => [path.relative(src, f), f]))('%s neither evaluates code nor imports ajv', (_rel, file) => {
    const code = readFileSync(file, 'utf8');
    expect(code).not.toMatch(/new Function|\beval\(|require\(/);
    expect(code).not.toMatch(/from ['"]ajv/);
  });
});
