// A test file that leaks on purpose: run only by test/errors/secrets.test.ts (through
// vitest.probe.config.ts) to prove that the per-file recorder fails a file that logs a credential.
import { expect, it } from 'vitest';
import { sign } from '@ascendex-toolkit/validators/auth';
import { AscendexNetworkError } from '../../../src/core/errors.js';

it('logs and checks an error that quotes the secret it signed with', async () => {
  const secret = 'probe-secret-that-must-not-leak';
  await sign(secret, '1+probe');
  const error = new AscendexNetworkError('getCashBalance', `could not sign with ${secret}`);
  console.warn(String(error));
  expect(error).toBeInstanceOf(AscendexNetworkError);
  expect(() => {
    throw new AscendexNetworkError('getBalance', `no answer for key ${secret}`);
  }).toThrow(AscendexNetworkError);
  await expect(Promise.reject(new AscendexNetworkError('getOrder', `refused: ${secret}`))).rejects.toThrow(/refused/);
});
