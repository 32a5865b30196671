// One WebSocket session of the mock exchange, independent of the transport: MSW's `ws` handlers
// and the standalone server's `ws` sockets both bridge to it. It reads every client frame with the
// exchange-side profile and answers as the exchange does; the backend (when there is one) answers
// requests and publishes events. States: `idle` (created) -> `open` (greeted, keep-alive running)
// -> `closed` (by either side; nothing is sent any more).
import { stringifyJson } from '@ascendex-toolkit/validators';
import { parseClientMessage, type ExchangeClientMessage } from '@ascendex-toolkit/validators/exchange';
import { errorCatalog, type KnownErrorCode, type ServerMessage } from '@ascendex-toolkit/types';
import { checkSignature } from '@ascendex-toolkit/validators/auth';
import {
  defaultAccount,
  type ExchangeEvent,
  type MockAccount,
  type MockBackend,
  type WsSessionInfo,
} from '../backend.js';
import { orderTopic, parseSubscription, privateChannels, unsubscribeMatcher } from './channels.js';
import { noFaults, sessionFaults, type WsFaultState, type WsFaults, type WsLastingFaults } from './faults.js';
import { exampleReply, requestSpec } from './replies.js';

/** Where the session sends frames: a MSW client connection or a server socket. @public */
export interface WsTransport {
  /** Sends one text frame. */
  send(text: string): void;
  /** Closes the connection with a close frame. */
  close(code: number, reason: string): void;
  /** Drops the connection without a close handshake (e.g. `ws`'s `terminate()`); when absent, `close(1006, '')`. */
  drop?(): void;
}

/** Timers and time; the defaults are the global ones, looked up at each call so that fake timers work. @public */
export interface WsClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The `x-auth-*` headers of the connection request, for transports that can read them. @public */
export interface WsAuthHeaders {
  readonly 'x-auth-key'?: string | undefined;
  readonly 'x-auth-timestamp'?: string | undefined;
  readonly 'x-auth-signature'?: string | undefined;
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
}

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
  /** Checks the headers (if any), sends the greeting and starts the keep-alive; resolves when greeted. */
  open(): Promise<void>;
  /** Handles one client text frame; frames are handled in order, and the promise resolves once this one is answered. */
  receive(text: string): Promise<void>;
  /** Sends an event to this session if it is subscribed to its topic (events of the backend arrive by themselves). */
  deliver(event: ExchangeEvent): void;
  /** The transport closed (the client left): stops timers and listening. Idempotent. */
  close(): void;
}

/** An error reply's code and reason, from the error catalog. */
const refusal = (code: KnownErrorCode) => ({ code, reason: errorCatalog[code].reason ?? '' });
const refusals = {
  invalid: refusal(100005),
  symbol: refusal(100008),
  authNeeded: refusal(100009),
  authFailed: refusal(200001),
  accountNotFound: refusal(200006),
  server: refusal(510001),
};

type Frame = Record<string, unknown>;
type AuthOutcome = { ok: true; account: MockAccount } | { ok: false; code: number; err: string };

/** Finds the account of an API key and checks a `<t>+stream` signature as the exchange does. */
async function authenticate(
  input: { key: string; timestamp: string; signature: string },
  context: { backend?: MockBackend; accounts: readonly MockAccount[]; accountGroup: string | undefined; now: number },
): Promise<AuthOutcome> {
  if (context.accountGroup === undefined)
    return { ok: false, ...refusals.authFailed, err: 'Authentication needs the account-group URL' };
  const account = context.backend?.account(input.key) ?? context.accounts.find((a) => a.apiKey === input.key);
  if (!account || String(account.accountGroup) !== context.accountGroup)
    return { ok: false, code: refusals.accountNotFound.code, err: 'Unable to find User Account Data' };
  const problem = await checkSignature({
    secret: account.secret,
    timestamp: input.timestamp,
    signature: input.signature,
    prehashes: ['stream'],
    now: context.now,
  });
  if (problem) return { ok: false, code: refusals.authFailed.code, err: `Authentication failed: ${problem} signature` };
  return { ok: true, account };
}

/**
 * Checks the `x-auth-*` headers of a connection request, for a server that refuses the upgrade
 * when they are wrong (as the exchange does). Resolves to `undefined` when no header is present.
 * @public
 */
export async function checkHeaderAuth(
  headers: WsAuthHeaders,
  options: Pick<WsSessionOptions, 'backend' | 'accounts' | 'accountGroup' | 'clock'> = {},
): Promise<AuthOutcome | undefined> {
  const key = headers['x-auth-key'];
  const timestamp = headers['x-auth-timestamp'];
  const signature = headers['x-auth-signature'];
  if (key === undefined && timestamp === undefined && signature === undefined) return undefined;
  const now = options.clock?.now?.() ?? options.backend?.now() ?? Date.now();
  return authenticate(
    { key: key ?? '', timestamp: timestamp ?? '', signature: signature ?? '' },
    {
      ...(options.backend ? { backend: options.backend } : {}),
      accounts: options.accounts ?? [defaultAccount],
      accountGroup: options.accountGroup === undefined ? undefined : String(options.accountGroup),
      now,
    },
  );
}

/** `n + k` for a sequence number that may be a bigint (above 2^53). */
function addToSeqnum(n: unknown, k: number): unknown {
  if (typeof n === 'bigint') return n + BigInt(k);
  if (typeof n !== 'number') return n;
  return Number.isSafeInteger(n + k) ? n + k : BigInt(n) + BigInt(k);
}

/**
 * Creates a session bridged to a transport. Call `open()` once the connection is up, `receive()`
 * for each client text frame and `close()` when the transport closes.
 * @public
 */
export function createWsSession(options: WsSessionOptions): WsSession {
  const { backend } = options;
  const accounts = options.accounts ?? [defaultAccount];
  const accountGroup = options.accountGroup === undefined ? undefined : String(options.accountGroup);
  const pingIntervalMs = options.pingIntervalMs ?? 15_000;
  const healthPoints = options.healthPoints ?? 2;
  const clientPingGraceMs = options.clientPingGraceMs ?? 30_000;
  const clock: WsClock = {
    now: () => options.clock?.now?.() ?? backend?.now() ?? Date.now(),
    setTimeout: (callback, ms) => (options.clock?.setTimeout ?? globalThis.setTimeout)(callback, ms),
    clearTimeout: (handle) => (options.clock?.clearTimeout ?? globalThis.clearTimeout)(handle as number),
  };

  let state: WsSessionState = 'idle';
  let account: MockAccount | undefined;
  let ackMode: 'ready' | undefined;
  const topics = new Set<string>();
  const faultState: WsFaultState = { ...noFaults(), ...options.faults };
  /** Per-symbol offset added to depth seqnums after `skipDepthSeqnum`. */
  const depthOffsets = new Map<string, number>();
  const timers = new Set<unknown>();
  let stopListening: (() => void) | undefined;
  let queue: Promise<void> = Promise.resolve();
  // Keep-alive: points left, whether the last server ping is unanswered, whether the client spoke since the last check.
  let hp = healthPoints;
  let awaitingPong = false;
  let heardFromClient = false;
  let quietUntil = 0;

  const info = (): WsSessionInfo => ({ account, ...(ackMode ? { ackMode } : {}) });

  function later(ms: number, callback: () => void): void {
    const handle = clock.setTimeout(() => {
      timers.delete(handle);
      callback();
    }, ms);
    timers.add(handle);
  }

  function shutDown(): void {
    state = 'closed';
    for (const handle of timers) clock.clearTimeout(handle);
    timers.clear();
    stopListening?.();
    stopListening = undefined;
  }

  function drop(): void {
    if (state === 'closed') return;
    shutDown();
    if (options.drop) options.drop();
    else options.close(1006, '');
  }

  function closeWith(code: number, reason: string): void {
    if (state === 'closed') return;
    shutDown();
    options.close(code, reason);
  }

  /** Sends a text frame, counting it towards a planned drop. */
  function sendRaw(text: string): void {
    if (state !== 'open') return;
    options.send(text);
    if (faultState.dropAfter !== undefined && --faultState.dropAfter <= 0) {
      faultState.dropAfter = undefined;
      drop();
    }
  }
  const send = (frame: unknown): void => sendRaw(stringifyJson(frame));

  /** Sends the answer to a client message, late when `delayReplies` is in force. */
  function reply(...frames: readonly unknown[]): void {
    const delay = faultState.replyDelayMs;
    if (delay > 0) later(delay, () => frames.forEach(send));
    else frames.forEach(send);
  }

  const errorFrame = (refusal: { code: number; reason: string }, detail: string, id: unknown): Frame => ({
    m: 'error',
    ...(typeof id === 'string' ? { id } : {}),
    code: refusal.code,
    reason: refusal.reason,
    info: detail,
  });

  function sendDepth(message: ServerMessage): void {
    const frame = structuredClone(message) as Frame & { symbol?: string; data?: Frame };
    const symbol = String(frame.symbol);
    if (faultState.skipNextDepthSeqnum) {
      faultState.skipNextDepthSeqnum = false;
      depthOffsets.set(symbol, (depthOffsets.get(symbol) ?? 0) + 1);
    }
    const offset = depthOffsets.get(symbol) ?? 0;
    if (offset && frame.data) frame.data.seqnum = addToSeqnum(frame.data.seqnum, offset);
    send(frame);
    if (faultState.duplicateNextDepth) {
      faultState.duplicateNextDepth = false;
      send(frame);
    }
  }

  function deliver(event: ExchangeEvent): void {
    if (state !== 'open' || !topics.has(event.topic)) return;
    if (event.kind === 'account') {
      const ids = account ? [account.cashAccountId, account.marginAccountId, account.userUID] : [];
      if (!ids.includes(event.accountId)) return;
      // Ready Ack mode: an order's first report comes as `New` to default sessions and as `Ready`
      // to sessions that asked for `ack: ready` (the backend marks which is which).
      if (event.ackMode !== undefined && event.ackMode !== (ackMode ?? 'new')) return;
    }
    if ((event.message as { m?: unknown }).m === 'depth') sendDepth(event.message);
    else send(event.message);
  }

  function checkAlive(): void {
    if (state !== 'open') return;
    later(pingIntervalMs, checkAlive);
    if (heardFromClient) {
      heardFromClient = false;
      awaitingPong = false;
      hp = healthPoints;
      return;
    }
    if (faultState.stopServerPings || clock.now() < quietUntil) return;
    if (awaitingPong) hp -= 1;
    if (hp <= 0) {
      send({
        m: 'disconnected',
        code: refusals.invalid.code,
        reason: refusals.invalid.reason,
        info: 'Session is disconnected due to missing pong message from the client',
      });
      closeWith(1000, 'missing pong');
      return;
    }
    awaitingPong = true;
    send({ m: 'ping', hp });
  }

  async function handleAuth(message: Extract<ExchangeClientMessage, { name: 'WsAuthRequest' }>['value']) {
    const outcome = await authenticate(
      { key: message.key, timestamp: String(message.t), signature: message.sig },
      { ...(backend ? { backend } : {}), accounts, accountGroup, now: clock.now() },
    );
    const id = message.id === undefined ? {} : { id: message.id };
    if (!outcome.ok) return reply({ m: 'auth', ...id, code: outcome.code, err: outcome.err });
    account = outcome.account;
    if (message.ack) ackMode = message.ack;
    reply({ m: 'auth', ...id, code: 0, ...(message.ack ? { ack: message.ack } : {}) });
  }

  function handleSubscribe(id: string | undefined, ch: string): void {
    const echo = id === undefined ? {} : { id };
    const fail = (refusal: { code: number }, reason: string) =>
      reply({ m: 'sub', ...echo, ch, code: refusal.code, reason });
    const subscription = parseSubscription(ch);
    if (privateChannels.has(subscription.channel) && !account)
      return fail(refusals.authNeeded, `Channel ${subscription.channel} needs an authenticated session`);
    let added = subscription.topics;
    if (subscription.channel === 'order') {
      const topic = orderTopic(subscription.account ?? '', account!);
      if (!topic) return fail(refusals.invalid, `Unknown account ${subscription.account}`);
      added = [topic];
    }
    const unknown = backend?.hasSymbol ? subscription.symbols.find((s) => !backend.hasSymbol!(s)) : undefined;
    if (unknown !== undefined) return fail(refusals.symbol, `Unable to handle symbol ${unknown}`);
    for (const topic of added) topics.add(topic);
    reply({ m: 'sub', ...echo, ch, code: 0 });
  }

  function handleUnsubscribe(id: string | undefined, ch: string): void {
    const matches = unsubscribeMatcher(ch, account);
    for (const topic of [...topics]) if (matches(topic)) topics.delete(topic);
    reply({ m: 'unsub', ...(id === undefined ? {} : { id }), ch, code: 0 });
  }

  function handleRequest(request: ExchangeClientMessage): void {
    const value = request.value as Frame;
    const spec = requestSpec(request.name);
    if (spec?.requiresAuth && !account)
      return reply(
        errorFrame(refusals.authNeeded, `Action ${String(value.action)} needs an authenticated session`, value.id),
      );
    const frames = backend?.handleWsRequest(request, info());
    if (frames) return reply(...frames);
    const example = exampleReply(request.name, value, account);
    if (example) return reply(example);
    reply(errorFrame(refusals.invalid, `Invalid request action: ${String(value.action)}`, value.id));
  }

  /** A refused frame: sub/unsub refusals are acknowledged as failed (sub/unsub) when the channel is readable, anything else gets an error message. */
  function refuse(
    text: string,
    refusal: { code: number; reason: string; message: string },
    id: string | undefined,
  ): void {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      raw = undefined;
    }
    const { op, ch } = (typeof raw === 'object' && raw !== null ? raw : {}) as Frame;
    if ((op === 'sub' || op === 'unsub') && typeof ch === 'string')
      return reply({
        m: op,
        ...(id === undefined ? {} : { id }),
        ch,
        code: refusal.code,
        reason: refusal.reason,
        info: refusal.message,
      });
    reply(errorFrame(refusal, refusal.message, id));
  }

  async function handle(text: string): Promise<void> {
    if (state !== 'open') return;
    heardFromClient = true;
    const parsed = parseClientMessage(text);
    if (!parsed.ok) return refuse(text, parsed.refusal, parsed.id);
    switch (parsed.name) {
      case 'WsPingRequest':
        quietUntil = clock.now() + clientPingGraceMs;
        if (!faultState.ignoreClientPings) reply({ m: 'pong', code: 0, ts: clock.now(), hp });
        return;
      case 'WsPongRequest':
        awaitingPong = false;
        hp = healthPoints;
        return;
      case 'WsAuthRequest':
        return handleAuth(parsed.value);
      case 'WsSubscribeRequest':
        return handleSubscribe(parsed.value.id, parsed.value.ch);
      case 'WsUnsubscribeRequest':
        return handleUnsubscribe(parsed.value.id, parsed.value.ch);
      default:
        return handleRequest(parsed);
    }
  }

  const session: WsSession = {
    get state() {
      return state;
    },
    get account() {
      return account;
    },
    topics,
    faults: sessionFaults({ faultState, drop, sendRaw }),
    async open() {
      if (state !== 'idle') return;
      if (options.headers) {
        const outcome = await checkHeaderAuth(options.headers, {
          ...(backend ? { backend } : {}),
          accounts,
          accountGroup,
          clock,
        });
        if (outcome && !outcome.ok) {
          state = 'closed';
          options.close(1008, outcome.err);
          return;
        }
        if (outcome?.ok) account = outcome.account;
      }
      state = 'open';
      const type = account ? 'auth' : 'unauth';
      send(options.greeting === 'op' ? { op: 'connected', type } : { m: 'connected', type });
      if (backend) stopListening = backend.subscribe(deliver);
      later(pingIntervalMs, checkAlive);
    },
    receive(text) {
      queue = queue.then(() =>
        handle(text).catch((e: unknown) => {
          reply(errorFrame(refusals.server, e instanceof Error ? e.message : String(e), undefined));
        }),
      );
      return queue;
    },
    deliver,
    close() {
      if (state !== 'closed') shutDown();
    },
  };
  return session;
}
