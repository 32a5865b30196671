// The readable report and the acknowledgement of breaking changes.
import { readFileSync } from 'node:fs';
import { parseYamlLossless } from '@ascendex-toolkit/codegen-core';
/** @import { Change, ChangeType, SpecChanges } from './classify.mjs' */

/** @typedef {{ document: 'openapi' | 'asyncapi', pointer: string, reason: string }} Acknowledgement */

const ORDER = /** @type {const} */ (['breaking', 'non-breaking', 'annotation']);

/**
 * Reads an acknowledgement file: a YAML list of `{ document, pointer, reason }`, one per breaking
 * change that is intended (the reason goes into review and the changelog).
 * @param {string} file
 * @returns {Acknowledgement[]}
 */
export function readAcknowledgements(file) {
  const list = parseYamlLossless(readFileSync(file, 'utf8'));
  if (!Array.isArray(list)) throw new Error(`${file}: expected a list of { document, pointer, reason }`);
  return list.map((entry, i) => {
    if (
      !entry ||
      !['openapi', 'asyncapi'].includes(entry.document) ||
      typeof entry.pointer !== 'string' ||
      !entry.reason
    ) {
      throw new Error(`${file}: entry ${i} needs document (openapi|asyncapi), pointer and reason`);
    }
    return /** @type {Acknowledgement} */ (entry);
  });
}

/**
 * @param {SpecChanges} changes
 * @param {Acknowledgement[]} acknowledged
 * @returns {Array<{ document: keyof SpecChanges, change: Change }>} the breaking changes nobody acknowledged
 */
export function unacknowledgedBreaking(changes, acknowledged) {
  const known = new Set(acknowledged.map((a) => `${a.document} ${a.pointer}`));
  return /** @type {Array<keyof SpecChanges>} */ (['openapi', 'asyncapi']).flatMap((document) =>
    changes[document]
      .filter((change) => change.type === 'breaking' && !known.has(`${document} ${change.pointer}`))
      .map((change) => ({ document, change })),
  );
}

/**
 * @param {SpecChanges} changes
 * @param {string} ref what the working tree was compared with
 * @returns {string} the report, grouped per document and type
 */
export function formatReport(changes, ref) {
  const lines = [`spec diff: ${ref} -> working tree`];
  for (const document of /** @type {Array<keyof SpecChanges>} */ (['openapi', 'asyncapi'])) {
    const list = changes[document];
    lines.push('', `${document}: ${list.length === 0 ? 'no changes' : counts(list)}`);
    for (const type of ORDER) {
      const ofType = list.filter((c) => c.type === type);
      if (ofType.length === 0) continue;
      lines.push(`  ${type}:`);
      for (const c of ofType) lines.push(`    ${c.pointer}`, `      ${c.description}`);
    }
  }
  return lines.join('\n');
}

/**
 * @param {Change[]} list
 * @returns {string}
 */
function counts(list) {
  return ORDER.map((type) => `${list.filter((c) => c.type === type).length} ${type}`).join(', ');
}
