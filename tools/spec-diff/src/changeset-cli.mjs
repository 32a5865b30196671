#!/usr/bin/env node
// pnpm spec:changeset <git-ref> [--dry-run]: classifies the spec change since <git-ref> and writes the
// changeset (.changeset/<name>.md) that bumps every package generated from the spec accordingly;
// --dry-run prints it instead.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import path from 'node:path';
import writeChangeset from '@changesets/write';
import { packagesDir, repoRoot } from '@ascendex-toolkit/codegen-core';
import { GENERATED_PACKAGES, proposeChangeset } from './bump.mjs';
import { diffSpecs } from './classify.mjs';
import { bundleAtRef, bundleWorkingTree } from './load.mjs';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { 'dry-run': { type: 'boolean' } } });
const ref = positionals[0];
if (!ref || positionals.length > 1) {
  console.error('usage: pnpm spec:changeset <git-ref> [--dry-run]');
  process.exit(2);
}
/** @type {Record<string, string>} */
const versions = Object.fromEntries(
  GENERATED_PACKAGES.map((name) => {
    const manifest = JSON.parse(readFileSync(path.join(packagesDir, name.split('/')[1] ?? '', 'package.json'), 'utf8'));
    return [name, manifest.version];
  }),
);
const changeset = proposeChangeset(diffSpecs(bundleAtRef(ref), bundleWorkingTree()), versions, ref);
if (!changeset) {
  console.log(`the spec did not change since ${ref}: no changeset`);
} else if (values['dry-run']) {
  console.log(changeset.releases.map((r) => `${r.name}: ${r.type}`).join('\n') + '\n\n' + changeset.summary);
} else {
  const id = await writeChangeset(changeset, repoRoot);
  console.log(`.changeset/${id}.md: ${changeset.releases.map((r) => `${r.name} ${r.type}`).join(', ')}`);
}
