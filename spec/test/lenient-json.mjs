// Reads the docs' "JSON" samples the way a person would: they carry comments, `...` lines,
// Python booleans, trailing or missing commas and sometimes several values in one block.
// Integers above 2^53 stay exact (bigint). Used only to compare the docs with the spec's examples.
import { parseYamlLossless } from '@ascendex-toolkit/codegen-core';

/** Drops `//` and `#` comments that are outside strings. */
function stripComments(text) {
  return text
    .split('\n')
    .map((line) => {
      let inString = false;
      for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (c === '"' && line[i - 1] !== '\\') inString = !inString;
        if (!inString && (c === '#' || (c === '/' && line[i + 1] === '/'))) return line.slice(0, i);
      }
      return line;
    })
    .join('\n');
}

/** Splits text into its top-level `{...}` / `[...]` values by bracket depth outside strings. */
function topLevelValues(text) {
  const values = [];
  let depth = 0,
    start = -1,
    inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"' && text[i - 1] !== '\\') inString = !inString;
    if (inString) continue;
    if (c === '{' || c === '[') {
      if (depth === 0) start = i;
      depth++;
    } else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) values.push(text.slice(start, i + 1));
    }
  }
  return values;
}

/** @returns {unknown[]} every value in a docs code block */
export function readDocsSample(block) {
  let text = stripComments(block);
  text = text.replace(/^\s*\.\.\.\s*,?\s*$/gm, '');
  text = text.replace(/\bTrue\b/g, 'true').replace(/\bFalse\b/g, 'false');
  text = text.replace(/,(\s*[\]}])/g, '$1');
  text = text.replace(/([\]}"\d])(\s*\n\s*")/g, '$1,$2'); // a missing comma before the next key
  text = text.replace(/,(\s*,)+/g, ',');
  return topLevelValues(text).map((v) => parseYamlLossless(v.replace(/,(\s*[\]}])/g, '$1')));
}
