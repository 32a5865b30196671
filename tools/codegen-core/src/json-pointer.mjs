// RFC 6901 JSON pointers, for $refs and for error paths.

/**
 * @param {string} pointer e.g. `/components/schemas/Depth`
 * @returns {string[]} the unescaped segments
 */
export function decodePointer(pointer) {
  if (pointer === '' || pointer === '/') return pointer === '' ? [] : [''];
  if (!pointer.startsWith('/')) throw new Error(`not a JSON pointer: ${pointer}`);
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * @param {(string | number)[]} segments
 * @returns {string}
 */
export function encodePointer(segments) {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/**
 * The value at `pointer` in `doc`; throws when the pointer does not resolve.
 * @param {unknown} doc
 * @param {string} pointer
 * @returns {any} whatever the document holds there (the caller knows what it expects)
 */
export function getAtPointer(doc, pointer) {
  let node = doc;
  for (const seg of decodePointer(pointer)) {
    if (node === null || typeof node !== 'object' || !(seg in node)) {
      throw new Error(`JSON pointer ${pointer} does not resolve (stopped at "${seg}")`);
    }
    node = /** @type {Record<string, unknown>} */ (node)[seg];
  }
  return node;
}
