// One TypeScript program over every TypeScript block, as a user's project would compile them:
// strict, module and moduleResolution NodeNext, the packages imported by name and resolved through
// their `exports` to what `pnpm build` wrote (this workspace depends on each of them). One program,
// not one per block: the packages' declarations are read once.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The compiler options of the check: what a strict NodeNext project of a user sets. "DOM" for
 * msw's declarations (the mocks' peer), which name DOM types; `types: ["node"]` for `process`.
 * @param {string} outDir
 * @returns {ts.CompilerOptions}
 */
export function compilerOptions(outDir) {
  return {
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noUncheckedIndexedAccess: true,
    skipLibCheck: true,
    types: ['node'],
    outDir,
    rootDir: path.dirname(outDir),
  };
}

/**
 * @typedef {import('./blocks.mjs').Block} Block
 * @typedef {{ block: Block, source: string, errors: { code: string, text: string }[] }} Compiled
 *   `source`: the file the block was written to; `errors`: each as `file:line:column TS<code> message`
 */

/** A file name for a block: where it comes from, readable in messages. */
function fileName(/** @type {Block} */ block, /** @type {number} */ index) {
  const slug = block.file
    .replace(/\.md$/i, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .toLowerCase();
  return `${String(index).padStart(3, '0')}-${slug}-${block.line}${block.kind === 'vitest' ? '.test' : ''}.ts`;
}

/**
 * Writes each TypeScript block to `dir` as a module (prelude first) and compiles them together;
 * the blocks that run are emitted to `dir/out`.
 * @param {Block[]} blocks TypeScript blocks only
 * @param {string} dir an empty folder inside a package that depends on the packages the blocks import
 * @returns {{ compiled: Compiled[], global: string[] }} per block; `global`: problems of no block
 */
export function compileBlocks(blocks, dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), '{ "type": "module", "private": true }\n');
  /** @type {Map<string, { block: Block, preludeLines: number }>} */
  const byFile = new Map();
  const compiled = blocks.map((block, index) => {
    const source = path.join(dir, fileName(block, index));
    const prelude = block.prelude ? `${block.prelude.replace(/\n?$/, '\n')}` : '';
    // `export {}`: every block is a module (its own scope; top-level await).
    writeFileSync(source, `${prelude}${block.code}export {};\n`);
    byFile.set(source, { block, preludeLines: prelude ? prelude.split('\n').length - 1 : 0 });
    return { block, source, errors: /** @type {Compiled['errors']} */ ([]) };
  });
  const options = compilerOptions(path.join(dir, 'out'));
  // The blocks' folder is the project's: `types: ["node"]` is looked up from there, not from
  // wherever the check was started.
  const host = ts.createCompilerHost(options);
  host.getCurrentDirectory = () => dir;
  const program = ts.createProgram({ rootNames: compiled.map((c) => c.source), options, host });
  const global = [];
  const bySource = new Map(compiled.map((c) => [c.source, c]));
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    const code = `TS${diagnostic.code}`;
    const target = diagnostic.file && bySource.get(path.resolve(diagnostic.file.fileName));
    if (!target || !diagnostic.file || diagnostic.start === undefined) {
      global.push(`${diagnostic.file?.fileName ?? 'tsc'}: ${code} ${text}`);
      continue;
    }
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    const { block, preludeLines } = /** @type {{ block: Block, preludeLines: number }} */ (byFile.get(target.source));
    const where =
      line < preludeLines
        ? `${block.file}:${block.preludeLine + line} (prelude)`
        : `${block.file}:${block.line + line - preludeLines}`;
    target.errors.push({ code, text: `${where}:${character + 1} ${code} ${text}` });
  }
  for (const c of compiled) {
    if (c.block.kind !== 'run') continue;
    const result = program.emit(program.getSourceFile(c.source));
    if (result.emitSkipped) global.push(`${c.block.file}:${c.block.line}: not emitted`);
  }
  return { compiled, global };
}

/**
 * The emitted JavaScript of a compiled block.
 * @param {string} dir the folder given to compileBlocks
 * @param {string} source
 */
export function emittedFile(dir, source) {
  return path.join(dir, 'out', path.basename(source).replace(/\.ts$/, '.js'));
}

/**
 * Whether a compiled block did what its kind says: no error, or (compile-error) at least one
 * error of each expected code.
 * @param {Compiled} c
 * @returns {string | undefined} the problem, if any
 */
export function compileProblem(c) {
  const errors = c.errors.map((e) => e.text).join('\n');
  if (c.block.kind !== 'compile-error') return c.errors.length > 0 ? errors : undefined;
  if (c.errors.length === 0) return `${c.block.file}:${c.block.line}: marked compile-error but compiles`;
  const missing = c.block.expectedErrors.filter((code) => !c.errors.some((e) => e.code === code));
  return missing.length > 0
    ? `${c.block.file}:${c.block.line}: marked compile-error ${missing.join(' ')}, which it does not raise; it raises:\n${errors}`
    : undefined;
}
