// Debian's chromium, driven by playwright-core: never a browser download. The test's global setup
// provides it first (provide-chromium.mjs).
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { chromiumPath, missingHint } from './provide-chromium.mjs';

export { chromiumPath };

/**
 * Launches headless Chromium, or throws saying how to install it (the test fails rather than skips).
 * @param {string} [executablePath]
 */
export async function launchChromium(executablePath = chromiumPath) {
  if (!existsSync(executablePath)) throw new Error(missingHint(executablePath));
  // --no-sandbox: CI and these machines run as root, where Chromium refuses its sandbox.
  return chromium.launch({ executablePath, headless: true, args: ['--no-sandbox'] });
}
