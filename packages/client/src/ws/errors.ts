// The WebSocket client's own errors. Like everything the client throws they derive from
// AscendexError; refusals the exchange answers with a catalog code (a failed subscription, an error
// reply to a request) use the REST client's classes through `apiErrorFrom`, and timeouts its
// AscendexTimeoutError. No error holds the API key, the secret or a signature: they are built from
// the server's frames, close codes and the request's operationId only.
import { AscendexError } from '@ascendex-toolkit/validators';

/** The connection closed (by `close()` or for good) or was lost while a request waited for its reply. @public */
export class AscendexWsClosedError extends AscendexError {
  override readonly name = 'AscendexWsClosedError';
  constructor(
    /** The AsyncAPI operation of the request that was waiting, e.g. `wsRequestDepthSnapshot`. */
    readonly operationId: string,
    /** `connection-lost`: the socket went away (it may reconnect); `closed`: the connection is closed for good. */
    readonly reason: 'connection-lost' | 'closed',
  ) {
    super(
      `${operationId}: ${reason === 'closed' ? 'the connection is closed' : 'the connection was lost before the reply'}`,
    );
  }
}

/** Authentication failed: the `auth` reply had a non-zero code, or the server refused the header-authenticated upgrade. @public */
export class AscendexWsAuthError extends AscendexError {
  override readonly name = 'AscendexWsAuthError';
  constructor(
    /** The exchange's code (e.g. 200001, 200006); undefined when the upgrade was refused by close code. */
    readonly code: number | undefined,
    /** The server's explanation (`err` of the reply, or the close reason). */
    readonly detail: string,
  ) {
    super(`wsAuthenticate: authentication failed${code === undefined ? '' : ` (${code})`}: ${detail}`);
  }
}

/** A call the connection cannot make as asked (no credentials for a private channel, too many symbols, no WebSocket implementation); nothing was sent. @public */
export class AscendexWsUsageError extends AscendexError {
  override readonly name = 'AscendexWsUsageError';
}

/**
 * A socket failed to open or was lost before the server greeted it (refused, unreachable, no
 * greeting in time); the `error` event reports each, and the first `connect()` rejects with one
 * when the connection is not ready within `connectTimeoutMs`. Built from the URL (without any
 * user information in it) and the transport's message or close code: no credentials.
 * @public
 */
export class AscendexWsConnectError extends AscendexError {
  override readonly name = 'AscendexWsConnectError';
  constructor(
    /** The stream URL. */
    readonly url: string,
    /** The attempt: 1 for the first socket, then 2, 3, ... since the connection was last ready. */
    readonly attempt: number,
    /** What the transport said (`connect ECONNREFUSED 127.0.0.1:1`, `closed with 1006`, `no greeting within 10000 ms`). */
    readonly detail: string,
    /** The close code, when the socket was closed. */
    readonly code?: number,
  ) {
    super(`wsConnect: ${url} (attempt ${attempt}): ${detail}`);
  }
}

/** A frame the connection refused to read: larger than `maxFrameSize`, or binary data that is not text. @public */
export class AscendexWsFrameError extends AscendexError {
  override readonly name = 'AscendexWsFrameError';
  constructor(
    /** Characters of the text (bytes of a binary frame); undefined when it could not be decoded. */
    readonly length: number | undefined,
    /** The `maxFrameSize` in force. */
    readonly limit: number,
  ) {
    super(
      length === undefined
        ? 'a binary frame that could not be decoded as text'
        : `a frame of ${length} characters, more than maxFrameSize (${limit}): not read`,
    );
  }
}
