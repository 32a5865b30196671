// The WebSocket connection: one socket to the stream endpoint, kept up by an explicit state machine.
//
//   idle ─connect()→ connecting ─greeting→ open ─(credentials, by message)→ authenticating ─auth ok→ ready
//                                             └──────────(public, or authenticated by headers)──────→ ready
//   connecting/open/authenticating/ready ─socket lost→ reconnecting ─backoff→ connecting
//   any ─close(), auth refused, reconnect given up→ closed
//
// In `ready` it restores every subscription (after a reconnect) and sends waiting requests.
// Frames are parsed losslessly and validated; what cannot be read becomes an `invalid-frame`
// event, and nothing thrown inside the socket handlers escapes them. The tables of channels,
// requests and message kinds are generated from the AsyncAPI document (../generated/ws/).
import type {
  AccountCategory,
  CancelAllErrMessage,
  CancelOrderErrMessage,
  CashBalanceUpdateMessage,
  DepthSnapshotRealtimeErrorMessage,
  ErrorMessage,
  MarginBalanceUpdateMessage,
  OrderCancelRejectMessage,
  OrderStatusErrorMessage,
  OrderUpdateMessage,
  PlaceOrderErrMessage,
  ServerMessage,
  WsRequestMap,
} from '@ascendex-toolkit/types';
import {
  parseJson,
  stringifyJson,
  validateServerMessage,
  ValidationError,
  type AscendexError,
  type NamedServerMessage,
} from '@ascendex-toolkit/validators';
import { sign, signedMessage } from '@ascendex-toolkit/validators/auth';
import { apiErrorFrom } from '../core/api-error.js';
import { AscendexTimeoutError } from '../core/errors.js';
import {
  wsChannels,
  type WsChannelMessages,
  type WsChannelName,
  type WsChannelParams,
} from '../generated/ws/channels.gen.js';
import { wsMessageKinds } from '../generated/ws/message-kinds.gen.js';
import { wsRequests, type WsActionKey, type WsRequestKey } from '../generated/ws/requests.gen.js';
import { AsyncQueue } from './async-queue.js';
import { AscendexWsAuthError, AscendexWsClosedError, AscendexWsUsageError } from './errors.js';
import { frameText, globalWebSocket, type WebSocketConstructor, type WebSocketLike } from './socket.js';
import { channelString, topicOfMessage, topicSet, wildcardMatcher, type TopicSet } from './topics.js';

/** The states of a connection. @public */
export const WsState = {
  Idle: 'idle',
  Connecting: 'connecting',
  Open: 'open',
  Authenticating: 'authenticating',
  Ready: 'ready',
  Reconnecting: 'reconnecting',
  Closed: 'closed',
} as const;
/** @public */
export type WsState = (typeof WsState)[keyof typeof WsState];

/** Reconnect policy: exponential backoff with full jitter. @public */
export interface WsReconnectOptions {
  /** First delay, ms (default 250); doubled per failed attempt. */
  readonly baseDelayMs?: number;
  /** Largest delay, ms (default 10 000). */
  readonly maxDelayMs?: number;
  /** Attempts in a row before the connection gives up and closes (default: never gives up). */
  readonly maxAttempts?: number;
}

/** @public */
export interface WsConnectionOptions {
  /** Default `wss://ascendex.com`; the URL is `{baseUrl}/{accountGroup}/api/pro/v1/stream`, or without the group. */
  readonly baseUrl?: string;
  /** The whole stream URL (e.g. the mock server's `wsUrl`); wins over `baseUrl` and `accountGroup`. */
  readonly url?: string;
  /** The account group of the API key (`getAccountInfo`); needed to authenticate. */
  readonly accountGroup?: number | string;
  readonly apiKey?: string;
  /** Kept only in a closure of the signer, never on the connection object. */
  readonly secret?: string;
  /** `message` (default): an `auth` message after the greeting; `headers`: `x-auth-*` headers on the upgrade (implementations that take `{ headers }`, such as `ws`). */
  readonly auth?: 'message' | 'headers';
  /** `ready`: the order channel in Ready Ack mode (by message only). */
  readonly ack?: 'ready';
  /** The WebSocket class (default the global one; on Node 20 `ws`'s). */
  readonly WebSocket?: WebSocketConstructor;
  /** Validate every server frame against its schema (default true); `false` still dispatches by kind. */
  readonly validate?: boolean;
  /** Client ping interval, ms (default 15 000). */
  readonly pingIntervalMs?: number;
  /** Pings left unanswered in a row that mean the connection is dead (default 2). */
  readonly maxMissedPongs?: number;
  /** Reply timeout of requests, subscriptions and authentication, ms (default 10 000). */
  readonly requestTimeoutMs?: number;
  /** Time for the socket to open and greet, ms (default 10 000). */
  readonly connectTimeoutMs?: number;
  /** Reconnect policy, or `false` to close when the socket is lost. */
  readonly reconnect?: WsReconnectOptions | false;
  /** Random numbers in [0, 1) for the jitter (default Math.random; tests seed it). */
  readonly random?: () => number;
  /** UTC ms of the auth signature (default Date.now). */
  readonly clock?: () => number;
}

/** A frame that could not be read: not JSON, an unknown kind, or (when validating) a known kind with bad fields. @public */
export interface WsInvalidFrame {
  readonly error: AscendexError;
  /** Length of the frame's text (the text itself may be large). */
  readonly length: number;
}

/** What a connection reports. @public */
export interface WsEvents {
  /** Every state change. */
  state: { readonly from: WsState; readonly to: WsState };
  /** Every server message that was read (after validation, before dispatch). */
  message: NamedServerMessage;
  /** A frame that could not be read. */
  'invalid-frame': WsInvalidFrame;
  /** A reconnect is scheduled. */
  reconnect: { readonly attempt: number; readonly delayMs: number };
  /** A failure with no caller to reject: auth refused on reconnect, a subscription refused when restored, an error reply nobody waits for. */
  error: AscendexError;
}

type ChannelSubscribeArgs = {
  depth: [symbols: string | readonly string[]];
  'depth-realtime': [symbols: string | readonly string[]];
  bbo: [symbols: string | readonly string[]];
  trades: [symbols: string | readonly string[]];
  bar: [interval: WsChannelParams['bar']['interval'], symbols: string | readonly string[]];
  'ref-px': [asset: string];
  order: [category: AccountCategory];
  balance: [category: AccountCategory];
};
/** What `subscribe` takes after the channel name. @public */
export type WsSubscribeArgs<C extends WsSubscribeChannel> = ChannelSubscribeArgs[C];
/** The channels one can subscribe to: the topic channels, with `order` split into `order` (order updates) and `balance` (balance updates) of one account category. @public */
export type WsSubscribeChannel = keyof ChannelSubscribeArgs;

/** What a subscription yields. @public */
export type WsSubscriptionMessage<
  C extends WsSubscribeChannel,
  A extends readonly unknown[] = WsSubscribeArgs<C>,
> = C extends 'order'
  ? OrderUpdateMessage | OrderCancelRejectMessage
  : C extends 'balance'
    ? A[0] extends 'margin'
      ? MarginBalanceUpdateMessage
      : A[0] extends 'cash'
        ? CashBalanceUpdateMessage
        : CashBalanceUpdateMessage | MarginBalanceUpdateMessage
    : C extends Exclude<WsChannelName, 'order'>
      ? WsChannelMessages[C]
      : never;

/** A live subscription: iterate it for its messages; `unsubscribe()` ends it. @public */
export interface WsSubscription<M> extends AsyncIterable<M> {
  readonly channel: WsSubscribeChannel;
  /** The topics it covers, one per symbol (`depth:BTC/USDT`), fewer after a wildcard `unsubscribe`. */
  readonly topics: readonly string[];
  /** False once unsubscribed or refused (the iterator then ends, or throws the refusal). */
  readonly active: boolean;
  unsubscribe(): Promise<void>;
}

/** Replies that mean failure; a request rejects with them. */
type FailureReply =
  | ErrorMessage
  | PlaceOrderErrMessage
  | CancelOrderErrMessage
  | CancelAllErrMessage
  | DepthSnapshotRealtimeErrorMessage
  | OrderStatusErrorMessage;
type RequestOf<A extends WsActionKey> = WsRequestMap[A]['request'];
/** A request's `args` (`balance` takes none: its schema allows only an empty object). */
type ArgsOf<A extends WsActionKey> =
  NonNullable<RequestOf<A>['args']> extends Record<string, never> ? unknown : NonNullable<RequestOf<A>['args']>;
/** The parameters of a request: its `args` fields, plus `account` for the actions that take one. @public */
export type WsRequestParams<A extends WsActionKey> = ArgsOf<A> &
  Pick<RequestOf<A>, Extract<keyof RequestOf<A>, 'account'>>;
/** The reply a request resolves with (failure replies reject). @public */
export type WsReply<A extends WsActionKey> = Exclude<WsRequestMap[A]['reply'], FailureReply>;

interface Pending {
  readonly key: WsRequestKey;
  readonly operationId: string;
  /** The value of the correlation pointer when it is not `/id` (depth snapshots: the symbol). */
  readonly correlation: string | undefined;
  readonly resolve: (message: ServerMessage) => void;
  readonly reject: (error: unknown) => void;
}

interface Handle {
  readonly channel: WsSubscribeChannel;
  readonly set: TopicSet;
  topics: string[];
  readonly queue: AsyncQueue<ServerMessage>;
  active: boolean;
  /** Settles the first `subscribe()` promise. */
  confirm?: { resolve(): void; reject(error: unknown): void };
}

const defaultBaseUrl = 'wss://ascendex.com';
const streamPath = '/api/pro/v1/stream';
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The code, reason and message of a failure reply, or undefined for a success. */
function failureOf(
  message: Record<string, unknown>,
): { code: number; reason?: string; message?: string; info?: unknown } | undefined {
  if (message.status === 'Err' && isRecord(message.info)) {
    const info = message.info;
    return {
      code: typeof info.code === 'number' ? info.code : 0,
      ...(typeof info.reason === 'string' ? { reason: info.reason } : {}),
      ...(typeof info.message === 'string' ? { message: info.message } : {}),
      info,
    };
  }
  if (message.m === 'error' || (typeof message.code === 'number' && message.code !== 0)) {
    const detail =
      typeof message.err === 'string' ? message.err : typeof message.info === 'string' ? message.info : undefined;
    return {
      code: typeof message.code === 'number' ? message.code : 0,
      ...(typeof message.reason === 'string' ? { reason: message.reason } : {}),
      ...(detail === undefined ? {} : { message: detail }),
      ...(message.info === undefined ? {} : { info: message.info }),
    };
  }
  return undefined;
}

/** The value at a one- or two-step JSON pointer (`/id`, `/args/symbol`). */
function pointer(value: unknown, path: string): unknown {
  let at = value;
  for (const step of path.split('/').slice(1)) at = isRecord(at) ? at[step] : undefined;
  return at;
}

/**
 * A WebSocket connection to the AscendEX stream, with keep-alive, reconnect, authentication,
 * subscriptions and requests.
 * @public
 */
export class WsConnection {
  #state: WsState = WsState.Idle;
  readonly #options: Required<
    Pick<
      WsConnectionOptions,
      'validate' | 'pingIntervalMs' | 'maxMissedPongs' | 'requestTimeoutMs' | 'connectTimeoutMs' | 'random' | 'clock'
    >
  >;
  readonly #url: string;
  readonly #WebSocket: WebSocketConstructor | undefined;
  readonly #credentials: { apiKey: string; signature: (t: number) => Promise<string> } | undefined;
  readonly #authMode: 'message' | 'headers';
  readonly #ack: 'ready' | undefined;
  readonly #reconnect: Required<WsReconnectOptions> | false;
  readonly #listeners = new Map<keyof WsEvents, Set<(value: never) => void>>();
  readonly #handles = new Set<Handle>();
  readonly #pending = new Map<string, Pending>();
  /** Requests waiting for `ready`. */
  readonly #readyWaiters = new Set<{ resolve(): void; reject(error: unknown): void }>();
  #socket: WebSocketLike | undefined;
  /** Bumped for every socket, so that events of an old socket are ignored. */
  #generation = 0;
  #attempt = 0;
  #nextId = 0;
  #authenticated = false;
  #missedPongs = 0;
  #pingTimer: ReturnType<typeof setInterval> | undefined;
  #connectTimer: ReturnType<typeof setTimeout> | undefined;
  #reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  /** Binary frames are decoded asynchronously; later frames wait behind them to keep the order. */
  #frameChain: Promise<void> | undefined;
  #firstConnect: { resolve(): void; reject(error: unknown): void; promise: Promise<void> } | undefined;

  constructor(options: WsConnectionOptions = {}) {
    this.#options = {
      validate: options.validate ?? true,
      pingIntervalMs: options.pingIntervalMs ?? 15_000,
      maxMissedPongs: options.maxMissedPongs ?? 2,
      requestTimeoutMs: options.requestTimeoutMs ?? 10_000,
      connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
      random: options.random ?? Math.random,
      clock: options.clock ?? Date.now,
    };
    const group = options.accountGroup === undefined ? '' : `/${options.accountGroup}`;
    this.#url = options.url ?? `${(options.baseUrl ?? defaultBaseUrl).replace(/\/+$/, '')}${group}${streamPath}`;
    this.#WebSocket = options.WebSocket ?? globalWebSocket();
    const { apiKey, secret } = options;
    if ((apiKey === undefined) !== (secret === undefined))
      throw new AscendexWsUsageError('apiKey and secret go together: give both or neither');
    if (apiKey !== undefined && secret !== undefined) {
      if (options.url === undefined && options.accountGroup === undefined)
        throw new AscendexWsUsageError('authentication needs the account-group URL: give accountGroup (or url)');
      // The secret stays in this closure.
      this.#credentials = { apiKey, signature: (t) => sign(secret, signedMessage(t, 'stream')) };
    }
    this.#authMode = options.auth ?? 'message';
    this.#ack = options.ack;
    if (this.#ack && this.#authMode === 'headers')
      throw new AscendexWsUsageError("ack: 'ready' is set by the auth message; use auth: 'message'");
    this.#reconnect =
      options.reconnect === false
        ? false
        : {
            baseDelayMs: options.reconnect?.baseDelayMs ?? 250,
            maxDelayMs: options.reconnect?.maxDelayMs ?? 10_000,
            maxAttempts: options.reconnect?.maxAttempts ?? Infinity,
          };
  }

  /** The current state. */
  get state(): WsState {
    return this.#state;
  }

  /** Whether the session is authenticated (by message or headers). */
  get authenticated(): boolean {
    return this.#authenticated;
  }

  /** The subscriptions in force (restored after every reconnect). */
  get subscriptions(): readonly WsSubscription<unknown>[] {
    return [...this.#handles].map((h) => this.#view(h));
  }

  /** Shows where it connects and its state, never the credentials. */
  toJSON(): { url: string; state: WsState; authenticated: boolean } {
    return { url: this.#url, state: this.#state, authenticated: this.#authenticated };
  }

  /** Listens to an event; returns the function that stops listening. */
  on<E extends keyof WsEvents>(event: E, listener: (value: WsEvents[E]) => void): () => void {
    let set = this.#listeners.get(event);
    if (!set) this.#listeners.set(event, (set = new Set()));
    set.add(listener as (value: never) => void);
    return () => set.delete(listener as (value: never) => void);
  }

  /** The state now and every change after it, until `closed` (or the loop breaks). */
  async *states(): AsyncGenerator<WsState, void, undefined> {
    const queue = new AsyncQueue<WsState>();
    queue.push(this.#state);
    const off = this.on('state', ({ to }) => {
      queue.push(to);
      if (to === WsState.Closed) queue.end();
    });
    if (this.#state === WsState.Closed) queue.end();
    try {
      yield* queue;
    } finally {
      off();
    }
  }

  /**
   * Opens the connection; resolves once it is `ready` (greeted, and authenticated when credentials
   * were given). Rejects with AscendexWsAuthError when authentication fails, and with
   * AscendexWsClosedError when the connection closes first.
   */
  connect(): Promise<void> {
    if (this.#state === WsState.Ready) return Promise.resolve();
    if (this.#state === WsState.Closed) return Promise.reject(new AscendexWsClosedError('connect', 'closed'));
    if (!this.#firstConnect) {
      let resolve!: () => void, reject!: (e: unknown) => void;
      const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
      this.#firstConnect = { resolve, reject, promise };
    }
    if (this.#state === WsState.Idle) void this.#openSocket();
    return this.#firstConnect.promise;
  }

  /** Closes the connection for good: subscriptions end, waiting requests reject with AscendexWsClosedError. */
  async close(): Promise<void> {
    if (this.#state === WsState.Closed) return;
    this.#shutDown(new AscendexWsClosedError('close', 'closed'));
  }

  /**
   * Subscribes to a channel: `subscribe('depth', 'BTC/USDT')`, `subscribe('trades', ['BTC/USDT', 'ETH/USDT'])`,
   * `subscribe('bar', '1', 'BTC/USDT')`, `subscribe('ref-px', 'BTC')`, `subscribe('order', 'margin')`,
   * `subscribe('balance', 'cash')`. Resolves once the server acknowledged it; a refusal rejects with
   * the error class of its code. The subscription is restored after every reconnect.
   */
  async subscribe<C extends WsSubscribeChannel, A extends WsSubscribeArgs<C>>(
    channel: C,
    ...args: A
  ): Promise<WsSubscription<WsSubscriptionMessage<C, A>>> {
    const set = this.#topicSetOf(channel, args as unknown as readonly unknown[]);
    if (wsChannels[set.channel].requiresAuth && !this.#credentials)
      throw new AscendexWsUsageError(`${channel}: the channel needs an authenticated session (give apiKey and secret)`);
    const handle: Handle = { channel, set, topics: [...set.topics], queue: new AsyncQueue(), active: true };
    const confirmed = new Promise<void>((resolve, reject) => (handle.confirm = { resolve, reject }));
    this.#handles.add(handle);
    const timer = setTimeout(
      () => this.#refuse(handle, new AscendexTimeoutError('wsSubscribe', this.#options.requestTimeoutMs)),
      this.#options.requestTimeoutMs,
    );
    try {
      if (this.#state === WsState.Idle) void this.connect().catch(() => undefined);
      if (this.#state === WsState.Ready) this.#sendSubscribe(handle);
      // Otherwise `ready` sends it with the others.
      await confirmed;
    } finally {
      clearTimeout(timer);
    }
    return this.#view(handle) as WsSubscription<WsSubscriptionMessage<C, A>>;
  }

  /**
   * Unsubscribes by pattern, as the exchange reads it: `depth:*` or `depth` (every depth topic),
   * `bar:1` (every 1-minute bar), `bar:*:BTC/USDT`, `order:cash`. Subscriptions lose the topics it
   * names and end when none is left.
   */
  async unsubscribe(pattern: string): Promise<void> {
    const matches = wildcardMatcher(pattern);
    for (const handle of this.#handles) {
      handle.topics = handle.topics.filter((t) => !matches(t));
      if (handle.topics.length === 0) this.#end(handle);
    }
    if (this.#state === WsState.Ready) await this.#send('unsub', { op: 'unsub', ch: pattern });
  }

  /**
   * Sends an `op: req` request and resolves with its reply: `request('depth-snapshot', { symbol })`,
   * `request('place-order', { account: 'cash', symbol, ... })`. A failure reply rejects with the
   * error class of its code; no reply within the timeout rejects with AscendexTimeoutError; a lost
   * connection with AscendexWsClosedError. Waits for `ready` first (within the same timeout).
   */
  async request<A extends WsActionKey>(
    action: A,
    params: WsRequestParams<A>,
    options: { timeoutMs?: number } = {},
  ): Promise<WsReply<A>> {
    const spec = wsRequests[action];
    if (spec.requiresAuth && !this.#credentials)
      throw new AscendexWsUsageError(`${action}: the request needs an authenticated session (give apiKey and secret)`);
    const { account, ...args } = params as { account?: unknown } & Record<string, unknown>;
    const frame = { op: 'req', action, ...(account === undefined ? {} : { account }), args };
    return (await this.#send(action, frame, options.timeoutMs)) as WsReply<A>;
  }

  // ---- subscriptions ------------------------------------------------------------------------

  #topicSetOf(channel: WsSubscribeChannel, args: readonly unknown[]): TopicSet {
    switch (channel) {
      case 'order':
      case 'balance': {
        const category = args[0];
        if (category !== 'cash' && category !== 'margin')
          throw new AscendexWsUsageError(`${channel}: the account category is 'cash' or 'margin'`);
        return topicSet('order', { account: category });
      }
      case 'bar':
        return topicSet('bar', { interval: String(args[0]) }, args[1] as string | readonly string[]);
      case 'ref-px':
        return topicSet('ref-px', { asset: String(args[0]) });
      default:
        return topicSet(channel, {}, args[0] as string | readonly string[]);
    }
  }

  #view(handle: Handle): WsSubscription<never> {
    return {
      channel: handle.channel,
      get topics() {
        return [...handle.topics];
      },
      get active() {
        return handle.active;
      },
      unsubscribe: () => this.#unsubscribeHandle(handle),
      [Symbol.asyncIterator]: () => handle.queue[Symbol.asyncIterator]() as AsyncIterator<never>,
    };
  }

  #sendSubscribe(handle: Handle): void {
    const ch = channelString(handle.set, handle.topics);
    this.#send('sub', { op: 'sub', ch }).then(
      () => {
        const confirm = handle.confirm;
        handle.confirm = undefined;
        confirm?.resolve();
      },
      (error: unknown) => {
        // A lost connection is not a refusal: `ready` sends it again.
        if (error instanceof AscendexWsClosedError && error.reason === 'connection-lost') return;
        this.#refuse(handle, error);
      },
    );
  }

  /** A subscription the server refused (or that timed out): it ends with the error. */
  #refuse(handle: Handle, error: unknown): void {
    if (!handle.active) return;
    this.#handles.delete(handle);
    handle.active = false;
    handle.queue.end(error);
    if (handle.confirm) {
      handle.confirm.reject(error);
      handle.confirm = undefined;
    } else this.#emit('error', error as AscendexError);
  }

  #end(handle: Handle): void {
    this.#handles.delete(handle);
    handle.active = false;
    handle.queue.end();
    handle.confirm?.resolve();
    handle.confirm = undefined;
  }

  async #unsubscribeHandle(handle: Handle): Promise<void> {
    if (!handle.active) return;
    this.#end(handle);
    // Leave on the wire only the topics no other subscription still needs.
    const needed = new Set([...this.#handles].flatMap((h) => h.topics));
    const leave = handle.topics.filter((t) => !needed.has(t));
    if (leave.length && this.#state === WsState.Ready)
      await this.#send('unsub', { op: 'unsub', ch: channelString(handle.set, leave) });
  }

  #deliver(channel: WsChannelName, message: ServerMessage): void {
    const topic = topicOfMessage(channel, message as unknown as Record<string, unknown>);
    const m = (message as { m?: unknown }).m;
    for (const handle of this.#handles) {
      if (handle.set.channel !== channel || !handle.active) continue;
      if (topic !== undefined && !handle.topics.includes(topic)) continue;
      if (handle.channel === 'order' && m !== 'order') continue;
      if (handle.channel === 'balance' && m !== 'balance') continue;
      handle.queue.push(message);
    }
  }

  // ---- requests -----------------------------------------------------------------------------

  /** Sends a request frame (with an `id`) once ready, and resolves with its reply. */
  async #send(
    key: WsRequestKey,
    frame: Record<string, unknown>,
    timeoutMs = this.#options.requestTimeoutMs,
  ): Promise<ServerMessage> {
    const spec = wsRequests[key];
    const deadline = Date.now() + timeoutMs;
    const timeout = () => new AscendexTimeoutError(spec.operationId, timeoutMs);
    // Authentication runs before `ready`; everything else waits for it.
    if (key !== 'auth' && this.#state !== WsState.Ready) await this.#whenReady(timeoutMs, timeout, spec.operationId);
    const socket = this.#socket;
    if (!socket)
      throw new AscendexWsClosedError(spec.operationId, this.#state === WsState.Closed ? 'closed' : 'connection-lost');
    const id = `c${(++this.#nextId).toString(36)}`;
    const message = { ...frame, id };
    const correlation =
      spec.correlation && spec.correlation.request !== '/id'
        ? String(pointer(message, spec.correlation.request))
        : undefined;
    return new Promise<ServerMessage>((resolve, reject) => {
      const timer = setTimeout(() => settle(() => reject(timeout())), Math.max(0, deadline - Date.now()));
      const settle = (done: () => void) => {
        clearTimeout(timer);
        this.#pending.delete(id);
        done();
      };
      this.#pending.set(id, {
        key,
        operationId: spec.operationId,
        correlation,
        resolve: (reply) => settle(() => resolve(reply)),
        reject: (error) => settle(() => reject(error)),
      });
      this.#write(socket, message);
    });
  }

  #whenReady(timeoutMs: number, timeout: () => AscendexError, operationId: string): Promise<void> {
    if (this.#state === WsState.Closed) return Promise.reject(new AscendexWsClosedError(operationId, 'closed'));
    if (this.#state === WsState.Idle) void this.connect().catch(() => undefined);
    return new Promise<void>((resolve, reject) => {
      const waiter = {
        resolve: () => (clearTimeout(timer), this.#readyWaiters.delete(waiter), resolve()),
        reject: (error: unknown) => (clearTimeout(timer), this.#readyWaiters.delete(waiter), reject(error)),
      };
      const timer = setTimeout(() => waiter.reject(timeout()), timeoutMs);
      this.#readyWaiters.add(waiter);
    });
  }

  /** Finds the request a reply answers: by echoed `id`, else by the correlation value (depth snapshots: the symbol). */
  #settleReply(message: ServerMessage, answers: readonly WsRequestKey[]): boolean {
    const record = message as unknown as Record<string, unknown>;
    let pending = typeof record.id === 'string' ? this.#pending.get(record.id) : undefined;
    if (pending && !answers.includes(pending.key)) pending = undefined;
    if (!pending) {
      for (const key of answers) {
        const correlation = wsRequests[key].correlation;
        if (!correlation || correlation.reply === '/id') continue;
        const value = String(pointer(record, correlation.reply));
        // The oldest request of that action and value (Map order is insertion order).
        pending = [...this.#pending.values()].find((p) => p.key === key && p.correlation === value);
        if (pending) break;
      }
    }
    if (!pending) return false;
    const failure = failureOf(record);
    if (!failure) pending.resolve(message);
    else if (pending.key === 'auth')
      pending.reject(new AscendexWsAuthError(failure.code, failure.message ?? failure.reason ?? ''));
    else pending.reject(apiErrorFrom(failure, { operationId: pending.operationId, status: 0 }));
    return true;
  }

  // ---- the socket ---------------------------------------------------------------------------

  #setState(to: WsState): void {
    const from = this.#state;
    if (from === to) return;
    this.#state = to;
    this.#emit('state', { from, to });
  }

  #emit<E extends keyof WsEvents>(event: E, value: WsEvents[E]): void {
    for (const listener of this.#listeners.get(event) ?? []) {
      try {
        (listener as (v: WsEvents[E]) => void)(value);
      } catch {
        // A listener's failure must not break the socket handler.
      }
    }
  }

  #write(socket: WebSocketLike, frame: unknown): void {
    try {
      socket.send(stringifyJson(frame));
    } catch {
      // The socket is closing; its close event starts the reconnect.
    }
  }

  async #openSocket(): Promise<void> {
    const generation = ++this.#generation;
    this.#setState(WsState.Connecting);
    this.#authenticated = false;
    const WebSocketClass = this.#WebSocket;
    if (!WebSocketClass) {
      this.#fail(
        new AscendexWsUsageError(
          'no WebSocket implementation: pass `WebSocket` (e.g. the `ws` package) or run Node with --experimental-websocket',
        ),
      );
      return;
    }
    let socket: WebSocketLike;
    try {
      if (this.#credentials && this.#authMode === 'headers') {
        const t = this.#options.clock();
        const headers = {
          'x-auth-key': this.#credentials.apiKey,
          'x-auth-timestamp': String(t),
          'x-auth-signature': await this.#credentials.signature(t),
        };
        if (generation !== this.#generation) return;
        socket = new WebSocketClass(this.#url, { headers });
      } else socket = new WebSocketClass(this.#url);
    } catch (error) {
      this.#lost(generation, error instanceof Error ? error.message : 'cannot open');
      return;
    }
    this.#socket = socket;
    this.#connectTimer = setTimeout(() => this.#kill(generation), this.#options.connectTimeoutMs);
    socket.addEventListener('message', (event) => this.#onFrame(generation, event.data));
    socket.addEventListener('close', (event) => this.#onClose(generation, event.code, event.reason));
    // An error is followed by a close event; the close decides what happens.
    socket.addEventListener('error', () => undefined);
  }

  #onFrame(generation: number, data: unknown): void {
    if (generation !== this.#generation) return;
    if (typeof data === 'string' && !this.#frameChain) return this.#handleText(generation, data);
    const chain = (this.#frameChain ?? Promise.resolve())
      .then(() => frameText(data))
      .then((text) => this.#handleText(generation, text))
      .catch(() =>
        this.#emit('invalid-frame', { error: new AscendexWsUsageError('a frame that is not text'), length: 0 }),
      )
      .finally(() => {
        if (this.#frameChain === chain) this.#frameChain = undefined;
      });
    this.#frameChain = chain;
  }

  #handleText(generation: number, text: string): void {
    if (generation !== this.#generation) return;
    try {
      let value: unknown;
      try {
        value = parseJson(text);
      } catch (error) {
        return this.#emit('invalid-frame', { error: error as AscendexError, length: text.length });
      }
      const result = validateServerMessage(value);
      let named: NamedServerMessage;
      if (result.ok) named = result;
      else if (!this.#options.validate && result.error instanceof ValidationError)
        named = { name: result.error.schema, message: value } as NamedServerMessage;
      else return this.#emit('invalid-frame', { error: result.error, length: text.length });
      this.#emit('message', named);
      this.#dispatch(generation, named);
    } catch (error) {
      // Nothing escapes the socket handler.
      this.#emit('error', error as AscendexError);
    }
  }

  #dispatch(generation: number, { name, message }: NamedServerMessage): void {
    const kind = wsMessageKinds[name];
    if (kind.kind === 'data') return this.#deliver(kind.channel, message);
    switch (name) {
      case 'ConnectedMessage':
        void this.#onGreeting(generation, message.type === 'auth');
        return;
      case 'ServerPingMessage':
        if (this.#socket) this.#write(this.#socket, { op: 'pong' });
        return;
      case 'ServerPongMessage':
        this.#missedPongs = 0;
        return;
    }
    if (kind.kind === 'reply' && this.#settleReply(message, kind.answers)) return;
    const failure = failureOf(message as unknown as Record<string, unknown>);
    if (failure) this.#emit('error', apiErrorFrom(failure, { operationId: 'ws', status: 0 }));
  }

  async #onGreeting(generation: number, authenticatedByHeaders: boolean): Promise<void> {
    if (this.#state !== WsState.Connecting) return;
    clearTimeout(this.#connectTimer);
    this.#setState(WsState.Open);
    this.#startKeepAlive(generation);
    this.#authenticated = authenticatedByHeaders;
    if (this.#credentials && !this.#authenticated) {
      if (this.#authMode === 'headers')
        return this.#fail(new AscendexWsAuthError(undefined, 'the server greeted the session as unauthenticated'));
      this.#setState(WsState.Authenticating);
      try {
        const t = this.#options.clock();
        const sig = await this.#credentials.signature(t);
        if (generation !== this.#generation) return;
        await this.#send('auth', {
          op: 'auth',
          t,
          key: this.#credentials.apiKey,
          sig,
          ...(this.#ack ? { ack: this.#ack } : {}),
        });
      } catch (error) {
        if (generation !== this.#generation) return;
        if (error instanceof AscendexWsAuthError) return this.#fail(error);
        return this.#kill(generation); // no answer in time: try again on a new socket
      }
      if (generation !== this.#generation) return;
      this.#authenticated = true;
    }
    this.#becomeReady();
  }

  #becomeReady(): void {
    this.#attempt = 0;
    this.#setState(WsState.Ready);
    for (const handle of this.#handles) this.#sendSubscribe(handle);
    for (const waiter of [...this.#readyWaiters]) waiter.resolve();
    this.#firstConnect?.resolve();
    this.#firstConnect = undefined;
  }

  #startKeepAlive(generation: number): void {
    clearInterval(this.#pingTimer);
    this.#missedPongs = 0;
    this.#pingTimer = setInterval(() => {
      if (generation !== this.#generation || !this.#socket) return;
      if (this.#missedPongs >= this.#options.maxMissedPongs) return this.#kill(generation);
      this.#missedPongs += 1;
      this.#write(this.#socket, { op: 'ping' });
    }, this.#options.pingIntervalMs);
  }

  /** Gives up on a socket that stopped answering: closes it and carries on as if it was lost. */
  #kill(generation: number): void {
    const socket = this.#socket;
    this.#lost(generation, 'no answer');
    try {
      socket?.close(4000, 'no answer');
    } catch {
      // already closed
    }
  }

  #onClose(generation: number, code: number, reason: string): void {
    if (generation !== this.#generation) return;
    // The exchange refuses a header-authenticated upgrade with a policy close before the greeting.
    if (this.#state === WsState.Connecting && this.#credentials && this.#authMode === 'headers' && code === 1008)
      return this.#fail(new AscendexWsAuthError(undefined, reason || 'the upgrade was refused'));
    this.#lost(generation, reason);
  }

  /** The socket is gone: reject what waited on it, then reconnect (or close). */
  #lost(generation: number, _why: string): void {
    if (generation !== this.#generation || this.#state === WsState.Closed) return;
    this.#generation += 1;
    this.#stopTimers();
    this.#socket = undefined;
    this.#frameChain = undefined;
    this.#authenticated = false;
    for (const pending of [...this.#pending.values()])
      pending.reject(new AscendexWsClosedError(pending.operationId, 'connection-lost'));
    const policy = this.#reconnect;
    if (!policy || this.#attempt >= policy.maxAttempts) {
      this.#shutDown(new AscendexWsClosedError('connect', 'closed'));
      return;
    }
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** this.#attempt);
    const delayMs = Math.round(ceiling * this.#options.random());
    this.#attempt += 1;
    this.#setState(WsState.Reconnecting);
    this.#emit('reconnect', { attempt: this.#attempt, delayMs });
    this.#reconnectTimer = setTimeout(() => void this.#openSocket(), delayMs);
  }

  /** A fatal failure (authentication refused, no implementation): close and report it. */
  #fail(error: AscendexError): void {
    if (this.#firstConnect) {
      const first = this.#firstConnect;
      this.#firstConnect = undefined;
      first.reject(error);
    } else this.#emit('error', error);
    this.#shutDown(error);
  }

  #stopTimers(): void {
    clearInterval(this.#pingTimer);
    clearTimeout(this.#connectTimer);
    clearTimeout(this.#reconnectTimer);
  }

  #shutDown(cause: AscendexError): void {
    const socket = this.#socket;
    this.#generation += 1;
    this.#stopTimers();
    this.#socket = undefined;
    this.#setState(WsState.Closed);
    try {
      socket?.close(1000, 'closed');
    } catch {
      // already closed
    }
    for (const pending of [...this.#pending.values()])
      pending.reject(new AscendexWsClosedError(pending.operationId, 'closed'));
    for (const waiter of [...this.#readyWaiters]) waiter.reject(cause);
    for (const handle of [...this.#handles]) {
      if (handle.confirm) this.#refuse(handle, new AscendexWsClosedError('wsSubscribe', 'closed'));
      else this.#end(handle);
    }
    this.#firstConnect?.reject(cause);
    this.#firstConnect = undefined;
  }
}
