// Builds the rendered reference as static HTML: the REST API with Redocly's build-docs, the WebSocket
// API with the AsyncAPI HTML template (run by the AsyncAPI generator) and the packages' API
// reference with TypeDoc (entry points: each package's `exports`, see typedoc.json). The two
// external CLIs run as child processes while the AsyncAPI generator renders in this process, so the
// three parts overlap.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Generator from '@asyncapi/generator';

const require = createRequire(import.meta.url);
const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (/** @type {string} */ name) => path.join(packageDir, 'node_modules/.bin', name);

/** The bundled, self-contained documents of @ascendex-toolkit/spec. */
export const openapiFile = require.resolve('@ascendex-toolkit/spec/openapi.json');
export const asyncapiFile = require.resolve('@ascendex-toolkit/spec/asyncapi.json');

/** Where each part lands, relative to the output folder. */
export const pages = { rest: 'rest/index.html', ws: 'ws/index.html', api: 'api/index.html' };

/**
 * Runs a command, failing with its output when it exits non-zero.
 * @param {string} command
 * @param {string[]} args
 * @returns {Promise<void>}
 */
function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: packageDir, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(command)} exited with ${code}:\n${output}`)),
    );
  });
}

/**
 * The REST reference: one HTML file with Redoc's scripts inlined, so it works offline.
 * @param {string} outDir
 */
function buildRest(outDir) {
  const file = path.join(outDir, pages.rest);
  mkdirSync(path.dirname(file), { recursive: true });
  return run(bin('redocly'), ['build-docs', openapiFile, '--inlineBundle', '--lint-config', 'off', '--output', file]);
}

/**
 * The WebSocket reference: the AsyncAPI HTML template, which prerenders channels, operations and
 * messages with their payload schemas.
 * @param {string} outDir
 */
async function buildWs(outDir) {
  const template = path.dirname(require.resolve('@asyncapi/html-template/package.json'));
  const generator = new Generator(template, path.join(outDir, path.dirname(pages.ws)), {
    forceWrite: true,
    templateParams: { singleFile: 'false', outFilename: path.basename(pages.ws) },
  });
  await generator.generateFromString(readFileSync(asyncapiFile, 'utf8'));
}

/**
 * The packages' API reference.
 * @param {string} outDir
 */
function buildApi(outDir) {
  return run(bin('typedoc'), ['--options', 'typedoc.json', '--out', path.join(outDir, path.dirname(pages.api))]);
}

/**
 * A landing page linking the three parts.
 * @param {string} outDir
 */
function writeIndex(outDir) {
  const links = [
    [pages.rest, 'REST API', 'every endpoint, its parameters, responses and errors (OpenAPI 3.1)'],
    [pages.ws, 'WebSocket API', 'channels, operations and messages with their payloads (AsyncAPI 3)'],
    [pages.api, 'Packages', 'the TypeScript API of each @ascendex-toolkit package (TypeDoc)'],
  ];
  const items = links.map(([href, title, what]) => `<li><a href="${href}">${title}</a>: ${what}</li>`).join('\n');
  writeFileSync(
    path.join(outDir, 'index.html'),
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>AscendEX toolkit reference</title></head>\n` +
      `<body><h1>AscendEX toolkit reference</h1>\n<ul>\n${items}\n</ul></body></html>\n`,
  );
}

/**
 * Builds the whole reference into `outDir`, replacing what was there.
 * @param {string} outDir
 * @returns {Promise<void>}
 */
export async function buildDocs(outDir) {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  await Promise.all([buildRest(outDir), buildApi(outDir), buildWs(outDir)]);
  writeIndex(outDir);
}
