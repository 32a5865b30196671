// The WebSocket half of the check: one connection through the client's WsConnection with
// validation off (so that frames with bad fields still arrive, named by their kind), every public
// channel subscribed for a while, the public `req` actions sent, and every frame validated here
// with validateServerMessage. Frames of an unknown kind or not JSON arrive as `invalid-frame`.
import { AscendexWsAuthError, WsConnection, type WebSocketConstructor } from '@ascendex-toolkit/client/ws';
import { UnknownMessageError, ValidationError, validateServerMessage } from '@ascendex-toolkit/validators';
import { showValue, type DifferenceLog } from './difference.js';
import { describeError, type CallFailure } from './failure.js';

/** @public */
export interface WsCheckOptions {
  /** The stream's origin, e.g. `wss://ascendex.com`. */
  readonly wsUrl: string;
  readonly symbol: string;
  readonly asset: string;
  /** How long to listen to the subscriptions, ms. */
  readonly listenMs: number;
  readonly apiKey?: string | undefined;
  readonly secret?: string | undefined;
  /** Needed with keys: the account-group stream URL. */
  readonly accountGroup?: number | undefined;
  readonly timeoutMs?: number | undefined;
}

export interface WsOutcome {
  readonly reached: boolean;
  /** Subscriptions and requests made: `sub depth:BTC/USDT`, `req depth-snapshot`. */
  readonly checked: string[];
  /** Frames validated, by message kind. */
  readonly messages: Record<string, number>;
  readonly failures: CallFailure[];
  /** Channels that sent nothing while listened to (not a difference: a quiet market is possible). */
  readonly silent: string[];
  /** Channels not checked, and why (the authenticated ones when the session could not authenticate). */
  readonly skipped: { readonly subject: string; readonly reason: string }[];
  /** Why the stream could not be reached (the URL and the transport's error), when it could not. */
  readonly unreachable?: string;
}

/** The global WebSocket where the runtime has one (Node 22+, browsers), else the `ws` package's. */
async function webSocketClass(): Promise<WebSocketConstructor> {
  const global = (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
  if (global) return global;
  const { WebSocket } = await import('ws');
  return WebSocket as unknown as WebSocketConstructor;
}

/** The channels only an authenticated session may subscribe to. */
const privateChannels = (symbol: string) => [`depth-realtime:${symbol}`, 'order:cash'];

/** Runs the WebSocket half; differences go to `log`. */
export async function checkWs(options: WsCheckOptions, log: DifferenceLog): Promise<WsOutcome> {
  const keys = options.apiKey !== undefined && options.secret !== undefined;
  const outcome: WsOutcome = { reached: true, checked: [], messages: {}, failures: [], silent: [], skipped: [] };
  const skipPrivate = (reason: string) => {
    for (const subject of privateChannels(options.symbol)) outcome.skipped.push({ subject, reason });
  };
  // Keys without an account group (its lookup failed): the authenticated channels cannot be asked for.
  if (keys && options.accountGroup === undefined)
    skipPrivate('no authenticated session: the account group is unknown (getAccountInfo failed)');
  let signed = keys && options.accountGroup !== undefined;
  let connection = await openConnection(options, signed);
  try {
    await connection.connect();
  } catch (error) {
    await connection.close();
    if (!(error instanceof AscendexWsAuthError)) {
      const url = (error as { url?: unknown }).url;
      const where = typeof url === 'string' ? url : options.wsUrl;
      return { ...outcome, reached: false, unreachable: `${where}: ${describeError(error)}` };
    }
    // The stream answered but refused the key: said as a failure, and the public channels checked
    // on a session of their own.
    outcome.failures.push({ subject: 'ws auth', problem: describeError(error) });
    skipPrivate('authentication was refused');
    signed = false;
    connection = await openConnection(options, false);
    try {
      await connection.connect();
    } catch (again) {
      await connection.close();
      return { ...outcome, reached: false, unreachable: `${options.wsUrl}: ${describeError(again)}` };
    }
  }
  return listen(connection, options, signed, outcome, log);
}

async function openConnection(options: WsCheckOptions, signed: boolean): Promise<WsConnection> {
  return new WsConnection({
    baseUrl: options.wsUrl,
    WebSocket: await webSocketClass(),
    validate: false,
    reconnect: false,
    requestTimeoutMs: options.timeoutMs ?? 10_000,
    connectTimeoutMs: options.timeoutMs ?? 10_000,
    ...(signed ? { apiKey: options.apiKey, secret: options.secret, accountGroup: options.accountGroup } : {}),
  });
}

/** Subscribes, sends the requests and listens on a ready connection, then closes it. */
async function listen(
  connection: WsConnection,
  options: WsCheckOptions,
  signed: boolean,
  outcome: WsOutcome,
  log: DifferenceLog,
): Promise<WsOutcome> {
  const topicsHeard = new Set<string>();

  connection.on('message', ({ name, message }) => {
    const result = validateServerMessage(message);
    if (result.ok) outcome.messages[name] = (outcome.messages[name] ?? 0) + 1;
    else if (result.error instanceof ValidationError) log.addIssues('ws', name, result.error, message);
    const m = message as { m?: unknown; symbol?: unknown; s?: unknown };
    if (typeof m.m === 'string') topicsHeard.add(m.m);
  });
  connection.on('invalid-frame', ({ error, length }) => {
    if (error instanceof UnknownMessageError) {
      const [key, value] = Object.entries(error.discriminators).find(([, v]) => v !== undefined) ?? ['', undefined];
      log.add({
        transport: 'ws',
        subject: 'unknown message',
        pointer: key ? `/${key}` : '',
        problem: 'is no message kind of the spec',
        value: showValue(value),
      });
    } else {
      log.add({
        transport: 'ws',
        subject: 'frame',
        pointer: '',
        problem: describeError(error),
        value: `(${length} characters)`,
      });
    }
  });
  connection.on('error', (error) => outcome.failures.push({ subject: 'ws', problem: describeError(error) }));

  const { symbol, asset } = options;
  const subscriptions: [label: string, expect: string, subscribe: () => Promise<unknown>][] = [
    [`depth:${symbol}`, 'depth', () => connection.subscribe('depth', symbol)],
    [`bbo:${symbol}`, 'bbo', () => connection.subscribe('bbo', symbol)],
    [`trades:${symbol}`, 'trades', () => connection.subscribe('trades', symbol)],
    [`bar:1:${symbol}`, 'bar', () => connection.subscribe('bar', '1', symbol)],
    [`ref-px:${asset}`, 'ref-px', () => connection.subscribe('ref-px', asset)],
  ];
  if (signed) {
    subscriptions.push(
      [`depth-realtime:${symbol}`, 'depth-realtime', () => connection.subscribe('depth-realtime', symbol)],
      ['order:cash', '', () => connection.subscribe('order', 'cash')],
    );
  }
  const listening: [string, string][] = [];
  for (const [label, expect, subscribe] of subscriptions) {
    try {
      await subscribe();
      outcome.checked.push(`sub ${label}`);
      if (expect) listening.push([label, expect]);
    } catch (error) {
      outcome.failures.push({ subject: `sub ${label}`, problem: describeError(error) });
    }
  }

  const requests: [action: string, send: () => Promise<unknown>][] = [
    ['depth-snapshot', () => connection.request('depth-snapshot', { symbol })],
    ['depth-snapshot-top100', () => connection.request('depth-snapshot-top100', { symbol })],
    ['market-trades', () => connection.request('market-trades', { symbol, level: 10 })],
  ];
  for (const [action, send] of requests) {
    try {
      await send();
      outcome.checked.push(`req ${action}`);
    } catch (error) {
      outcome.failures.push({ subject: `req ${action}`, problem: describeError(error) });
    }
  }

  await new Promise((resolve) => setTimeout(resolve, options.listenMs));
  await connection.close();
  for (const [label, expect] of listening) if (!topicsHeard.has(expect)) outcome.silent.push(label);
  return outcome;
}
