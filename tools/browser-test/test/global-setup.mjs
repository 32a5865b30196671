// Before the browser test: Debian's chromium, installed by the test command itself where it is
// missing and this process may install it (see src/provide-chromium.mjs); otherwise the run fails
// here with the one line saying how to install it.
import { provideChromium } from '../src/provide-chromium.mjs';

export default function setup() {
  provideChromium();
}
