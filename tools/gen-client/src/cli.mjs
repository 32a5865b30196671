#!/usr/bin/env node
// `pnpm generate` for packages/client.
import { runGenerator } from '@ascendex-toolkit/codegen-core';
import { generate, outDir } from './index.mjs';

await runGenerator('gen-client', generate, [outDir]);
