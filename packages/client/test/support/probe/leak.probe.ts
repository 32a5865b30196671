// A test file that leaks on purpose: run only by test/errors/secrets.test.ts (through
// vitest.probe.config.ts) to prove that the per-file recorder fails a file that logs a credential.
import { expect, it } from 'vitest';
import { sign } from '@ascendex-toolkit/validators/auth';
import { AscendexNetworkError } from '../../../src/core/errors.js';

it('logs an error that quotes the secret it signed with', async () => {
  const secret = 'probe-secret-that-must-not-leak';
  await sign(secret, '1+probe');
  console.warn(String(new AscendexNetworkError('getCashBalance', `could not sign with ${secret}`)));
  expect(true).toBe(true);
});
