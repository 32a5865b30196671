/// <reference path="./asyncapi-generator.d.ts" />
// WebSocket structure types, rendered by the AsyncAPI generator (2.x) with the local template in
// tools/asyncapi-template, driven through the generator's library API.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Generator from '@asyncapi/generator';
import { repoRoot, jsonText } from '@ascendex-toolkit/codegen-core';

const templateDir = path.join(repoRoot, 'tools/asyncapi-template');

/**
 * @param {object} asyncapi the bundled AsyncAPI document
 * @returns {Promise<Map<string, string>>} file name (relative to generated/ws) -> source
 */
export async function renderWsStructure(asyncapi) {
  const out = mkdtempSync(path.join(tmpdir(), 'asyncapi-gen-'));
  try {
    const generator = new Generator(templateDir, out, {
      forceWrite: true,
      templateParams: { schemasModule: '../schemas.gen.js' },
    });
    await generator.generateFromString(jsonText(asyncapi));
    const files = new Map();
    for (const name of readdirSync(out).sort()) {
      if (name.endsWith('.gen.ts')) files.set(name, readFileSync(path.join(out, name), 'utf8'));
    }
    if (!files.has('index.gen.ts')) throw new Error('the AsyncAPI template produced no index.gen.ts');
    return files;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
