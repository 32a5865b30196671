import { describe, expect, it } from 'vitest';
import { GENERATED_PACKAGES, proposeBump, proposeChangeset } from '../src/bump.mjs';

/**
 * @param {Array<'breaking' | 'non-breaking' | 'annotation'>} types
 * @returns {import('../src/classify.mjs').SpecChanges}
 */
const changes = (...types) => ({
  openapi: types.map((type, i) => ({ type, action: 'add', pointer: `/paths/~1x${i}`, description: `${type} ${i}` })),
  asyncapi: [],
});

describe('proposeBump', () => {
  it('1.x and later: breaking -> major, additions -> minor, annotations -> patch', () => {
    expect(proposeBump(changes('annotation', 'non-breaking', 'breaking'), '1.2.3')).toBe('major');
    expect(proposeBump(changes('annotation', 'non-breaking'), '1.2.3')).toBe('minor');
    expect(proposeBump(changes('annotation'), '1.2.3')).toBe('patch');
  });
  it('0.x: breaking -> minor, additions -> patch, annotations -> patch (caret ranges on 0.x pin the minor)', () => {
    expect(proposeBump(changes('breaking'), '0.1.0')).toBe('minor');
    expect(proposeBump(changes('non-breaking'), '0.1.0')).toBe('patch');
    expect(proposeBump(changes('annotation'), '0.1.0')).toBe('patch');
  });
  it('no change: no bump', () => {
    expect(proposeBump(changes(), '1.0.0')).toBeUndefined();
  });
});

describe('proposeChangeset', () => {
  const versions = Object.fromEntries(GENERATED_PACKAGES.map((name) => [name, '1.0.0']));
  it('bumps every package generated from the spec and lists the changes by type', () => {
    const changeset = proposeChangeset(changes('non-breaking', 'breaking'), versions, 'v1.0.0');
    expect(changeset?.releases).toEqual(GENERATED_PACKAGES.map((name) => ({ name, type: 'major' })));
    expect(changeset?.summary).toContain('Spec changes since v1.0.0');
    expect(changeset?.summary.indexOf('breaking:')).toBeLessThan(changeset?.summary.indexOf('non-breaking:') ?? 0);
    expect(changeset?.summary).toContain('- breaking 1 (`/paths/~1x1`)');
  });
  it('uses each package’s own version', () => {
    const mixed = { ...versions, '@ascendex-toolkit/mocks': '0.3.0' };
    const releases = proposeChangeset(changes('breaking'), mixed, 'HEAD')?.releases ?? [];
    expect(releases.find((r) => r.name === '@ascendex-toolkit/mocks')?.type).toBe('minor');
    expect(releases.find((r) => r.name === '@ascendex-toolkit/types')?.type).toBe('major');
  });
  it('proposes nothing when the spec did not change', () => {
    expect(proposeChangeset(changes(), versions, 'HEAD')).toBeUndefined();
  });
});
