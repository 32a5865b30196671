// Every error the toolkit throws derives from AscendexError. Each `throw` statement in the packages'
// source (hand-written and generated) is checked with the TypeScript compiler: in TypeScript the
// type of the thrown expression must be a class that extends AscendexError (nominally, through its
// `extends` chain; every member of a union); generated JavaScript may only `throw new X(...)` with X
// one of this package's exported AscendexError classes. Comments and strings do not count.
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import * as api from '../src/index.js';
import { AscendexError } from '../src/index.js';

const packagesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const errorsFile = path.join(packagesDir, 'validators/src/runtime/errors.ts');

/** Every `.ts`/`.js` file under packages/<name>/src. */
function sourceFiles(): string[] {
  return readdirSync(packagesDir).flatMap((pkg) => {
    const src = path.join(packagesDir, pkg, 'src');
    let entries;
    try {
      entries = readdirSync(src, { withFileTypes: true, recursive: true });
    } catch {
      return [];
    }
    return entries
      .filter((e) => e.isFile() && /\.(ts|js|mjs)$/.test(e.name) && !e.name.endsWith('.d.ts'))
      .map((e) => path.join(e.parentPath, e.name));
  });
}

/** The `throw` statements of the given files that do not throw an AscendexError, as `file:line what`. */
function offenders(files: string[], host?: ts.CompilerHost): string[] {
  const options: ts.CompilerOptions = {
    allowJs: true,
    noEmit: true,
    strict: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
  };
  const program = ts.createProgram([errorsFile, ...files], options, host);
  const checker = program.getTypeChecker();
  const errorsSource = program.getSourceFile(errorsFile)!;
  const base = errorsSource.statements.find(
    (s): s is ts.ClassDeclaration => ts.isClassDeclaration(s) && s.name?.text === 'AscendexError',
  )!;
  const baseSymbol = checker.getSymbolAtLocation(base.name!)!;

  // Other packages import AscendexError from this package's built declarations: the same class.
  const builtErrors = path.join(packagesDir, 'validators/dist/runtime/errors.d.ts');
  const isBase = (symbol: ts.Symbol | undefined): boolean =>
    symbol === baseSymbol ||
    (symbol?.name === 'AscendexError' &&
      (symbol.declarations ?? []).some((d) => path.resolve(d.getSourceFile().fileName) === builtErrors));
  const derives = (type: ts.Type): boolean => {
    if (type.isUnion()) return type.types.every(derives);
    if (isBase(type.getSymbol())) return true;
    const target = (type as ts.TypeReference).target ?? type;
    if (!(target.flags & ts.TypeFlags.Object) || !((target as ts.ObjectType).objectFlags & ts.ObjectFlags.Class))
      return false;
    return (checker.getBaseTypes(target as ts.InterfaceType) ?? []).some(derives);
  };
  const exported = api as Record<string, unknown>;
  const isExportedErrorClass = (name: string) => {
    const cls = exported[name];
    return cls === AscendexError || (typeof cls === 'function' && cls.prototype instanceof AscendexError);
  };

  const found: string[] = [];
  for (const file of files) {
    const source = program.getSourceFile(file)!;
    const isJs = /\.m?js$/.test(file);
    const visit = (node: ts.Node): void => {
      if (ts.isThrowStatement(node)) {
        const e = node.expression;
        const ok = isJs
          ? ts.isNewExpression(e) && ts.isIdentifier(e.expression) && isExportedErrorClass(e.expression.text)
          : derives(checker.getTypeAtLocation(e));
        if (!ok) {
          const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
          found.push(`${path.relative(packagesDir, file)}:${line + 1} throw ${e.getText(source)}`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

/** Every `throw` statement of the files, as `file:line throw <expression>` (to prove the check sees them). */
function throwStatements(files: string[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    const source = ts.createSourceFile(file, ts.sys.readFile(file) ?? '', ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isThrowStatement(node)) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
        found.push(`${path.relative(packagesDir, file)}:${line + 1} throw ${node.expression.getText(source)}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

// Building a TypeScript program over every package's sources takes seconds on a loaded machine.
describe('thrown errors', { timeout: 60_000 }, () => {
  const files = sourceFiles();

  it('are found in the sources', () => {
    expect(files.some((f) => f.endsWith('.validate.gen.js'))).toBe(true);
    // The throw every failed assertion goes through is among them, found where it is.
    const guard = readFileSync(path.join(packagesDir, 'validators/src/runtime/guard.ts'), 'utf8').split('\n');
    const line = guard.findIndex((l) => /\bthrow new ValidationError\(/.test(l)) + 1;
    expect(line, 'guard.ts throws no ValidationError').not.toBe(0);
    const statement = /\bthrow (new ValidationError\(.*\));/.exec(guard[line - 1]!)?.[1];
    expect(throwStatements(files)).toContain(`validators/src/runtime/guard.ts:${line} throw ${statement}`);
  });

  it('all derive from AscendexError', () => {
    expect(offenders(files)).toEqual([]);
  });

  it('are told apart from errors that do not derive from AscendexError', () => {
    const probeTs = path.join(packagesDir, 'validators/src/runtime/probe.ts');
    const probeJs = path.join(packagesDir, 'validators/src/generated/probe.js');
    const sources = new Map([
      [
        probeTs,
        [
          `import { ValidationError, UnknownMessageError, JsonParseError } from './errors.js';`,
          `class LocalError extends Error {}`,
          `declare const either: ValidationError | UnknownMessageError;`,
          `declare const mixed: ValidationError | TypeError;`,
          `export function f(n: number): void {`,
          `  if (n === 1) throw new ValidationError('S', []);`,
          `  if (n === 2) throw either;`,
          `  if (n === 3) throw new TypeError('x');`,
          `  if (n === 4) throw mixed;`,
          `  if (n === 5) throw new LocalError();`,
          `  // throw new RangeError('in a comment')`,
          `  if (n === 6) throw new JsonParseError('x', 1);`,
          `}`,
        ].join('\n'),
      ],
      [probeJs, `export function g(v) {\n  if (!v) throw new Error('x');\n  throw new UnknownMessageError({});\n}`],
    ]);
    const host = ts.createCompilerHost({});
    const readFile = host.readFile.bind(host);
    host.readFile = (f) => sources.get(path.resolve(f)) ?? readFile(f);
    const fileExists = host.fileExists.bind(host);
    host.fileExists = (f) => sources.has(path.resolve(f)) || fileExists(f);
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (f, lang, ...rest) => {
      const text = sources.get(path.resolve(f));
      return text === undefined ? getSourceFile(f, lang, ...rest) : ts.createSourceFile(f, text, lang);
    };
    expect(offenders([probeTs, probeJs], host)).toEqual([
      "validators/src/runtime/probe.ts:8 throw new TypeError('x')",
      'validators/src/runtime/probe.ts:9 throw mixed',
      'validators/src/runtime/probe.ts:10 throw new LocalError()',
      "validators/src/generated/probe.js:2 throw new Error('x')",
    ]);
  });
});
