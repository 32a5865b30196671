// The two sides of a diff: the spec at a git ref, and the spec in the working tree, each bundled by
// codegen-core exactly as the generators bundle it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bundle, repoRoot, specDir } from '@ascendex-toolkit/codegen-core';

/** @typedef {{ openapi: Record<string, any>, asyncapi: Record<string, any> }} SpecPair the bundled OpenAPI and AsyncAPI documents */

/**
 * Bigints (examples above 2^53) become their digits: the diff libraries walk plain JSON values, and
 * digits compare exactly.
 * @param {unknown} doc
 * @returns {Record<string, any>}
 */
function plainJson(doc) {
  return JSON.parse(JSON.stringify(doc, (_key, value) => (typeof value === 'bigint' ? value.toString() : value)));
}

/**
 * @param {string} dir a folder holding openapi.yaml and asyncapi.yaml with their referenced files
 * @returns {SpecPair}
 */
export function bundleSpecDir(dir) {
  return {
    openapi: plainJson(bundle(path.join(dir, 'openapi.yaml'))),
    asyncapi: plainJson(bundle(path.join(dir, 'asyncapi.yaml'))),
  };
}

/** @returns {SpecPair} the working tree's spec */
export function bundleWorkingTree() {
  return bundleSpecDir(specDir);
}

/**
 * Extracts spec/ as it is at `ref` (git archive) into a temporary folder and bundles it there.
 * @param {string} ref any git revision (`HEAD`, `main`, a tag, a commit)
 * @param {string} [cwd] the repository (default: this one)
 * @returns {SpecPair}
 */
export function bundleAtRef(ref, cwd = repoRoot) {
  const tmp = mkdtempSync(path.join(tmpdir(), 'spec-diff-'));
  try {
    // `ref:spec` names the tree, so the archive holds spec/'s contents at the top level.
    const archive = execFileSync('git', ['archive', '--format=tar', `${ref}:spec`], {
      cwd,
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    execFileSync('tar', ['-x', '-C', tmp], { input: archive });
    return bundleSpecDir(tmp);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
