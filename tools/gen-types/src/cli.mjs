#!/usr/bin/env node
// `pnpm generate` for packages/types.
import { runGenerator } from '@ascendex-toolkit/codegen-core';
import { generate, outDir } from './index.mjs';

await runGenerator('gen-types', generate, [outDir]);
