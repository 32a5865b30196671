// Node-only helpers: where the raw files are on disk, for tools that take a path (redocly,
// `@asyncapi/parser`'s `fromFile`, ajv set-ups that read files).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { specFileNames, type SpecFileName } from './files.js';

// From dist/node.js (published) and from src/node.ts alike, `../src/generated/` is the raw files' folder.
const generatedDir = new URL('../src/generated/', import.meta.url);

/** The absolute path of each raw file. */
export const specFilePaths: Readonly<Record<SpecFileName, string>> = Object.freeze(
  Object.fromEntries(specFileNames.map((name) => [name, fileURLToPath(new URL(name, generatedDir))])) as Record<
    SpecFileName,
    string
  >,
);

/**
 * The text of a raw file. Parse JSON with a lossless parser (integers above 2^53 occur in examples);
 * the typed data of the main entry point already holds them as bigint.
 */
export function readSpecFile(name: SpecFileName): string {
  return readFileSync(specFilePaths[name], 'utf8');
}

export { specFileNames, type SpecFileName };
