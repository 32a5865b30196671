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
/** @import { SpecModel } from '@ascendex-toolkit/codegen-core' */

const templateDir = path.join(repoRoot, 'tools/asyncapi-template');

/**
 * Runs the template over the model's bundled AsyncAPI document and returns the `.gen.ts` files it
 * wrote. The tables of the model the template needs besides the document's structure go in as the
 * `specTables` parameter (template parameters are strings, so as JSON).
 * @param {SpecModel} model
 * @param {Record<string, string>} templateParams the template's other parameters (see its package.json)
 * @param {string} expected a file the rendering must produce
 * @returns {Promise<Map<string, string>>} file name (relative to the output folder) -> source
 */
export async function renderAsyncapiTemplate(model, templateParams, expected) {
  const out = mkdtempSync(path.join(tmpdir(), 'asyncapi-gen-'));
  const specTables = JSON.stringify({ serverMessages: model.ws.serverMessages });
  try {
    const generator = new Generator(templateDir, out, {
      forceWrite: true,
      templateParams: { ...templateParams, specTables },
    });
    await generator.generateFromString(jsonText(model.asyncapi));
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
