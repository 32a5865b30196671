// Reading what the server sends: a frame larger than the limit is refused before it is parsed;
// the rest is parsed without losing integers and validated against its message schema (one pass
// for the high-rate market data messages: readServerMessage of the validators). A frame
// that cannot be read comes back as an error (for an `invalid-frame` event), never thrown, with
// the kind it claims to be when that is a ping or a pong (still answered, still proof of life).
// Binary frames are decoded asynchronously; later frames wait behind them to keep the order.
import {
  readServerMessage,
  ValidationError,
  type AscendexError,
  type NamedServerMessage,
} from '@ascendex-toolkit/validators';
import { AscendexWsFrameError } from '../errors.js';
import { frameText } from '@ascendex-toolkit/validators';

/** What reading one frame gave. @internal */
export type FrameOutcome =
  | { readonly ok: true; readonly named: NamedServerMessage; readonly length: number }
  | {
      readonly ok: false;
      readonly error: AscendexError;
      readonly length: number;
      /** `ping` or `pong` when the frame, though unreadable as its schema, says it is one. */
      readonly keepAlive: 'ping' | 'pong' | undefined;
    };

/** The keep-alive kind a value claims (`{"m":"ping"}`, `{"op":"pong"}`, ...). */
function keepAliveKind(value: unknown): 'ping' | 'pong' | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { m, op } = value as { m?: unknown; op?: unknown };
  const kind = m ?? op;
  return kind === 'ping' || kind === 'pong' ? kind : undefined;
}

/** Parses and validates one text frame. @internal */
export function readFrame(text: string, options: { validate: boolean; maxFrameSize: number }): FrameOutcome {
  const length = text.length;
  if (length > options.maxFrameSize) {
    return {
      ok: false,
      error: new AscendexWsFrameError(length, options.maxFrameSize),
      length,
      keepAlive: undefined,
    };
  }
  // Lossless parse and validation, in one pass for the high-rate market data messages.
  const result = readServerMessage(text);
  if (result.ok) return { ok: true, named: result, length };
  const { error, value } = result;
  if (!options.validate && error instanceof ValidationError) {
    return { ok: true, named: { name: error.schema, message: value } as NamedServerMessage, length };
  }
  return { ok: false, error, length, keepAlive: keepAliveKind(value) };
}

/** The size of a binary frame, in bytes, when it can be told without decoding it. */
function byteSize(data: unknown): number | undefined {
  if (typeof Blob !== 'undefined' && data instanceof Blob) return data.size;
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) return data.byteLength;
  if (Array.isArray(data))
    return data.reduce((n: number, part: { byteLength?: number }) => n + (part.byteLength ?? 0), 0);
  return undefined;
}

/** Turns one socket's message events into text in arrival order, refusing oversized binary frames undecoded. @internal */
export class FrameReader {
  #chain: Promise<void> | undefined;

  constructor(
    private readonly maxFrameSize: number,
    private readonly onText: (text: string) => void,
    private readonly onUnreadable: (error: AscendexError, length: number) => void,
  ) {}

  receive(data: unknown): void {
    if (typeof data === 'string' && !this.#chain) return this.onText(data);
    const size = typeof data === 'string' ? undefined : byteSize(data);
    if (size !== undefined && size > this.maxFrameSize && !this.#chain) {
      return this.onUnreadable(new AscendexWsFrameError(size, this.maxFrameSize), size);
    }
    const chain = (this.#chain ?? Promise.resolve())
      .then(() => {
        if (size !== undefined && size > this.maxFrameSize) {
          this.onUnreadable(new AscendexWsFrameError(size, this.maxFrameSize), size);
          return;
        }
        return frameText(data).then(
          (text) => this.onText(text),
          () => this.onUnreadable(new AscendexWsFrameError(undefined, this.maxFrameSize), 0),
        );
      })
      .catch(() => undefined) // the handler's own failures are reported by the handler
      .finally(() => {
        if (this.#chain === chain) this.#chain = undefined;
      });
    this.#chain = chain;
  }
}
