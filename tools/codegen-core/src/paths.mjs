// Where things are. Every tool resolves paths from here so that it runs from any directory.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const specDir = path.join(repoRoot, 'spec');
export const openapiRoot = path.join(specDir, 'openapi.yaml');
export const asyncapiRoot = path.join(specDir, 'asyncapi.yaml');
export const packagesDir = path.join(repoRoot, 'packages');
/**
 * The exchange's docs, beside the repo in CI and on developer machines (`../shared/api-docs`);
 * absent elsewhere. `ASCENDEX_API_DOCS` points the tests at another copy (or at none, to see what
 * they report without the docs).
 */
export const apiDocsDir = path.resolve(repoRoot, process.env.ASCENDEX_API_DOCS ?? '../shared/api-docs');
