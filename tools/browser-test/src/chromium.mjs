// Debian's chromium, driven by playwright-core: never a browser download.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const chromiumPath = '/usr/bin/chromium';

/**
 * Launches headless Chromium, or throws saying how to install it (the test fails rather than skips).
 * @param {string} [executablePath]
 */
export async function launchChromium(executablePath = chromiumPath) {
  if (!existsSync(executablePath)) {
    throw new Error(
      `${executablePath} is missing: the browser test needs Debian's chromium (apt-get update && apt-get install -y chromium)`,
    );
  }
  // --no-sandbox: CI and these machines run as root, where Chromium refuses its sandbox.
  return chromium.launch({ executablePath, headless: true, args: ['--no-sandbox'] });
}
