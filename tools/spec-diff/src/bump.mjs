// The version bump a spec change calls for, and the changeset that records it.
/** @import { SpecChanges } from './classify.mjs' */

/**
 * Every publishable package generated from the spec: a spec change affects all of them.
 * (The private tools and spec/ itself, @ascendex-toolkit/spec-source, are not published.)
 */
export const GENERATED_PACKAGES = /** @type {const} */ ([
  '@ascendex-toolkit/types',
  '@ascendex-toolkit/validators',
  '@ascendex-toolkit/spec',
  '@ascendex-toolkit/mocks',
  '@ascendex-toolkit/client',
]);

/** @typedef {'major' | 'minor' | 'patch'} Bump */

/**
 * Breaking -> major (minor while the package is 0.x, where semver lets minor break and changesets
 * would otherwise jump to 1.0.0), additions -> minor, annotations only -> patch, nothing -> none.
 * @param {SpecChanges} changes
 * @param {string} currentVersion the package's version
 * @returns {Bump | undefined}
 */
export function proposeBump(changes, currentVersion) {
  const all = [...changes.openapi, ...changes.asyncapi];
  if (all.length === 0) return undefined;
  const prerelease = currentVersion.startsWith('0.');
  if (all.some((c) => c.type === 'breaking')) return prerelease ? 'minor' : 'major';
  if (all.some((c) => c.type === 'non-breaking')) return prerelease ? 'patch' : 'minor';
  return 'patch';
}

/**
 * @param {SpecChanges} changes
 * @param {Record<string, string>} versions package name -> current version
 * @param {string} ref
 * @returns {{ summary: string, releases: Array<{ name: string, type: Bump }> } | undefined} a changeset, or nothing when the spec did not change
 */
export function proposeChangeset(changes, versions, ref) {
  const releases = GENERATED_PACKAGES.flatMap((name) => {
    const type = proposeBump(changes, versions[name] ?? '0.0.0');
    return type ? [{ name, type }] : [];
  });
  if (releases.length === 0) return undefined;
  const all = [...changes.openapi, ...changes.asyncapi];
  const lines = [`Spec changes since ${ref}:`];
  for (const type of /** @type {const} */ (['breaking', 'non-breaking', 'annotation'])) {
    const ofType = all.filter((c) => c.type === type);
    if (ofType.length) lines.push('', `${type}:`, ...ofType.map((c) => `- ${c.description} (\`${c.pointer}\`)`));
  }
  return { summary: lines.join('\n'), releases };
}
