#!/usr/bin/env node
// `pnpm generate` for packages/validators.
import { runGenerator } from '@ascendex-toolkit/codegen-core';
import { generate, outDir } from './index.mjs';

await runGenerator('gen-validators', generate, [outDir]);
