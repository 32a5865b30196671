// ESLint for every workspace (each one's `lint` script runs `eslint .` from its folder, and ESLint
// finds this file above it): the config lives in tools/lint, with the fixtures that prove it fires.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { config } from '@ascendex-toolkit/lint';

export default config(path.dirname(fileURLToPath(import.meta.url)));
