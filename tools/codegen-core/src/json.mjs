// JSON text of spec values. The spec holds integers above 2^53 as bigint (yaml.mjs), which
// JSON.stringify refuses; lossless-json writes them as their exact digits.
import { stringify } from 'lossless-json';

/**
 * JSON text of a value in which bigints are written as exact integer literals.
 * @param {unknown} value
 * @returns {string}
 */
export function jsonText(value) {
  const text = stringify(value);
  if (text === undefined) throw new Error('the value has no JSON text');
  return text;
}
