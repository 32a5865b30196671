// The error catalog and the discrepancy log, read from their spec files.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { readYaml, specDir } from '@ascendex-toolkit/codegen-core';

export const errorCatalogSource = 'spec/components/errors.yaml';
export const discrepanciesSource = 'spec/discrepancies/*.yaml';

/** @returns {unknown} `spec/components/errors.yaml` as it is */
export function errorCatalog() {
  return readYaml(path.join(specDir, 'components', 'errors.yaml'));
}

/**
 * Every entry of `spec/discrepancies/*.yaml`, files in name order, each tagged first with its
 * file's area (`rest.yaml` → `rest`).
 * @returns {{ areas: string[], entries: Record<string, unknown>[] }}
 */
export function discrepancyLog() {
  const dir = path.join(specDir, 'discrepancies');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  const areas = files.map((f) => path.basename(f, '.yaml'));
  const entries = files.flatMap((file, i) => {
    const log = readYaml(path.join(dir, file));
    if (!Array.isArray(log)) throw new Error(`spec/discrepancies/${file} must be a list of entries`);
    return log.map((entry) => ({ area: areas[i], ...entry }));
  });
  return { areas, entries };
}
