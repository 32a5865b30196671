// The WebSocket client's tables (packages/client/src/generated/ws/): channels and their topics,
// request actions with their replies and correlation, and the kind of every server message,
// rendered from the AsyncAPI document by the repo's AsyncAPI template (`render: client-tables`,
// tools/asyncapi-template/components/ws-client-tables.js).
import { banner, formatCode } from '@ascendex-toolkit/codegen-core';
import { renderAsyncapiTemplate } from '@ascendex-toolkit/gen-types/render-asyncapi-template';
/** @import { SpecModel } from '@ascendex-toolkit/codegen-core' */

const GENERATOR = 'tools/gen-client';
const SOURCE = 'spec/asyncapi.yaml';

/**
 * @param {SpecModel} model
 * @param {string} outDir
 * @returns {Promise<Map<string, string>>} repo-relative path -> content
 */
export async function wsTableFiles(model, outDir) {
  const files = new Map();
  const rendered = await renderAsyncapiTemplate(model, { render: 'client-tables' }, 'channels.gen.ts');
  for (const [name, code] of rendered) {
    files.set(`${outDir}/ws/${name}`, await formatCode(banner(GENERATOR, [SOURCE]) + '\n' + code));
  }
  return files;
}
