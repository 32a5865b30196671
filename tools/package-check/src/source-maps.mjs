// Source maps in a packed tarball: every `sourceMappingURL` of a shipped file names a map that
// ships too, and every source a map names is either in the tarball or inlined in the map
// (`sourcesContent`). A map pointing to ../src/*.ts, which the tarballs do not ship, sends a
// debugger or an editor nowhere.
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runOrThrow } from './run.mjs';

/** @param {string} dir @returns {string[]} every file under `dir`, relative to it */
function filesUnder(dir) {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(path.join(dir, f)).isFile());
}

const MAPPING_URL = /\/\/[#@] sourceMappingURL=(\S+)\s*$/;

/**
 * @param {string} dir an unpacked package
 * @returns {{ maps: number, sources: number, problems: string[] }} the maps and sources checked,
 *   and what is wrong (none when every map and source ships)
 */
export function sourceMapProblems(dir) {
  const files = filesUnder(dir);
  const shipped = new Set(files.map((f) => path.normalize(f)));
  const problems = [];
  let sources = 0;
  for (const file of files.filter((f) => /\.(m|c)?(js|ts)$/.test(f))) {
    const lines = readFileSync(path.join(dir, file), 'utf8').trimEnd().split('\n');
    const url = MAPPING_URL.exec(lines.at(-1) ?? '')?.[1];
    if (!url || url.startsWith('data:')) continue;
    const target = path.normalize(path.join(path.dirname(file), url));
    if (!shipped.has(target)) problems.push(`${file}: its source map ${url} is not in the package`);
  }
  const maps = files.filter((f) => f.endsWith('.map'));
  for (const file of maps) {
    /** @type {{ sources?: string[], sourcesContent?: (string | null)[], sourceRoot?: string }} */
    const map = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
    (map.sources ?? []).forEach((source, i) => {
      sources++;
      if (typeof map.sourcesContent?.[i] === 'string') return;
      const target = path.normalize(path.join(path.dirname(file), map.sourceRoot ?? '', source));
      if (!shipped.has(target))
        problems.push(
          `${file}: source ${source} is neither in the package nor inlined (a stale map from an earlier build? rm -rf dist and build again)`,
        );
    });
  }
  return { maps: maps.length, sources, problems };
}

/**
 * Unpacks a tarball into a temporary folder and checks its source maps.
 * @param {string} tarball
 */
export async function tarballSourceMapProblems(tarball) {
  const dir = mkdtempSync(path.join(tmpdir(), 'ascendex-unpacked-'));
  try {
    await runOrThrow('tar', ['-xzf', tarball, '-C', dir]);
    return sourceMapProblems(path.join(dir, 'package'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
