// A WebSocket implementation the test plays the server of: every socket the connection creates is
// recorded; the test opens it, sends it frames, closes or fails it, and reads what the client sent.
// For unit tests of the connection without any mock exchange.
import type { WebSocketConstructor, WebSocketLike } from '../../../src/ws/connection-index.js';

type Listener = (event: never) => void;

export class FakeSocket implements WebSocketLike {
  readyState = 0;
  /** Frames the client sent, parsed. */
  readonly sent: Record<string, unknown>[] = [];
  /** The client's close() call, if any. */
  closedByClient: { code?: number; reason?: string } | undefined;
  readonly #listeners = new Map<string, Listener[]>();

  constructor(
    readonly url: string,
    readonly options?: { headers: Record<string, string> },
  ) {}

  addEventListener(type: string, listener: Listener): void {
    this.#listeners.set(type, [...(this.#listeners.get(type) ?? []), listener]);
  }

  #emit(type: string, event: unknown): void {
    for (const listener of this.#listeners.get(type) ?? []) listener(event as never);
  }

  send(data: string): void {
    if (this.readyState !== 1) throw new Error('not open');
    this.sent.push(JSON.parse(data) as Record<string, unknown>);
  }

  close(code?: number, reason?: string): void {
    this.closedByClient = { ...(code === undefined ? {} : { code }), ...(reason === undefined ? {} : { reason }) };
    this.readyState = 3;
  }

  // ---- the server's side ----

  /** The transport opened; `greet` also sends the exchange's greeting. */
  open(greet: 'unauth' | 'auth' | false = 'unauth'): this {
    this.readyState = 1;
    this.#emit('open', {});
    if (greet) this.receive({ m: 'connected', type: greet });
    return this;
  }

  /** A frame from the server: an object is sent as its JSON text. */
  receive(frame: unknown): this {
    this.#emit('message', { data: typeof frame === 'string' ? frame : JSON.stringify(frame) });
    return this;
  }

  /** The server (or the network) closed the socket. */
  serverClose(code: number, reason = ''): void {
    this.readyState = 3;
    this.#emit('close', { code, reason });
  }

  /** The connection failed: an error event, then a close without a handshake (1006), as an unreachable host gives. */
  fail(message: string): void {
    this.readyState = 3;
    this.#emit('error', { message, error: new Error(message) });
    this.#emit('close', { code: 1006, reason: '' });
  }

  /** The client's frames of one `op` (and `action`). */
  frames(op: string, action?: string): Record<string, unknown>[] {
    return this.sent.filter((f) => f.op === op && (action === undefined || f.action === action));
  }
}

/** A WebSocket class recording its sockets. */
export function fakeWebSocket(): { WebSocket: WebSocketConstructor; sockets: FakeSocket[]; last(): FakeSocket } {
  const sockets: FakeSocket[] = [];
  class Recorded extends FakeSocket {
    constructor(url: string, options?: { headers: Record<string, string> }) {
      super(url, options);
      sockets.push(this);
    }
  }
  return {
    WebSocket: Recorded,
    sockets,
    last: () => {
      const socket = sockets.at(-1);
      if (!socket) throw new Error('no socket was created');
      return socket;
    },
  };
}
