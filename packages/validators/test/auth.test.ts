// Signatures are checked as the exchange checks them: the docs' samples pass; a missing, malformed,
// stale or wrong signature is told apart.
import { describe, it, expect } from 'vitest';
import { sign, checkSignature, signedMessage } from '../src/auth.js';

// The docs' authentication section: key, secret, timestamp and the signatures it prints.
const SECRET = 'hV8FgjyJtpvVeAcMAgzgAFQCN36wmbWuN7o3WPcYcYhFd8qvE43gzFGVsFcCqMNk';
const T = 1608133910000;

describe('signatures', () => {
  it('reproduces the docs sample signature', async () => {
    expect(await sign(SECRET, signedMessage(T, 'info'))).toBe('/pwaAgWZQ1Xd/J4yZ4ReHSPQxd3ORP/YR8TvAttqqYM=');
  });

  it('accepts the docs sample at its own time, for any accepted prehash', async () => {
    const signature = '/pwaAgWZQ1Xd/J4yZ4ReHSPQxd3ORP/YR8TvAttqqYM=';
    expect(
      await checkSignature({ secret: SECRET, timestamp: String(T), signature, prehashes: ['info'], now: T + 29_000 }),
    ).toBeUndefined();
    expect(
      await checkSignature({ secret: SECRET, timestamp: String(T), signature, prehashes: ['other', 'info'], now: T }),
    ).toBeUndefined();
  });

  it('tells missing, malformed, stale and wrong signatures apart', async () => {
    const good = await sign(SECRET, signedMessage(T, 'order'));
    const check = (timestamp: string | null, signature: string | null, now = T, secret = SECRET) =>
      checkSignature({ secret, timestamp, signature, prehashes: ['order'], now });
    expect(await check(null, good)).toBe('missing');
    expect(await check(String(T), null)).toBe('missing');
    expect(await check('yesterday', good)).toBe('malformed');
    expect(await check(String(T), 'not base64!')).toBe('malformed');
    expect(await check(String(T), good, T + 30_001)).toBe('stale');
    expect(await check(String(T), good, T - 30_001)).toBe('stale');
    expect(await check(String(T), good, T, 'another-secret')).toBe('wrong');
    expect(await check(String(T + 1), good)).toBe('wrong');
  });
});
