#!/usr/bin/env node
// `pnpm generate` for packages/spec.
import { runGenerator } from '@ascendex-toolkit/codegen-core';
import { generate, outDir } from './index.mjs';

await runGenerator('gen-spec', generate, [outDir]);
