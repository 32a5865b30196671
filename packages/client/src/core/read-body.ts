// Reading an answer's body with a bound: the bytes are counted as they stream in, after fetch has
// decompressed them, and reading stops at the first chunk over the limit, so neither a long body
// nor a small compressed one that expands without end (a "zip bomb") is ever held whole.

/** Whether the answer's bytes are encoded (compressed): Content-Length then counts those. */
const isEncoded = (headers: Headers) => {
  const encoding = headers.get('content-encoding');
  return encoding !== null && encoding.trim().toLowerCase() !== 'identity';
};

/** A stream let go of unread: cancelled without waiting (some fetch implementations, msw's among
 * them, settle the cancellation only when the body is drained, which would hang the call). */
function release(cancel: () => Promise<void>): void {
  cancel().catch(() => {
    // Already errored or closed: nothing is held.
  });
}

/** Lets go of a body not read to its end: cancelling the stream closes the connection. @internal */
export function discardBody(response: Response): void {
  if (response.body && !response.bodyUsed) release(() => response.body!.cancel());
}

/**
 * The body's bytes, or undefined when there are more than `limit` (the stream is then cancelled,
 * unread). Read errors (a reset, a bad gzip stream, an abort) propagate as they are.
 * @internal
 */
export async function readBody(response: Response, limit: number): Promise<Uint8Array | undefined> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (!isEncoded(response.headers) && declared > limit) {
    discardBody(response);
    return undefined;
  }
  if (!response.body) {
    // A fetch without streams (some polyfills): the limit can only be checked afterwards.
    const bytes = new Uint8Array(await response.arrayBuffer());
    return bytes.byteLength > limit ? undefined : bytes;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      chunks.length = 0;
      release(() => reader.cancel());
      return undefined;
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0]!;
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
