// The error catalog is complete and consistent: every code of the docs' error appendix and every
// code quoted elsewhere in the docs is present, with its group derived from the code.
import { describe, it, expect } from 'vitest';
import path from 'node:path';
import { readYaml, specDir } from '@ascendex-toolkit/codegen-core';
import { docsFiles, docsFile, itWithDocs } from './docs.mjs';

const { groups, codes } = readYaml(path.join(specDir, 'components/errors.yaml'));
/** Codes whose number does not encode their group; each has an entry in discrepancies/shared.yaml. */
const GROUP_EXCEPTIONS = new Map([[510001, 'errors-server-error-group']]);
const sharedLog = readYaml(path.join(specDir, 'discrepancies/shared.yaml'));

describe('error catalog', () => {
  it('has well-formed groups and codes', () => {
    const groupIds = new Map(groups.map((g) => [g.name, g.id]));
    for (const g of groups) expect(Object.keys(g).sort()).toEqual(['description', 'id', 'name']);
    for (const c of codes) {
      expect(Object.keys(c).sort()).toEqual(['code', 'description', 'group', 'reason']);
      if (GROUP_EXCEPTIONS.has(c.code)) {
        expect(sharedLog.some((e) => e.id === GROUP_EXCEPTIONS.get(c.code))).toBe(true);
      } else {
        expect(Math.floor(c.code / 10000), `${c.code}`).toBe(groupIds.get(c.group));
      }
      expect(c.reason === null || /^[A-Z_]+$/.test(c.reason), `${c.code} reason`).toBe(true);
      expect(c.description).toMatch(/^[A-Z].*\.$/);
    }
    expect(new Set(codes.map((c) => c.code)).size).toBe(codes.length);
  });

  // The appendix lists code and reason; codes quoted elsewhere in the docs may have no reason.
  const listed = [...docsFile('_ap_enum_error_code.md').matchAll(/^\s*(\d{6})\s*\|\s*([A-Z_]+)/gm)].map((m) => [
    Number(m[1]),
    m[2],
  ]);
  const elsewhere = new Set(
    docsFiles().flatMap((f) =>
      [...f.text.matchAll(/(?:"code"|"violationCode"|code)\W{1,4}(\d{6})\b/g)].map((m) => Number(m[1])),
    ),
  );

  itWithDocs('is the appendix: exactly the codes that have a reason, each with the reason the appendix gives', () => {
    expect(listed.map(([code]) => code).sort()).toEqual(
      codes
        .filter((c) => c.reason !== null)
        .map((c) => c.code)
        .sort(),
    );
    for (const [code, reason] of listed) expect(codes.find((c) => c.code === code)?.reason, `${code}`).toBe(reason);
  });

  itWithDocs('has every code the docs quote elsewhere, and each code without a reason is one of them', () => {
    expect([...elsewhere].filter((code) => !codes.some((c) => c.code === code))).toEqual([]);
    expect(codes.filter((c) => c.reason === null && !elsewhere.has(c.code)).map((c) => c.code)).toEqual([]);
  });
});
