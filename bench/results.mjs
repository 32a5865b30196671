// bench/results.json holds one section per benchmark script, each written by its script (so that
// running one script alone keeps the others' last figures), beside the machine it ran on.
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';

const FILE = new URL('./results.json', import.meta.url);

/** Writes `data` as the `section` of bench/results.json, keeping the other sections. */
export function recordResults(section, data) {
  let all = {};
  try {
    all = JSON.parse(readFileSync(FILE, 'utf8'));
  } catch {
    // No file yet, or one from before the sections: start over.
  }
  if (typeof all !== 'object' || all === null || !('sections' in all)) all = { sections: {} };
  all.command = 'pnpm bench';
  all.machine = { node: process.version, cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length };
  all.sections[section] = { measuredAt: new Date().toISOString(), ...data };
  writeFileSync(FILE, `${JSON.stringify(all, null, 2)}\n`);
  console.log(`  written to bench/results.json (${section})`);
}

/** a / b to two decimals. */
export const ratio = (a, b) => Math.round((a / b) * 100) / 100;

/** The median of a list of numbers. */
export const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
