// The WebSocket connection: one socket to the stream endpoint at a time, kept up by the parts of
// this folder, which it composes and nothing more:
//   states.ts        the states and the moves allowed between them
//   keep-alive.ts    pings out; any frame in proves the socket alive
//   reconnect.ts     backoff with jitter, and when to give up
//   auth.ts          the auth message or headers, signed with the corrected clock
//   subscriptions.ts the registry, restored after every reconnect, with bounded queues
//   requests.ts      ids, reply correlation, timeouts, everything settled when the socket goes
//   frames.ts        size limit, lossless parse, validation
//   socket-attempt.ts one socket's listeners, silenced once given up
//   options.ts       defaults, the URL, misuse refused up front
// Every timer comes from one WsScheduler (../scheduler.ts). Nothing thrown inside a socket
// handler escapes it; what cannot be read becomes an `invalid-frame` event.
import type { ServerMessage } from '@ascendex-toolkit/types';
import type { AscendexError, NamedServerMessage } from '@ascendex-toolkit/validators';
import { apiErrorFrom } from '../../core/api-error.js';
import { apiErrors } from '../../generated/errors.gen.js';
import { AscendexTimeoutError } from '../../core/errors.js';
import { wsChannels } from '../../generated/ws/channels.gen.js';
import { wsMessageKinds } from '../../generated/ws/message-kinds.gen.js';
import { wsRequests, type WsActionKey, type WsRequestKey } from '../../generated/ws/requests.gen.js';
import { Emitter } from '../emitter.js';
import { AscendexWsAuthError, AscendexWsClosedError, AscendexWsConnectError, AscendexWsUsageError } from '../errors.js';
import { Timer, type WsScheduler } from '../scheduler.js';
import { channelString } from '../topics.js';
import { withTime } from './auth.js';
import { readFrame } from './frames.js';
import { KeepAlive } from './keep-alive.js';
import { noImplementation, resolveOptions, type ResolvedOptions } from './options.js';
import { Reconnect } from './reconnect.js';
import { deferred, failureOf, PendingRequests, ReadyGate, type Deferred } from './requests.js';
import { SocketAttempt, transportDetail } from './socket-attempt.js';
import { stateStream, WsState, WsStateMachine } from './states.js';
import { Subscriptions, topicSetOf, type Handle } from './subscriptions.js';
import type {
  WsConnectionOptions,
  WsEvents,
  WsReply,
  WsRequestParams,
  WsSubscribeArgs,
  WsSubscribeChannel,
  WsSubscription,
  WsSubscriptionMessage,
} from './types.js';

/**
 * A WebSocket connection to the AscendEX stream, with keep-alive, reconnect, authentication,
 * subscriptions and requests.
 * @public
 */
export class WsConnection {
  readonly #o: ResolvedOptions;
  readonly #events = new Emitter<WsEvents>();
  readonly #machine = new WsStateMachine((change) => this.#events.emit('state', change));
  readonly #reconnect: Reconnect;
  readonly #keepAlive: KeepAlive;
  readonly #requests: PendingRequests;
  readonly #gate: ReadyGate;
  readonly #subscriptions: Subscriptions;
  /** The current socket's time to open and greet. */
  readonly #attemptTimer: Timer;
  readonly #reconnectTimer: Timer;
  /** The first `connect()`'s time to be ready. */
  readonly #deadline: Timer;
  #socket: SocketAttempt | undefined;
  /** Bumped for every socket, so that work begun for an old socket stops. */
  #generation = 0;
  /** Sockets tried since the connection was last ready. */
  #tries = 0;
  #lastFailure: AscendexWsConnectError | undefined;
  #authenticated = false;
  #everReady = false;
  /** The first `connect()` (before the connection was ever ready). */
  #opening: Deferred | undefined;

  constructor(options: WsConnectionOptions = {}) {
    const o = (this.#o = resolveOptions(options));
    this.#reconnect = new Reconnect(options.reconnect, o.random);
    this.#keepAlive = new KeepAlive({
      scheduler: o.scheduler,
      intervalMs: o.pingIntervalMs,
      maxMissed: o.maxMissedPongs,
      ping: () => this.#socket?.send({ op: 'ping' }),
      dead: () => this.#lost(this.#generation, { code: 4000, reason: 'no answer' }),
    });
    this.#requests = new PendingRequests(o.scheduler);
    this.#gate = new ReadyGate(o.scheduler);
    this.#attemptTimer = new Timer(o.scheduler);
    this.#reconnectTimer = new Timer(o.scheduler);
    this.#deadline = new Timer(o.scheduler);
    this.#subscriptions = new Subscriptions({
      maxQueued: o.maxQueued,
      overflow: ({ channel, topics, queue }) =>
        this.#events.emit('overflow', { channel, topics: [...topics], limit: o.maxQueued, dropped: queue.dropped }),
      returned: (h) => void this.#leave(h, false),
      unsubscribe: (h) => this.#leave(h, true),
    });
  }

  /** The current state. */
  get state(): WsState {
    return this.#machine.state;
  }

  /** The clock and timers it runs on (an order book followed over it uses them too). */
  get scheduler(): WsScheduler {
    return this.#o.scheduler;
  }

  /** Whether the session is authenticated (by message or headers). */
  get authenticated(): boolean {
    return this.#authenticated;
  }

  /** The subscriptions in force (restored after every reconnect). */
  get subscriptions(): readonly WsSubscription<unknown>[] {
    return [...this.#subscriptions].map((h) => this.#subscriptions.view(h));
  }

  /** Shows where it connects and its state, never the credentials. */
  toJSON(): { url: string; state: WsState; authenticated: boolean } {
    return { url: this.#o.shownUrl, state: this.state, authenticated: this.#authenticated };
  }

  /** Listens to an event; returns the function that stops listening. */
  on<E extends keyof WsEvents>(event: E, listener: (value: WsEvents[E]) => void): () => void {
    return this.#events.on(event, listener);
  }

  /** The state now and every change after it, until `closed` (or the loop breaks). */
  states(): AsyncIterableIterator<WsState> {
    return stateStream(this.state, (listener) => this.on('state', listener));
  }

  /**
   * Opens the connection; resolves once it is `ready` (greeted, and authenticated when credentials
   * were given). Rejects with AscendexWsAuthError when authentication fails, with
   * AscendexWsConnectError when it is not ready within `connectTimeoutMs` (a first connect then
   * stops trying and the connection is `idle` again), AscendexWsUsageError without a WebSocket
   * implementation, and AscendexWsClosedError once closed.
   */
  connect(): Promise<void> {
    if (this.state === WsState.Ready) return Promise.resolve();
    if (this.state === WsState.Closed) return Promise.reject(new AscendexWsClosedError('connect', 'closed'));
    if (!this.#o.WebSocket) return Promise.reject(new AscendexWsUsageError(noImplementation));
    if (this.#everReady) return this.#gate.wait(this.#o.connectTimeoutMs, () => this.#notReady());
    const opening = (this.#opening ??= deferred());
    if (this.state === WsState.Idle) {
      void this.#openSocket();
      // After the socket's own timer, so that a socket failing at the same moment is reported first.
      this.#deadline.start(this.#o.connectTimeoutMs, () => this.#toIdle(this.#notReady()));
    }
    return opening.promise;
  }

  /** Closes the connection for good: subscriptions end, waiting requests reject with AscendexWsClosedError. */
  async close(): Promise<void> {
    if (this.state !== WsState.Closed) this.#shutDown(new AscendexWsClosedError('close', 'closed'));
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
    const set = topicSetOf(channel, args as unknown as readonly unknown[]);
    if (wsChannels[set.channel].requiresAuth && !this.#o.auth)
      throw new AscendexWsUsageError(`${channel}: the channel needs an authenticated session (give apiKey and secret)`);
    if (!this.#o.WebSocket) throw new AscendexWsUsageError(noImplementation);
    if (this.state === WsState.Closed) throw new AscendexWsClosedError('wsSubscribe', 'closed');
    const handle = this.#subscriptions.add(channel, set);
    const confirmed = new Promise<void>((resolve, reject) => (handle.confirm = { resolve, reject }));
    const timer = new Timer(this.#o.scheduler);
    const timeoutMs = this.#o.requestTimeoutMs;
    timer.start(timeoutMs, () =>
      this.#subscriptions.refuse(handle, new AscendexTimeoutError('wsSubscribe', timeoutMs)),
    );
    try {
      if (this.state === WsState.Idle) void this.connect().catch(() => undefined);
      if (this.state === WsState.Ready) this.#sendSubscribe(handle);
      // Otherwise `ready` sends it with the others.
      await confirmed;
    } finally {
      timer.stop();
    }
    return this.#subscriptions.view(handle) as WsSubscription<WsSubscriptionMessage<C, A>>;
  }

  /**
   * Unsubscribes by pattern, as the exchange reads it: `depth:*` or `depth` (every depth topic),
   * `bar:1` (every 1-minute bar), `bar:*:BTC/USDT`, `order:cash`. Subscriptions lose the topics it
   * names and end when none is left.
   */
  async unsubscribe(pattern: string): Promise<void> {
    this.#subscriptions.removeMatching(pattern);
    if (this.state === WsState.Ready) await this.#send('unsub', { op: 'unsub', ch: pattern });
  }

  /**
   * Sends an `op: req` request and resolves with its reply: `request('depth-snapshot', { symbol })`,
   * `request('place-order', { account: 'cash', symbol, ... })` (`time` filled in from the clock when
   * left out, as REST does). A failure reply rejects with the error class of its code; no reply
   * within the timeout rejects with AscendexTimeoutError; a lost connection with
   * AscendexWsClosedError. Waits for `ready` first (within the same timeout).
   */
  async request<A extends WsActionKey>(
    action: A,
    params: WsRequestParams<A>,
    options: { timeoutMs?: number } = {},
  ): Promise<WsReply<A>> {
    if (wsRequests[action].requiresAuth && !this.#o.auth)
      throw new AscendexWsUsageError(`${action}: the request needs an authenticated session (give apiKey and secret)`);
    if (!this.#o.WebSocket) throw new AscendexWsUsageError(noImplementation);
    const { account, ...args } = params as { account?: unknown } & Record<string, unknown>;
    const frame = {
      op: 'req',
      action,
      ...(account === undefined ? {} : { account }),
      args: withTime(action, args, this.#o.now),
    };
    return (await this.#send(action, frame, options.timeoutMs)) as WsReply<A>;
  }

  // ---- subscriptions and requests ------------------------------------------------------------

  #sendSubscribe(handle: Handle): void {
    this.#send('sub', { op: 'sub', ch: channelString(handle.set, handle.topics) }).then(
      () => {
        const confirm = handle.confirm;
        handle.confirm = undefined;
        confirm?.resolve();
      },
      (error: unknown) => {
        // A lost connection is not a refusal: `ready` sends it again.
        if (!handle.active || (error instanceof AscendexWsClosedError && error.reason === 'connection-lost')) return;
        if (!this.#subscriptions.refuse(handle, error)) this.#events.emit('error', error as AscendexError);
      },
    );
  }

  /** Ends a subscription here and takes its topics off the wire (`wait`: until the server acknowledged). */
  async #leave(handle: Handle, wait: boolean): Promise<void> {
    if (!handle.active) return;
    this.#subscriptions.end(handle);
    const leave = this.#subscriptions.leaving(handle);
    if (leave.length === 0 || this.state !== WsState.Ready) return;
    const sent = this.#send('unsub', { op: 'unsub', ch: channelString(handle.set, leave) });
    if (wait) return void (await sent);
    sent.catch((error: unknown) => {
      if (!(error instanceof AscendexWsClosedError)) this.#events.emit('error', error as AscendexError);
    });
  }

  /** Sends a request frame (with an `id`) once ready, and resolves with its reply. */
  async #send(
    key: WsRequestKey,
    frame: Record<string, unknown>,
    timeoutMs = this.#o.requestTimeoutMs,
  ): Promise<ServerMessage> {
    const { operationId } = wsRequests[key];
    const deadline = this.#o.scheduler.now() + timeoutMs;
    // Authentication runs before `ready`; everything else waits for it.
    if (key !== 'auth' && this.state !== WsState.Ready) {
      if (this.state === WsState.Closed) throw new AscendexWsClosedError(operationId, 'closed');
      if (this.state === WsState.Idle) void this.connect().catch(() => undefined);
      await this.#gate.wait(timeoutMs, () => new AscendexTimeoutError(operationId, timeoutMs));
    }
    const socket = this.#socket;
    if (!socket)
      throw new AscendexWsClosedError(operationId, this.state === WsState.Closed ? 'closed' : 'connection-lost');
    const { message, reply } = this.#requests.open(key, frame, deadline - this.#o.scheduler.now());
    socket.send(message);
    return reply;
  }

  // ---- the socket ----------------------------------------------------------------------------

  async #openSocket(): Promise<void> {
    const generation = ++this.#generation;
    const o = this.#o;
    this.#tries += 1;
    this.#machine.to(WsState.Connecting);
    this.#authenticated = false;
    this.#attemptTimer.start(o.connectTimeoutMs, () =>
      this.#openFailed(generation, `no greeting within ${o.connectTimeoutMs} ms`),
    );
    try {
      const headers = o.auth && o.authMode === 'headers' ? await o.auth.headers() : undefined;
      if (generation !== this.#generation) return;
      this.#socket = new SocketAttempt(o.WebSocket!, o.url, headers, o.maxFrameSize, {
        heard: () => this.#keepAlive.heard(), // any frame proves the socket alive
        text: (text) => this.#onText(generation, text),
        unreadable: (error, length) => this.#events.emit('invalid-frame', { error, length }),
        closed: (code, reason) => this.#onClose(generation, code, reason),
      });
    } catch (error) {
      this.#openFailed(generation, transportDetail({ error }) ?? 'the socket could not be created');
    }
  }

  #onText(generation: number, text: string): void {
    try {
      const outcome = readFrame(text, { validate: this.#o.validate, maxFrameSize: this.#o.maxFrameSize });
      if (!outcome.ok) {
        this.#events.emit('invalid-frame', { error: outcome.error, length: outcome.length });
        // A ping the schema refuses is still a ping.
        if (outcome.keepAlive === 'ping') this.#socket?.send({ op: 'pong' });
        return;
      }
      this.#events.emit('message', outcome.named);
      this.#dispatch(generation, outcome.named);
    } catch (error) {
      this.#events.emit('error', error as AscendexError); // nothing escapes the socket handler
    }
  }

  #dispatch(generation: number, { name, message }: NamedServerMessage): void {
    const kind = wsMessageKinds[name];
    if (kind.kind === 'data') return this.#subscriptions.deliver(kind.channel, name, message);
    switch (name) {
      case 'ConnectedMessage':
        return void this.#onGreeting(generation, message.type === 'auth');
      case 'ServerPingMessage':
        return this.#socket?.send({ op: 'pong' });
      case 'ServerPongMessage':
        return; // proof of life, counted on arrival
      default:
        break; // a reply to a request, or a failure: below
    }
    if (kind.kind === 'reply' && this.#requests.settle(message, kind.answers)) return;
    const failure = failureOf(message as unknown as Record<string, unknown>);
    if (failure) this.#events.emit('error', apiErrorFrom(apiErrors, failure, { operationId: 'ws', status: 0 }));
  }

  async #onGreeting(generation: number, authenticatedByHeaders: boolean): Promise<void> {
    if (this.state !== WsState.Connecting) return;
    const { auth, authMode } = this.#o;
    this.#attemptTimer.stop();
    this.#machine.to(WsState.Open);
    this.#keepAlive.start();
    this.#authenticated = authenticatedByHeaders;
    if (auth && !this.#authenticated) {
      if (authMode === 'headers')
        return this.#fail(new AscendexWsAuthError(undefined, 'the server greeted the session as unauthenticated'));
      this.#machine.to(WsState.Authenticating);
      try {
        const frame = await auth.message();
        if (generation !== this.#generation) return;
        await this.#send('auth', frame);
      } catch (error) {
        if (generation !== this.#generation) return;
        if (error instanceof AscendexWsAuthError) return this.#fail(error);
        return this.#lost(generation, { code: 4000, reason: 'no answer to auth' }); // try a new socket
      }
      if (generation !== this.#generation) return;
      this.#authenticated = true;
    }
    this.#becomeReady();
  }

  #becomeReady(): void {
    this.#attemptTimer.stop();
    this.#deadline.stop();
    this.#reconnect.reset();
    this.#tries = 0;
    this.#lastFailure = undefined;
    this.#everReady = true;
    this.#machine.to(WsState.Ready);
    for (const handle of this.#subscriptions) this.#sendSubscribe(handle);
    this.#gate.open();
    this.#opening?.resolve();
    this.#opening = undefined;
  }

  #onClose(generation: number, code: number, reason: string): void {
    if (generation !== this.#generation) return;
    const socket = this.#socket;
    if (socket?.opened) this.#events.emit('close', { url: this.#o.shownUrl, code, reason, by: 'server' });
    if (this.state !== WsState.Connecting) return this.#lost(generation);
    // The exchange refuses a header-authenticated upgrade with a policy close before the greeting.
    if (this.#o.auth && this.#o.authMode === 'headers' && code === 1008)
      return this.#fail(new AscendexWsAuthError(undefined, reason || 'the upgrade was refused'));
    this.#openFailed(generation, socket?.lastError ?? `closed with ${code}${reason ? ` (${reason})` : ''}`, code);
  }

  /** A socket that never got to the greeting: report it, then carry on as if it was lost. */
  #openFailed(generation: number, detail: string, code?: number): void {
    if (generation !== this.#generation) return;
    this.#lastFailure = new AscendexWsConnectError(this.#o.shownUrl, this.#tries, detail, code);
    this.#events.emit('error', this.#lastFailure);
    this.#lost(generation, code === undefined ? { code: 4000, reason: 'no greeting' } : undefined);
  }

  /** The error of a connect() not ready in time. */
  #notReady(): AscendexWsConnectError {
    const last = this.#lastFailure;
    const detail = `not ready within ${this.#o.connectTimeoutMs} ms${last ? `; last failure: ${last.detail}` : ''}`;
    return new AscendexWsConnectError(this.#o.shownUrl, this.#tries, detail, last?.code);
  }

  /** Forgets the current socket (its late events are ignored); closes it when `close` is given. */
  #detach(close?: { code: number; reason: string }): void {
    const socket = this.#socket;
    this.#generation += 1;
    this.#socket = undefined;
    this.#authenticated = false;
    this.#keepAlive.stop();
    this.#attemptTimer.stop();
    socket?.detach(close);
    if (socket?.opened && close) this.#events.emit('close', { url: this.#o.shownUrl, ...close, by: 'client' });
  }

  /** The socket is gone (or given up, when `close` is given): reject what waited on it, then reconnect or close. */
  #lost(generation: number, close?: { code: number; reason: string }): void {
    if (generation !== this.#generation || this.state === WsState.Closed || this.state === WsState.Idle) return;
    this.#detach(close);
    this.#requests.rejectAll((operationId) => new AscendexWsClosedError(operationId, 'connection-lost'));
    const delayMs = this.#reconnect.next();
    if (delayMs === undefined) {
      const error = !this.#everReady && this.#lastFailure;
      return this.#shutDown(error || new AscendexWsClosedError('connect', 'closed'));
    }
    this.#machine.to(WsState.Reconnecting);
    this.#events.emit('reconnect', { attempt: this.#reconnect.attempts, delayMs });
    this.#reconnectTimer.start(delayMs, () => void this.#openSocket());
  }

  /** A fatal failure (authentication refused): close and report it. */
  #fail(error: AscendexError): void {
    if (!this.#opening) this.#events.emit('error', error);
    this.#shutDown(error);
  }

  /** The first connect() was not ready in time: stop trying; `connect()` may start again. */
  #toIdle(error: AscendexError): void {
    this.#detach({ code: 1000, reason: 'connect timeout' });
    this.#reconnectTimer.stop();
    this.#reconnect.reset();
    this.#tries = 0;
    this.#machine.to(WsState.Idle);
    this.#settleAll(error, 'connection-lost');
    this.#opening?.reject(error);
    this.#opening = undefined;
  }

  #shutDown(cause: AscendexError): void {
    this.#detach({ code: 1000, reason: 'closed' });
    this.#reconnectTimer.stop();
    this.#deadline.stop();
    this.#machine.to(WsState.Closed);
    this.#settleAll(cause, 'closed');
    this.#opening?.reject(cause);
    this.#opening = undefined;
  }

  /** Rejects every waiting request and caller; subscriptions end (those still unconfirmed with the error). */
  #settleAll(cause: AscendexError, reason: 'connection-lost' | 'closed'): void {
    this.#requests.rejectAll((operationId) => new AscendexWsClosedError(operationId, reason));
    this.#gate.fail(cause);
    for (const handle of [...this.#subscriptions]) {
      if (handle.confirm) this.#subscriptions.refuse(handle, cause);
      else this.#subscriptions.end(handle);
    }
  }
}
