// Packs every publishable package once for all test files (publint, attw, the consumer project).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { packAll } from '../src/pack.mjs';

/** @param {import('vitest/node').TestProject} project */
export default async function setup(project) {
  const destination = mkdtempSync(path.join(tmpdir(), 'ascendex-packs-'));
  project.provide('tarballs', await packAll(destination));
  return () => rmSync(destination, { recursive: true, force: true });
}
