// The connection's options read once: defaults filled in, misuse refused with AscendexWsUsageError
// before anything is sent, the URL built, the signer made (the secret stays in its closure).
import { streamPath } from '@ascendex-toolkit/validators';
import { AscendexWsUsageError } from '../errors.js';
import { realScheduler, type WsScheduler } from '../scheduler.js';
import { globalWebSocket, type WebSocketConstructor } from '../socket.js';
import { correctedClock, createAuth, type WsAuth } from './auth.js';
import type { WsConnectionOptions } from './types.js';

const defaultBaseUrl = 'wss://ascendex.com';

/** What an app without a WebSocket implementation is told. @internal */
export const noImplementation =
  'no WebSocket implementation: pass `WebSocket` (e.g. the `ws` package) or run Node with --experimental-websocket';

/** The URL as events and errors show it: without user information, should it hold any. */
function shownUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.href;
  } catch {
    return url;
  }
}

/** @internal */
export interface ResolvedOptions {
  readonly url: string;
  /** The URL for events and errors. */
  readonly shownUrl: string;
  readonly WebSocket: WebSocketConstructor | undefined;
  readonly scheduler: WsScheduler;
  /** The scheduler's clock plus the clock offset: signatures and order times. */
  readonly now: () => number;
  readonly auth: WsAuth | undefined;
  readonly authMode: 'message' | 'headers';
  readonly validate: boolean;
  readonly pingIntervalMs: number;
  readonly maxMissedPongs: number;
  readonly requestTimeoutMs: number;
  readonly connectTimeoutMs: number;
  readonly maxQueued: number;
  readonly maxFrameSize: number;
  readonly random: () => number;
}

/** @internal */
export function resolveOptions(options: WsConnectionOptions): ResolvedOptions {
  const group = options.accountGroup === undefined ? '' : `/${options.accountGroup}`;
  const url = options.url ?? `${(options.baseUrl ?? defaultBaseUrl).replace(/\/+$/, '')}${group}${streamPath}`;
  const scheduler = options.scheduler ?? realScheduler;
  const now = correctedClock(scheduler, options.clockOffset);
  const maxQueued = options.maxQueued ?? 10_000;
  const maxFrameSize = options.maxFrameSize ?? 4 * 1024 * 1024;
  if (!(maxQueued >= 1)) throw new AscendexWsUsageError(`maxQueued must be 1 or more: ${maxQueued}`);
  if (!(maxFrameSize >= 1)) throw new AscendexWsUsageError(`maxFrameSize must be 1 or more: ${maxFrameSize}`);
  const { apiKey, secret } = options;
  if ((apiKey === undefined) !== (secret === undefined))
    throw new AscendexWsUsageError('apiKey and secret go together: give both or neither');
  const authMode = options.auth ?? 'message';
  if (options.ack && authMode === 'headers')
    throw new AscendexWsUsageError("ack: 'ready' is set by the auth message; use auth: 'message'");
  let auth: WsAuth | undefined;
  if (apiKey !== undefined && secret !== undefined) {
    if (options.url === undefined && options.accountGroup === undefined)
      throw new AscendexWsUsageError('authentication needs the account-group URL: give accountGroup (or url)');
    auth = createAuth({ apiKey, secret, ack: options.ack, now });
  }
  return {
    url,
    shownUrl: shownUrl(url),
    WebSocket: options.WebSocket ?? globalWebSocket(),
    scheduler,
    now,
    auth,
    authMode,
    validate: options.validate ?? true,
    pingIntervalMs: options.pingIntervalMs ?? 15_000,
    maxMissedPongs: options.maxMissedPongs ?? 2,
    requestTimeoutMs: options.requestTimeoutMs ?? 10_000,
    connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
    maxQueued,
    maxFrameSize,
    random: options.random ?? Math.random,
  };
}
