// What a piece of code costs an app: the minified ESM bundle esbuild makes of it for a browser, and
// its gzipped size. Shared by the size scripts of the packages (packages/*/bench/size.mjs).
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** Gzipped size (level 9) of a text, in bytes. @param {string} text */
export const gzipSize = (text) => gzipSync(text, { level: 9 }).length;

/**
 * @param {string} contents the entry module's source
 * @param {{ resolveDir: string, loader?: 'js' | 'ts' }} options where its imports resolve from
 * @returns {Promise<{ text: string, bytes: number, gzipped: number, inputs: { file: string, bytes: number }[] }>}
 *   the bundle, its sizes, and its inputs by bytes in the bundle, biggest first (paths as esbuild reports them)
 */
export async function bundleSize(contents, { resolveDir, loader = 'js' }) {
  const result = await build({
    stdin: { contents, resolveDir, loader },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'error',
  });
  const text = /** @type {import('esbuild').OutputFile} */ (result.outputFiles[0]).text;
  const output = Object.values(result.metafile.outputs)[0];
  const inputs = Object.entries(output?.inputs ?? {})
    .map(([file, { bytesInOutput }]) => ({ file, bytes: bytesInOutput }))
    .filter((i) => i.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
  return { text, bytes: Buffer.byteLength(text), gzipped: gzipSize(text), inputs };
}
