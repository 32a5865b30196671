// Finding credentials in text: the one check the secrets tests and the per-file recorder share.
// A finding names what leaked and where, never the credential itself.
import { inspect } from 'node:util';

/** A credential that must not appear in any error or log line. */
export interface Credential {
  readonly kind: 'API key' | 'secret' | 'signature';
  readonly value: string;
}

/** A recorded text: what produced it (`console.error`, `inspect(AuthError)`, ...) and the text. */
export interface Recorded {
  readonly source: string;
  readonly text: string;
}

/** `<source>: contains a(n) <kind>` for every recorded text that contains a credential. */
export function findLeaks(records: readonly Recorded[], credentials: Iterable<Credential>): string[] {
  const wanted = [...credentials].filter((c) => c.value.length >= 8);
  const found: string[] = [];
  for (const { source, text } of records)
    for (const c of wanted)
      if (text.includes(c.value)) found.push(`${source}: contains ${c.kind === 'API key' ? 'an' : 'a'} ${c.kind}`);
  return found;
}

/** The texts an error shows wherever it ends up: logs, error reporters, JSON APIs. */
export function textsOf(source: string, e: unknown): Recorded[] {
  const error = e as Error;
  return [
    { source: `${source} message`, text: String(error.message) },
    { source: `${source} stack`, text: String(error.stack) },
    { source: `${source} String()`, text: String(error) },
    { source: `${source} util.inspect`, text: inspect(error, { showHidden: true, depth: null }) },
    { source: `${source} JSON.stringify`, text: JSON.stringify(error) ?? '' },
  ];
}
