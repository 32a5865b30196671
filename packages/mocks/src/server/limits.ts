// The standalone server's limits, like a real server's: each refusal carries the exchange's error
// envelope (the choices where the docs are silent are in spec/discrepancies/behaviour.yaml).
import type { Socket } from 'node:net';
import { errorCatalog } from '@ascendex-toolkit/types';
import { stringifyJson } from '@ascendex-toolkit/validators';
import { MAX_JSON_DEPTH } from '@ascendex-toolkit/validators/exchange';
import { DEFAULT_MAX_BODY_BYTES } from '../http/refusals.js';
import { DEFAULT_MAX_BUFFERED_BYTES, DEFAULT_MAX_FRAME_LENGTH } from '../ws/session/options.js';

/** The server's limits; every member is optional. @public */
export interface MockServerLimits {
  /** Request bodies larger than this are refused with HTTP 413. Default 1 MiB. */
  readonly maxBodyBytes?: number;
  /** The request line and headers together may not exceed this; beyond it HTTP 431. Default 16 KiB. */
  readonly maxHeaderBytes?: number;
  /** Open TCP connections (HTTP and WebSocket alike); the one beyond is answered HTTP 429 and closed. Default 2048. */
  readonly maxConnections?: number;
  /** A WebSocket message longer than this closes the socket with 1009 (message too big). Default 64 KiB. */
  readonly maxFrameBytes?: number;
  /** A WebSocket whose unsent data passes this is dropped (the slow-reader policy). Default 4 MiB. */
  readonly maxBufferedBytes?: number;
}

export const defaultLimits: Required<MockServerLimits> = {
  maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
  maxHeaderBytes: 16 * 1024,
  maxConnections: 2048,
  maxFrameBytes: DEFAULT_MAX_FRAME_LENGTH,
  maxBufferedBytes: DEFAULT_MAX_BUFFERED_BYTES,
};

/** JSON nesting the server reads (fixed by the exchange-side profile). */
export const maxJsonDepth = MAX_JSON_DEPTH;

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  404: 'Not Found',
  405: 'Method Not Allowed',
  413: 'Payload Too Large',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
};

/** The error envelope of a refusal made before any handler ran. */
export function envelope(code: 100001 | 100014, message: string): Record<string, unknown> {
  const reason = errorCatalog[code].reason;
  return reason === null ? { code, message } : { code, reason, message };
}

/** Writes a whole HTTP/1.1 response with a JSON envelope straight to a socket, then closes it (for refusals outside any request handler). */
export function refuseOnSocket(socket: Socket, status: number, body: Record<string, unknown>): void {
  if (socket.destroyed) return;
  const text = stringifyJson(body);
  const head =
    `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\n` +
    `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n`;
  socket.end(head + text);
  // A peer that does not read its answer must not keep the socket.
  setTimeout(() => socket.destroy(), 1000).unref();
}
