// Signatures are checked as the exchange checks them: the docs' samples pass; a missing, malformed,
// stale or wrong signature is told apart.
import { afterEach, describe, it, expect, vi } from 'vitest';
import { sign, checkSignature, signedMessage } from '../src/auth.js';

// The docs' authentication section: key, secret, timestamp and the signatures it prints.
const SECRET = 'hV8FgjyJtpvVeAcMAgzgAFQCN36wmbWuN7o3WPcYcYhFd8qvE43gzFGVsFcCqMNk';
const T = 1608133910000;
const DOCS_SIGNATURE = '/pwaAgWZQ1Xd/J4yZ4ReHSPQxd3ORP/YR8TvAttqqYM=';

/** A copy of the module loaded anew, so that it looks up `node:crypto` again. */
async function freshAuth(): Promise<typeof import('../src/auth.js')> {
  vi.resetModules();
  return import('../src/auth.js');
}

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

describe('the two ways to sign', () => {
  afterEach(() => vi.restoreAllMocks());

  it('signs with node:crypto under Node, looked up once through process.getBuiltinModule', async () => {
    const lookups: string[] = [];
    const getBuiltinModule = process.getBuiltinModule.bind(process);
    vi.spyOn(process, 'getBuiltinModule').mockImplementation((id: string) => (lookups.push(id), getBuiltinModule(id)));
    const subtleSign = vi.spyOn(crypto.subtle, 'sign');
    const auth = await freshAuth();
    expect(await auth.sign(SECRET, signedMessage(T, 'info'))).toBe(DOCS_SIGNATURE);
    expect(await auth.sign(SECRET, signedMessage(T, 'info'))).toBe(DOCS_SIGNATURE);
    expect(lookups).toEqual(['node:crypto']);
    expect(subtleSign).not.toHaveBeenCalled();
  });

  it('signs with WebCrypto where the runtime has no node:crypto (a browser)', async () => {
    vi.spyOn(process, 'getBuiltinModule').mockReturnValue(undefined as never);
    const subtleSign = vi.spyOn(crypto.subtle, 'sign');
    const auth = await freshAuth();
    expect(await auth.sign(SECRET, signedMessage(T, 'info'))).toBe(DOCS_SIGNATURE);
    expect(subtleSign).toHaveBeenCalledTimes(1);
  });

  it('gives the same signature both ways for any secret and message (UTF-8, astral, empty)', async () => {
    // A seeded walk over characters of every UTF-8 length, so a difference in how either way
    // encodes the secret or the message shows.
    let seed = 20261206;
    const next = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0), seed);
    const alphabet = ['a', 'Z', '9', '+', '/', ' ', 'é', 'ß', '€', '中', '😀', '\u0000'];
    const text = () => Array.from({ length: next() % 40 }, () => alphabet[next() % alphabet.length]).join('');
    const cases = Array.from({ length: 200 }, () => [text(), text()] as const);
    const viaNode = await Promise.all(cases.map(([secret, message]) => sign(secret, message)));
    vi.spyOn(process, 'getBuiltinModule').mockReturnValue(undefined as never);
    const web = await freshAuth();
    const viaWebCrypto = await Promise.all(cases.map(([secret, message]) => web.sign(secret, message)));
    expect(viaNode).toEqual(viaWebCrypto);
  });
});
