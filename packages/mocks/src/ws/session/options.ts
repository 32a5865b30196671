// The session's contract with its transport and its options, with their defaults.
import type { ExchangeEvent, MockAccount, MockBackend } from '../../backend.js';
import type { WsAuthHeaders } from './auth.js';
import type { WsFaults, WsLastingFaults } from './faults.js';

/** Where the session sends frames: a MSW client connection or a server socket. @public */
export interface WsTransport {
  /** Sends one text frame. */
  send(text: string): void;
  /** Closes the connection with a close frame. */
  close(code: number, reason: string): void;
  /** Drops the connection without a close handshake (e.g. `ws`'s `terminate()`); when absent, `close(1006, '')`. */
  drop?(): void;
  /** Bytes queued on the connection and not yet sent (`ws`'s `bufferedAmount`); transports without a buffer leave it out. */
  bufferedAmount?(): number;
}

/** Timers and time; the defaults are the global ones, looked up at each call so that fake timers work. @public */
export interface WsClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** @public */
export interface WsSessionOptions extends WsTransport {
  /** Answers requests and publishes events; without one, requests get the spec's example replies. */
  readonly backend?: MockBackend;
  /** Accounts that may authenticate (looked up after the backend's). Default `[defaultAccount]`. */
  readonly accounts?: readonly MockAccount[];
  /** The account group of the URL (`/6/api/pro/v1/stream`); undefined for the public URL, which cannot authenticate. */
  readonly accountGroup?: string | number | undefined;
  /** The connection request's `x-auth-*` headers; when present they must authenticate (see `checkHeaderAuth`). */
  readonly headers?: WsAuthHeaders;
  /** Default: the backend's `now()` (else `Date.now()`) and the global timers. */
  readonly clock?: Partial<WsClock>;
  /** How often the server checks for a quiet client and pings it, ms. Default 15 000. */
  readonly pingIntervalMs?: number;
  /** Server pings a quiet client may miss in a row before it is disconnected. Default 2 (the docs: two missed pings). */
  readonly healthPoints?: number;
  /** How long a client `ping` spares the client server pings, ms. Default 30 000 (the docs). */
  readonly clientPingGraceMs?: number;
  /** The greeting's form: `m` (`{"m":"connected",...}`, what recorded sessions show; default) or `op` (the docs' reference). */
  readonly greeting?: 'm' | 'op';
  /** Faults in force from the start (the MSW handlers pass their lasting ones). */
  readonly faults?: Partial<WsLastingFaults>;
  /**
   * The slow-reader bound: when the transport reports more unsent bytes than this, the session drops
   * the connection (the client sees 1006 and resynchronises) instead of queueing without end.
   * Default 4 MiB.
   */
  readonly maxBufferedBytes?: number;
  /** Client frames longer than this (UTF-16 length) are refused with an error reply, unread. Default 64 KiB. */
  readonly maxFrameLength?: number;
  /** Client frames waiting to be handled (a flood faster than the session answers); beyond it the connection is dropped. Default 1000. */
  readonly maxPendingFrames?: number;
}

export const DEFAULT_MAX_BUFFERED_BYTES = 4 * 1024 * 1024;
export const DEFAULT_MAX_FRAME_LENGTH = 64 * 1024;
export const DEFAULT_MAX_PENDING_FRAMES = 1000;

/** The session's state machine states. @public */
export type WsSessionState = 'idle' | 'open' | 'closed';

/** A session of the mock exchange. @public */
export interface WsSession {
  readonly state: WsSessionState;
  /** The authenticated account, if any. */
  readonly account: MockAccount | undefined;
  /** The topics subscribed to (`depth:BTC/USDT`, `order:cash`, ...). */
  readonly topics: ReadonlySet<string>;
  /** Fault injection for this session. */
  readonly faults: WsFaults;
  /** Checks the headers (if any), sends the greeting and starts the keep-alive; resolves when greeted (or when closed meanwhile). */
  open(): Promise<void>;
  /** Handles one client text frame; frames are handled in order, and the promise resolves once this one is answered. */
  receive(text: string): Promise<void>;
  /** Sends an event to this session if it is subscribed to its topic (events of the backend arrive by themselves). */
  deliver(event: ExchangeEvent): void;
  /** The transport closed (the client left): stops timers and listening. Idempotent, and final at any point, during `open()` too. */
  close(): void;
}
