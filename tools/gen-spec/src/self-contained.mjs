// A published document must stand alone: a consumer's tool resolves every `$ref` inside the file
// it was given. The bundler already rewrites file refs; this proves it, so that a spec change that
// slips an external ref through fails generation instead of shipping a broken document.
import { getAtPointer } from '@ascendex-toolkit/codegen-core';

/**
 * Every `$ref` in `doc`, with the JSON path where it occurs.
 * @param {unknown} doc
 * @returns {{ at: string, ref: string }[]}
 */
export function collectRefs(doc) {
  /** @type {{ at: string, ref: string }[]} */
  const refs = [];
  /** @param {unknown} node @param {string} at */
  const visit = (node, at) => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => visit(item, `${at}/${i}`));
    } else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string') refs.push({ at, ref: value });
        visit(value, `${at}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
      }
    }
  };
  visit(doc, '');
  return refs;
}

/**
 * The refs of `doc` that point outside it (do not start with `#`) or at nothing inside it.
 * @param {unknown} doc
 * @returns {{ at: string, ref: string, problem: 'external' | 'unresolved' }[]}
 */
export function badRefs(doc) {
  /** @type {{ at: string, ref: string, problem: 'external' | 'unresolved' }[]} */
  const bad = [];
  for (const { at, ref } of collectRefs(doc)) {
    if (!ref.startsWith('#')) {
      bad.push({ at, ref, problem: 'external' });
      continue;
    }
    try {
      getAtPointer(doc, decodeURIComponent(ref.slice(1)));
    } catch {
      bad.push({ at, ref, problem: 'unresolved' });
    }
  }
  return bad;
}

/**
 * Throws unless every `$ref` of `doc` starts with `#` and resolves inside `doc`.
 * @param {unknown} doc
 * @param {string} name the document's name, for the message
 */
export function assertSelfContained(doc, name) {
  const bad = badRefs(doc);
  if (bad.length) {
    const list = bad.map((b) => `  ${b.problem} $ref ${JSON.stringify(b.ref)} at ${b.at || '/'}`).join('\n');
    throw new Error(`${name} is not self-contained (every $ref must start with # and resolve inside it):\n${list}`);
  }
}
