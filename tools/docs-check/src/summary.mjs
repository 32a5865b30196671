// The line the docs check prints: how many blocks it found and what it did with each kind.

/**
 * @param {import('./blocks.mjs').Block[]} blocks
 * @returns {string} e.g. `docs-check: 61 blocks in 9 files: 40 compiled, 5 run, 1 vitest, 1 compile-error, 14 not TypeScript (sh 9, text 3, jsonc 2), 0 unchecked`
 */
export function summaryLine(blocks) {
  const count = (/** @type {string} */ kind) => blocks.filter((b) => b.kind === kind).length;
  /** @type {Map<string, number>} */
  const languages = new Map();
  for (const b of blocks) if (b.kind === 'not-typescript') languages.set(b.lang, (languages.get(b.lang) ?? 0) + 1);
  const byLanguage = [...languages]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([lang, n]) => `${lang} ${n}`)
    .join(', ');
  const files = new Set(blocks.map((b) => b.file)).size;
  return (
    `docs-check: ${blocks.length} blocks in ${files} files: ${count('compile')} compiled, ${count('run')} compiled and run, ` +
    `${count('vitest')} compiled and run with vitest, ${count('compile-error')} checked not to compile, ` +
    `${count('not-typescript')} not TypeScript${byLanguage ? ` (${byLanguage})` : ''}, ${count('unchecked')} unchecked`
  );
}
