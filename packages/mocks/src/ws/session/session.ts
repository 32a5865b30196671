// One WebSocket session of the mock exchange, independent of the transport: MSW's `ws` handlers
// and the standalone server's `ws` sockets both bridge to it. It reads every client frame with the
// exchange-side profile and answers as the exchange does; the backend (when there is one) answers
// requests and publishes events. States: `idle` (created) -> `open` (greeted, keep-alive running)
// -> `closed` (by either side, at any point, during the handshake too; nothing is sent any more,
// and a session closed before it opened never listens to the backend).
//
// The parts: auth.ts (who the client is), subscriptions.ts (what it hears), keep-alive.ts (pings),
// outbox.ts (what leaves, with faults and the slow-reader bound), faults.ts, frames.ts.
import { parseClientMessage, type ExchangeClientMessage } from '@ascendex-toolkit/validators/exchange';
import { defaultAccount, type ExchangeEvent, type MockAccount, type WsSessionInfo } from '../../backend.js';
import { exampleReply, requestSpec } from '../replies.js';
import { authenticate, checkHeaderAuth } from './auth.js';
import { noFaults, sessionFaults, type WsFaultState } from './faults.js';
import { errorFrame, wsRefusals, type Frame } from './frames.js';
import { createKeepAlive } from './keep-alive.js';
import {
  DEFAULT_MAX_BUFFERED_BYTES,
  DEFAULT_MAX_FRAME_LENGTH,
  DEFAULT_MAX_PENDING_FRAMES,
  type WsClock,
  type WsSession,
  type WsSessionOptions,
  type WsSessionState,
} from './options.js';
import { createOutbox } from './outbox.js';
import { orderTopic, parseSubscription, privateChannels, Subscriptions } from './subscriptions.js';

/**
 * Creates a session bridged to a transport. Call `open()` once the connection is up, `receive()`
 * for each client text frame and `close()` when the transport closes.
 * @public
 */
export function createWsSession(options: WsSessionOptions): WsSession {
  const { backend } = options;
  const accounts = options.accounts ?? [defaultAccount];
  const accountGroup = options.accountGroup === undefined ? undefined : String(options.accountGroup);
  const maxFrameLength = options.maxFrameLength ?? DEFAULT_MAX_FRAME_LENGTH;
  const maxPendingFrames = options.maxPendingFrames ?? DEFAULT_MAX_PENDING_FRAMES;
  const clock: WsClock = {
    now: () => options.clock?.now?.() ?? backend?.now() ?? Date.now(),
    setTimeout: (callback, ms) => (options.clock?.setTimeout ?? globalThis.setTimeout)(callback, ms),
    clearTimeout: (handle) => (options.clock?.clearTimeout ?? globalThis.clearTimeout)(handle as number),
  };

  let state: WsSessionState = 'idle';
  let account: MockAccount | undefined;
  let ackMode: 'ready' | undefined;
  const subscriptions = new Subscriptions();
  const faultState: WsFaultState = { ...noFaults(), ...options.faults };
  const timers = new Set<unknown>();
  let stopListening: (() => void) | undefined;
  let queue: Promise<void> = Promise.resolve();
  let pending = 0;
  const isOpen = () => state === 'open';

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

  const outbox = createOutbox({
    faultState,
    isOpen,
    send: (text) => options.send(text),
    bufferedAmount: options.bufferedAmount ? () => options.bufferedAmount!() : undefined,
    maxBufferedBytes: options.maxBufferedBytes ?? DEFAULT_MAX_BUFFERED_BYTES,
    later,
    drop,
  });
  const { send, reply } = outbox;

  const keepAlive = createKeepAlive({
    pingIntervalMs: options.pingIntervalMs ?? 15_000,
    healthPoints: options.healthPoints ?? 2,
    clientPingGraceMs: options.clientPingGraceMs ?? 30_000,
    faultState,
    now: () => clock.now(),
    later,
    isOpen,
    send,
    close: closeWith,
  });

  function deliver(event: ExchangeEvent): void {
    if (state !== 'open' || !subscriptions.accepts(event)) return;
    if (event.kind === 'account') {
      const ids = account ? [account.cashAccountId, account.marginAccountId, account.userUID] : [];
      if (!ids.includes(event.accountId)) return;
      // Ready Ack mode: an order's first report comes as `New` to default sessions and as `Ready`
      // to sessions that asked for `ack: ready` (the backend marks which is which).
      if (event.ackMode !== undefined && event.ackMode !== (ackMode ?? 'new')) return;
    }
    outbox.sendEvent(event.message);
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
      return fail(wsRefusals.authNeeded, `Channel ${subscription.channel} needs an authenticated session`);
    let added = subscription.topics;
    if (subscription.channel === 'order') {
      const topic = orderTopic(subscription.account ?? '', account!);
      if (!topic) return fail(wsRefusals.invalid, `Unknown account ${subscription.account}`);
      added = [topic];
    }
    const unknown = backend?.hasSymbol ? subscription.symbols.find((s) => !backend.hasSymbol!(s)) : undefined;
    if (unknown !== undefined) return fail(wsRefusals.symbol, `Unable to handle symbol ${unknown}`);
    subscriptions.add(added, subscription.orderSymbol);
    reply({ m: 'sub', ...echo, ch, code: 0 });
  }

  function handleUnsubscribe(id: string | undefined, ch: string): void {
    subscriptions.unsubscribe(ch, account);
    reply({ m: 'unsub', ...(id === undefined ? {} : { id }), ch, code: 0 });
  }

  function handleRequest(request: ExchangeClientMessage): void {
    const value = request.value as Frame;
    const spec = requestSpec(request.name);
    if (spec?.requiresAuth && !account)
      return reply(
        errorFrame(wsRefusals.authNeeded, `Action ${String(value.action)} needs an authenticated session`, value.id),
      );
    const frames = backend?.handleWsRequest(request, info());
    if (frames) return reply(...frames);
    const example = exampleReply(request.name, value, account);
    if (example) return reply(example);
    reply(errorFrame(wsRefusals.invalid, `Invalid request action: ${String(value.action)}`, value.id));
  }

  /** A refused frame: sub/unsub refusals are acknowledged as failed (sub/unsub) when the channel is readable, anything else gets an error message. */
  function refuse(text: string, refusal: { code: number; reason: string; message: string }, id: string | undefined) {
    let raw: unknown;
    try {
      raw = text.length <= maxFrameLength ? JSON.parse(text) : undefined;
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
    keepAlive.heard();
    if (text.length > maxFrameLength)
      return reply(errorFrame(wsRefusals.invalid, `A frame may hold at most ${maxFrameLength} characters`, undefined));
    const parsed = parseClientMessage(text);
    if (!parsed.ok) return refuse(text, { ...parsed.refusal }, parsed.id);
    switch (parsed.name) {
      case 'WsPingRequest':
        keepAlive.clientPinged();
        if (!faultState.ignoreClientPings) reply({ m: 'pong', code: 0, ts: clock.now(), hp: keepAlive.hp });
        return;
      case 'WsPongRequest':
        return keepAlive.pong();
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

  return {
    get state() {
      return state;
    },
    get account() {
      return account;
    },
    topics: subscriptions.topics,
    faults: sessionFaults({ faultState, drop, sendRaw: outbox.sendRaw }),
    async open() {
      if (state !== 'idle') return;
      if (options.headers) {
        const outcome = await checkHeaderAuth(options.headers, {
          ...(backend ? { backend } : {}),
          accounts,
          accountGroup,
          clock,
        });
        // The client may have left while the signature was checked: a closed session stays closed.
        if (state !== 'idle') return;
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
      if (backend && state === 'open') stopListening = backend.subscribe(deliver);
      if (state === 'open') keepAlive.start();
    },
    receive(text) {
      if (state === 'closed') return Promise.resolve();
      // A client flooding faster than the session answers is dropped rather than queued without end.
      if (++pending > maxPendingFrames) {
        pending--;
        drop();
        return Promise.resolve();
      }
      queue = queue.then(() =>
        handle(text)
          .catch((e: unknown) => {
            reply(errorFrame(wsRefusals.server, e instanceof Error ? e.message : String(e), undefined));
          })
          .finally(() => void pending--),
      );
      return queue;
    },
    deliver,
    close() {
      if (state !== 'closed') shutDown();
      subscriptions.clear();
    },
  };
}
