// RFC 6901 JSON pointers, for $refs and for error paths.
export function decodePointer(pointer) {
  if (pointer === '' || pointer === '/') return pointer === '' ? [] : [''];
  if (!pointer.startsWith('/')) throw new Error(`not a JSON pointer: ${pointer}`);
  return pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function encodePointer(segments) {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

export function getAtPointer(doc, pointer) {
  let node = doc;
  for (const seg of decodePointer(pointer)) {
    if (node === null || typeof node !== 'object' || !(seg in node)) {
      throw new Error(`JSON pointer ${pointer} does not resolve (stopped at "${seg}")`);
    }
    node = node[seg];
  }
  return node;
}
