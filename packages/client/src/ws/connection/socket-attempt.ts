// One socket's life: created (with the upgrade headers, if any), listened to, closed at most once.
// Once detached it reports nothing more, so the events of a socket the connection gave up can
// never act on its successor. It counts every frame as it arrives (proof of life) before reading it.
import { stringifyJson, type AscendexError } from '@ascendex-toolkit/validators';
import type { WebSocketConstructor, WebSocketLike } from '../socket.js';
import { FrameReader } from './frames.js';

/** @internal */
export interface SocketAttemptHandlers {
  /** A frame arrived (before it is read). */
  heard(): void;
  text(text: string): void;
  unreadable(error: AscendexError, length: number): void;
  /** The socket closed (by the server or the network), once. */
  closed(code: number, reason: string): void;
}

/** What a transport's error event or exception says (`connect ECONNREFUSED ...`), if anything. @internal */
export function transportDetail(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { error, message } = value as { error?: unknown; message?: unknown };
  if (error instanceof Error && error.message) return error.message;
  return typeof message === 'string' && message ? message : undefined;
}

/** @internal */
export class SocketAttempt {
  readonly #socket: WebSocketLike;
  #live = true;
  #opened = false;
  #lastError: string | undefined;

  /** Throws what the WebSocket constructor throws (a malformed URL, ...). */
  constructor(
    WebSocketClass: WebSocketConstructor,
    url: string,
    headers: Record<string, string> | undefined,
    maxFrameSize: number,
    handlers: SocketAttemptHandlers,
  ) {
    const socket = headers ? new WebSocketClass(url, { headers }) : new WebSocketClass(url);
    this.#socket = socket;
    const frames = new FrameReader(
      maxFrameSize,
      (text) => this.#live && handlers.text(text),
      (error, length) => this.#live && handlers.unreadable(error, length),
    );
    socket.addEventListener('open', () => (this.#opened = true));
    socket.addEventListener('message', (event) => {
      if (!this.#live) return;
      handlers.heard();
      frames.receive(event.data);
    });
    // An error is followed by a close event; the close decides what happens.
    socket.addEventListener('error', (event) => (this.#lastError = transportDetail(event) ?? this.#lastError));
    socket.addEventListener('close', (event) => {
      if (!this.#live) return;
      this.#live = false;
      handlers.closed(event.code, event.reason);
    });
  }

  /** Whether the transport opened (fired `open`). */
  get opened(): boolean {
    return this.#opened;
  }

  /** The transport's last error message. */
  get lastError(): string | undefined {
    return this.#lastError;
  }

  send(frame: unknown): void {
    try {
      this.#socket.send(stringifyJson(frame));
    } catch {
      // The socket is closing; its close event decides what happens next.
    }
  }

  /** Stops listening, and closes the socket when `close` is given. */
  detach(close?: { readonly code: number; readonly reason: string }): void {
    this.#live = false;
    if (!close) return;
    try {
      this.#socket.close(close.code, close.reason);
    } catch {
      // already closed
    }
  }
}
