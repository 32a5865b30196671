#!/usr/bin/env node
// `pnpm generate` for packages/mocks.
import { runGenerator } from '@ascendex-toolkit/codegen-core';
import { generate, outDir } from './index.mjs';

await runGenerator('gen-mocks', generate, [outDir]);
