// Naming and doc-comment helpers. Dependency-free on purpose: the AsyncAPI template (transpiled to
// CommonJS by the AsyncAPI generator) loads this module alone through the `./naming` subpath, without
// pulling prettier, ajv and the YAML parser into the generator's process.

/**
 * `getDepth` → `GetDepth`, `depth-realtime` → `DepthRealtime`: the type-name form of an id.
 * @param {string} id
 * @returns {string}
 */
export const pascal = (id) => id.replace(/(^|[-_:\s])(\w)/g, (_m, _sep, c) => c.toUpperCase());

/**
 * `depthRealtime` → `depth-realtime`: the file-name form of an id.
 * @param {string} id
 * @returns {string}
 */
export const kebab = (id) =>
  id
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[_:\s]+/g, '-')
    .toLowerCase();

/**
 * The last segment of a `$ref`: `#/components/schemas/Depth` → `Depth`.
 * @param {string} ref
 * @returns {string}
 */
export const refName = (ref) => /** @type {string} */ (ref.split('/').pop());

/**
 * A JSDoc block, or nothing when there is no text. Empty arguments are skipped, so optional lines
 * can be passed as `cond ? text : ''`.
 * @param {...(string | undefined | null | false)} lines
 * @returns {string}
 */
export function jsdoc(...lines) {
  const text = lines.filter(Boolean).join('\n').trim();
  if (!text) return '';
  return `/**\n${text
    .split('\n')
    .map((l) => ` * ${l.replace(/\*\//g, '*\\/')}`.trimEnd())
    .join('\n')}\n */\n`;
}
