// The WebSocket structure types of packages/types (ws/*.gen.ts), rendered by the repo's AsyncAPI
// template (`render: types`, tools/asyncapi-template/components/ws-structure.js).
import { renderAsyncapiTemplate } from './render-asyncapi-template.mjs';
/** @import { SpecModel } from '@ascendex-toolkit/codegen-core' */

/**
 * @param {SpecModel} model
 * @returns {Promise<Map<string, string>>} file name (relative to generated/ws) -> source
 */
export function renderWsStructure(model) {
  return renderAsyncapiTemplate(model, { render: 'types', schemasModule: '../schemas.gen.js' }, 'index.gen.ts');
}
