// The discrepancy log is well-formed: each entry names a docs file that exists (when the docs are
// at hand), says what each source says, what the spec does and why, and points at spec locations
// that exist, so an entry cannot silently go stale.
import { describe, it, expect } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { specDir, apiDocsDir, readYaml, getAtPointer } from '@ascendex-toolkit/codegen-core';
import { itWithDocs } from './docs.mjs';

const logDir = path.join(specDir, 'discrepancies');
const logFiles = readdirSync(logDir).filter((f) => f.endsWith('.yaml'));
const entries = logFiles.flatMap((f) => readYaml(path.join(logDir, f)).map((e) => ({ file: f, ...e })));

describe('discrepancy log', () => {
  it('has entries with unique ids: one per `- id:` line of the files', () => {
    const idLines = logFiles.flatMap((f) => readFileSync(path.join(logDir, f), 'utf8').match(/^- id:/gm) ?? []);
    expect(entries).toHaveLength(idLines.length);
    const ids = entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(entries.map((e) => [e.id, e]))('%s is complete', (_id, e) => {
    expect(e.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(typeof e.docs).toBe('string');
    expect(Object.keys(e.sources ?? {}).length).toBeGreaterThanOrEqual(1);
    for (const text of Object.values(e.sources)) expect(String(text).length).toBeGreaterThan(0);
    expect(String(e.decision ?? '').length).toBeGreaterThan(10);
    expect(String(e.why ?? '').length).toBeGreaterThan(10);
    expect(Array.isArray(e.spec) && e.spec.length > 0).toBe(true);
    for (const ref of e.spec) {
      const [file, pointer = ''] = ref.split('#');
      const abs = path.join(specDir, file);
      expect(existsSync(abs), `${ref}: no such spec file`).toBe(true);
      if (pointer) expect(() => getAtPointer(readYaml(abs), pointer), `${ref}: pointer does not resolve`).not.toThrow();
    }
  });

  itWithDocs('names docs files that exist', () => {
    for (const e of entries) expect(existsSync(path.join(apiDocsDir, e.docs)), `${e.id}: ${e.docs}`).toBe(true);
  });
});
