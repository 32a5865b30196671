/// <reference path="./asyncapi-generator.d.ts" />
// Renders the local AsyncAPI template (tools/asyncapi-template) with the AsyncAPI generator (2.x),
// driven through the generator's library API: `renderAsyncapiTemplate`, exported alone as
// `@ascendex-toolkit/gen-types/render-asyncapi-template`. gen-types renders the WebSocket structure
// types with it (ws-types.mjs); gen-client renders the client's WebSocket tables (template
// parameter `render`).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Generator from '@asyncapi/generator';
import { repoRoot, jsonText } from '@ascendex-toolkit/codegen-core';

const templateDir = path.join(repoRoot, 'tools/asyncapi-template');

/**
 * Runs the template over a bundled AsyncAPI document and returns the `.gen.ts` files it wrote.
 * @param {object} asyncapi the bundled AsyncAPI document
 * @param {Record<string, string>} templateParams the template's parameters (see its package.json)
 * @param {string} expected a file the rendering must produce
 * @returns {Promise<Map<string, string>>} file name (relative to the output folder) -> source
 */
export async function renderAsyncapiTemplate(asyncapi, templateParams, expected) {
  const out = mkdtempSync(path.join(tmpdir(), 'asyncapi-gen-'));
  try {
    const generator = new Generator(templateDir, out, { forceWrite: true, templateParams });
    await generator.generateFromString(jsonText(asyncapi));
    const files = new Map();
    for (const name of readdirSync(out).sort()) {
      if (name.endsWith('.gen.ts')) files.set(name, readFileSync(path.join(out, name), 'utf8'));
    }
    if (!files.has(expected)) throw new Error(`the AsyncAPI template produced no ${expected}`);
    return files;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
