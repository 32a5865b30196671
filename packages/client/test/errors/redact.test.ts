// The Redactor every error and hook event of the client passes through: the key, the secret and the
// signatures in every form a server or a fetch implementation may echo them, causes copied without
// the originals, and a bounded memory of signatures.
import { describe, it, expect } from 'vitest';
import { ValidationError } from '@ascendex-toolkit/validators';
import { Redactor, urlForError } from '../../src/core/redact.js';

const apiKey = 'key-0123456789abcdef';
const secret = 'secret+/=0123456789"x';
const signature = 'c2lnbmF0dXJl+abc/def==';

describe('Redactor', () => {
  const redactor = new Redactor({ apiKey, secret });
  redactor.remember(signature);

  it('removes the key, the secret and signatures as they are, URL-encoded and JSON-escaped', () => {
    const echoes = [
      apiKey,
      secret,
      signature,
      encodeURIComponent(secret),
      encodeURIComponent(signature),
      JSON.stringify(secret),
    ];
    expect(redactor.text(echoes.join(' | '))).toBe(
      '[api key] | [secret] | [signature] | [secret] | [signature] | "[secret]"',
    );
  });

  it('removes the pieces of a value split by a control character (as undici quotes a bad header)', () => {
    expect(redactor.with([[`${apiKey}\n\0x`, '[api key]']]).text(`"${apiKey}\n x" is an invalid header value`)).toBe(
      '"[api key]\n x" is an invalid header value',
    );
  });

  it('keeps the most recent 256 signatures', () => {
    const bounded = new Redactor();
    const made = Array.from({ length: 300 }, (_, i) => `signature-number-${String(i).padStart(4, '0')}`);
    for (const s of made) bounded.remember(s);
    expect(bounded.text(made[299]!)).toBe('[signature]');
    expect(bounded.text(made[44]!)).toBe('[signature]');
    expect(bounded.text(made[43]!)).toBe(made[43]);
  });

  it('copies a cause chain with its codes, never the original errors', () => {
    const original = new TypeError(`fetch failed for ${apiKey}`, {
      cause: Object.assign(new Error(`socket of ${signature}`), { code: 'ECONNRESET', syscall: 'read' }),
    });
    const copy = redactor.cause(original) as Error & { cause: Error & { code: string; syscall: string } };
    expect(copy).not.toBe(original);
    expect(copy.name).toBe('TypeError');
    expect(copy.message).toBe('fetch failed for [api key]');
    expect(copy.stack).not.toContain(apiKey);
    expect(copy.cause).toMatchObject({ message: 'socket of [signature]', code: 'ECONNRESET', syscall: 'read' });
  });

  it('redacts the strings and keys of a parsed answer, and validation issues', () => {
    expect(redactor.value({ [apiKey]: [secret, 1, null, { s: signature }] })).toEqual({
      '[api key]': ['[secret]', 1, null, { s: '[signature]' }],
    });
    const detail = redactor.detail(
      new ValidationError('X', [{ path: `/${apiKey}`, message: signature, keyword: 'k' }]),
    );
    expect(detail).toBeInstanceOf(ValidationError);
    expect((detail as ValidationError).issues).toEqual([{ path: '/[api key]', message: '[signature]', keyword: 'k' }]);
  });

  it('leaves short values alone (they cannot be told apart from text)', () => {
    expect(new Redactor({ apiKey: 'abc' }).text('abc abc')).toBe('abc abc');
  });

  it('names a URL by origin and path only', () => {
    expect(urlForError(`https://ascendex.com/api/pro/v1/depth?symbol=BTC&sig=${signature}`)).toBe(
      'https://ascendex.com/api/pro/v1/depth',
    );
  });
});
