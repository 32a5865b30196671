// The code blocks of a Markdown file and what the docs check does with each, read from the fence's
// info string: the first word is the language, the words after it the checks.
//
//   ```ts                        compiled (one tsc program over every block, strict NodeNext)
//   ```ts run                    compiled, then run with node against a mock server
//   ```ts vitest                 compiled, then run with vitest as a test file
//   ```ts compile-error TS2339   must fail to compile, with at least one error of each code named
//   ```sh (or text, json, ...)   not TypeScript: counted, not checked
//
// A fence without a language, or with one this list does not know, is unchecked: the docs check
// fails on it, so that every block is either checked or says why it is not.
//
// A compiled block may continue from the text around it (`client` made earlier in the README): an
// HTML comment right before its fence, starting with `<!-- docs-check prelude`, holds TypeScript put
// in front of the block when it is compiled (imports and `declare`s); readers never see it. Blocks
// that run have none: they are exactly what a user pastes.

/** Languages of blocks that are not TypeScript (shown, never compiled). */
export const NOT_TYPESCRIPT = new Set(['sh', 'bash', 'shell', 'console', 'text', 'json', 'jsonc', 'yaml', 'diff']);
const TYPESCRIPT = new Set(['ts', 'typescript']);
const PRELUDE = /^<!--\s*docs-check prelude\b[^\n]*\n([\s\S]*?)-->\s*$/;

/**
 * @typedef {'compile' | 'run' | 'vitest' | 'compile-error' | 'not-typescript' | 'unchecked'} BlockKind
 * @typedef {{
 *   file: string,
 *   line: number,
 *   info: string,
 *   lang: string,
 *   kind: BlockKind,
 *   expectedErrors: string[],
 *   code: string,
 *   prelude: string,
 *   preludeLine: number,
 *   problem?: string,
 * }} Block
 *   `line`: 1-based line of the block's first code line in `file`; `preludeLine`: that of the
 *   prelude's first line (0 without one); `problem`: why the block is unchecked or malformed (the
 *   docs check fails on it).
 */

/**
 * What a fence's info string asks for.
 * @param {string} info
 * @returns {{ lang: string, kind: BlockKind, expectedErrors: string[], problem?: string }}
 */
export function classify(info) {
  const [lang = '', ...words] = info.trim().split(/\s+/).filter(Boolean);
  const language = lang.toLowerCase();
  if (!language) return { lang: '', kind: 'unchecked', expectedErrors: [], problem: 'a fence without a language' };
  if (NOT_TYPESCRIPT.has(language)) return { lang: language, kind: 'not-typescript', expectedErrors: [] };
  if (!TYPESCRIPT.has(language))
    return {
      lang: language,
      kind: 'unchecked',
      expectedErrors: [],
      problem: `the language "${lang}" is neither TypeScript nor one the check knows is not (${[...NOT_TYPESCRIPT].join(', ')})`,
    };
  const [check, ...rest] = words;
  if (check === undefined) return { lang: 'ts', kind: 'compile', expectedErrors: [] };
  if ((check === 'run' || check === 'vitest') && rest.length === 0)
    return { lang: 'ts', kind: check, expectedErrors: [] };
  if (check === 'compile-error' && rest.length > 0 && rest.every((code) => /^TS\d+$/.test(code)))
    return { lang: 'ts', kind: 'compile-error', expectedErrors: rest };
  return {
    lang: 'ts',
    kind: 'unchecked',
    expectedErrors: [],
    problem: `"${info.trim()}" is not one of: ts, ts run, ts vitest, ts compile-error TS<code>...`,
  };
}

/**
 * Every fenced code block of a Markdown text (CommonMark fences: three or more backticks or tildes,
 * indented by any amount, closed by a fence of the same character at least as long).
 * @param {string} text
 * @param {string} file the path shown in messages
 * @returns {Block[]}
 */
export function readBlocks(text, file) {
  const lines = text.split('\n');
  /** @type {Block[]} */
  const blocks = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})(.*)$/.exec(/** @type {string} */ (lines[i]));
    if (!open) continue;
    const [, indent = '', fence = '', info = ''] = open;
    if (fence[0] === '`' && info.includes('`')) continue; // inline code, not a fence
    const close = new RegExp(`^\\s*${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
    let end = i + 1;
    while (end < lines.length && !close.test(/** @type {string} */ (lines[end]))) end++;
    const body = lines
      .slice(i + 1, end)
      .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line.trimStart()));
    const { prelude, preludeLine } = preludeBefore(lines, i);
    const kind = classify(info);
    /** @type {Block} */
    const block = { file, line: i + 2, info: info.trim(), ...kind, code: `${body.join('\n')}\n`, prelude, preludeLine };
    if (end === lines.length) {
      block.kind = 'unchecked';
      block.problem = 'a fence that is never closed';
    } else if (prelude && (block.kind === 'run' || block.kind === 'vitest')) {
      block.kind = 'unchecked';
      block.problem = 'a block that runs has a prelude: it must be exactly what a user pastes';
    } else if (prelude && block.kind === 'not-typescript') {
      block.kind = 'unchecked';
      block.problem = 'a prelude before a block that is not TypeScript';
    }
    blocks.push(block);
    i = end;
  }
  return blocks;
}

/**
 * The prelude comment right before the fence on line `fenceIndex` (blank lines between allowed).
 * @param {string[]} lines
 * @param {number} fenceIndex
 * @returns {{ prelude: string, preludeLine: number }}
 */
function preludeBefore(lines, fenceIndex) {
  const none = { prelude: '', preludeLine: 0 };
  let end = fenceIndex - 1;
  while (end >= 0 && /^\s*$/.test(/** @type {string} */ (lines[end]))) end--;
  if (end < 0 || !/-->\s*$/.test(/** @type {string} */ (lines[end]))) return none;
  let start = end;
  while (start >= 0 && !/^\s*<!--/.test(/** @type {string} */ (lines[start]))) start--;
  if (start < 0) return none;
  const match = PRELUDE.exec(
    lines
      .slice(start, end + 1)
      .join('\n')
      .trim(),
  );
  return match ? { prelude: /** @type {string} */ (match[1]), preludeLine: start + 2 } : none;
}
