// The repository's ESLint flat config, used by every workspace through the root eslint.config.mjs.
// It is small on purpose: the rules that catch what types alone do not (a promise nobody awaits or
// catches, a promise passed where a callback's result is ignored, a switch that forgets a member
// of a union, an import cycle), plus ESLint's and typescript-eslint's recommended syntax rules.
// Type-aware rules read each file's own tsconfig.json through typescript-eslint's project service,
// so every linted file belongs to a tsconfig (the loose scripts of each workspace too).
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Files ESLint never reads: build output, dependencies and ajv's standalone validators. */
export const ignores = [
  '**/node_modules/',
  '**/dist/',
  '**/__transpiled/',
  '**/.turbo/',
  // ajv's standalone output, megabytes of code written by ajv and kept as ajv writes it (the
  // hand-made .d.ts beside each describes it); linting it would only lint ajv.
  '**/*.validate.gen.js',
  // The docs check's scratch projects: README blocks extracted as files (git-ignored), compiled by
  // the docs check itself with a user's options.
  'tools/docs-check/.blocks/',
  'tools/docs-check/.blocks-fixture/',
  // The fixtures of tools/lint/test: each breaks one rule on purpose.
  'tools/lint/fixtures/',
  // package-check's fixtures: a package broken on purpose, and consumer scripts compiled against
  // the packed tarballs with their own tsconfigs.
  'tools/package-check/fixtures/',
  // JSX that only wraps each generated file in the AsyncAPI generator's <File> (its logic is in
  // components/, which is linted); no tsconfig reads JSX here.
  'tools/asyncapi-template/template/',
];

/**
 * The rules that need types, and import cycles: what this config exists for.
 * @type {import('eslint').Linter.RulesRecord}
 */
export const typedRules = {
  '@typescript-eslint/no-floating-promises': 'error',
  '@typescript-eslint/no-misused-promises': 'error',
  '@typescript-eslint/switch-exhaustiveness-check': [
    'error',
    // A `default` may stand for the members a switch does not list; a switch over a union
    // without one must list them all.
    { allowDefaultCaseForExhaustiveSwitch: true, considerDefaultExhaustiveForUnions: true },
  ],
  '@typescript-eslint/await-thenable': 'error',
  'import-x/no-cycle': ['error', { ignoreExternal: true }],
};

/**
 * The flat config for the repository rooted at `root`.
 * @param {string} root the folder holding the root eslint.config.mjs (the tsconfigs are found from there)
 * @returns {import('eslint').Linter.Config[]}
 */
export function config(root) {
  return defineConfig(
    { ignores },
    js.configs.recommended,
    tseslint.configs.recommended,
    {
      files: ['**/*.{ts,mts,cts,js,mjs,cjs}'],
      plugins: { 'import-x': importX },
      languageOptions: {
        ecmaVersion: 2022,
        sourceType: 'module',
        globals: { ...globals.node, ...globals.browser },
        parserOptions: { projectService: true, tsconfigRootDir: root },
      },
      settings: {
        // import-x's TypeScript settings (which files it parses, with which parser), with the
        // resolver that maps NodeNext's `./x.js` specifiers to `./x.ts`.
        ...importX.flatConfigs.typescript.settings,
        'import-x/resolver': undefined,
        'import-x/resolver-next': [createTypeScriptImportResolver({ alwaysTryTypes: true })],
        // The other workspaces are reached through their package exports, i.e. their built
        // `dist/`: nothing there can import back into the linting package, so it is not parsed.
        'import-x/ignore': ['/dist/', 'node_modules'],
      },
      linterOptions: { reportUnusedDisableDirectives: 'error' },
      rules: {
        ...typedRules,
        // Unused arguments and caught errors keep their names for the reader when prefixed by `_`.
        '@typescript-eslint/no-unused-vars': [
          'error',
          { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
        ],
      },
    },
    {
      // Tests read JSON answers loosely and assert on what they read: `any` is allowed there.
      files: ['**/test/**', 'spec/test/**'],
      rules: { '@typescript-eslint/no-explicit-any': 'off' },
    },
  );
}
