// What the client and the mocks both know of the exchange's protocol beyond the schemas: where a
// REST payload sits, the WebSocket stream's path, how an `unsub` pattern reads, and the text of a
// frame however a socket delivers it. One home for each, shared by both packages.

/** Where the payload of a REST success body sits (`x-ascendex.payload` in the spec). @public */
export type PayloadKind = 'data' | 'info' | 'body' | 'none';

/** The WebSocket stream's path under the base URL (public) or under `/{accountGroup}`. @public */
export const streamPath = '/api/pro/v1/stream';

/**
 * The topics an `unsub` pattern names, as the exchange reads it: `*` in place of an argument
 * matches any value, leaving trailing arguments out matches everything (`depth`, `bar:1`,
 * `bar:*:ASD/USDT`), and a comma list matches each of its values.
 * @public
 */
export function wildcardMatcher(pattern: string): (topic: string) => boolean {
  const wanted = pattern.split(':');
  return (topic) => {
    const parts = topic.split(':');
    if (parts[0] !== wanted[0]) return false;
    for (let i = 1; i < wanted.length; i++) {
      const want = wanted[i]!;
      if (want !== '*' && !want.split(',').includes(parts[i] ?? '')) return false;
    }
    return true;
  };
}

/**
 * The text of a WebSocket message event's data: browsers, MSW and `ws` may deliver a frame as a
 * string, a Blob, an ArrayBuffer, a Uint8Array or (`ws`, fragmented) a list of buffers; the
 * exchange sends text.
 * @public
 */
export async function frameText(data: unknown): Promise<string> {
  if (typeof data === 'string') return data;
  if (typeof Blob !== 'undefined' && data instanceof Blob) return data.text();
  if (Array.isArray(data)) return data.map((part) => new TextDecoder().decode(part as Uint8Array)).join('');
  return new TextDecoder().decode(data as ArrayBuffer | Uint8Array);
}
