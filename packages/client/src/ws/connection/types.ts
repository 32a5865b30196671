// The public types of the connection: its options, its events, and what `subscribe` and
// `request` take and give, typed per channel and per action from the generated tables.
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
  WsRequestMap,
} from '@ascendex-toolkit/types';
import type { AscendexError, NamedServerMessage } from '@ascendex-toolkit/validators';
import type { WsChannelMessages, WsChannelName, WsChannelParams } from '../../generated/ws/channels.gen.js';
import type { WsActionKey } from '../../generated/ws/requests.gen.js';
import type { WsScheduler } from '../scheduler.js';
import type { WebSocketConstructor } from '../socket.js';
import type { WsClockOffset } from './auth.js';
import type { WsReconnectOptions } from './reconnect.js';
import type { WsStateChange } from './states.js';

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
  /** Pings in a row with nothing at all received since that mean the socket is dead (default 2). */
  readonly maxMissedPongs?: number;
  /** Reply timeout of requests, subscriptions and authentication, ms (default 10 000). */
  readonly requestTimeoutMs?: number;
  /** Time for a socket to open and greet, and for the first `connect()` to be ready, ms (default 10 000). */
  readonly connectTimeoutMs?: number;
  /** Reconnect policy, or `false` to close when the socket is lost. */
  readonly reconnect?: WsReconnectOptions | false;
  /** Random numbers in [0, 1) for the jitter (default Math.random; tests seed it). */
  readonly random?: () => number;
  /** The clock and every timer (default {@link realScheduler}; tests pass a fake). Signatures and order times are its `now()` plus `clockOffset`. */
  readonly scheduler?: WsScheduler;
  /** Server time minus local time, ms, or where to read it at each use: the REST client (`clockOffset: client`), whose `syncClock()` measures it. */
  readonly clockOffset?: WsClockOffset;
  /** Messages a subscription keeps for a reader that does not keep up; beyond it the oldest is dropped and `overflow` reported (default 10 000). */
  readonly maxQueued?: number;
  /** Largest frame read, in characters of text (bytes of a binary frame); a larger one is an `invalid-frame`, never parsed (default 4 MiB). */
  readonly maxFrameSize?: number;
}

/** A frame that could not be read: too large, not JSON, an unknown kind, or (when validating) a known kind with bad fields. @public */
export interface WsInvalidFrame {
  readonly error: AscendexError;
  /** Length of the frame's text (the text itself may be large). */
  readonly length: number;
}

/** A socket that had opened closed. @public */
export interface WsCloseEvent {
  readonly url: string;
  /** The close code: 1000 normal, 1006 lost without a close frame, 1007 invalid data (e.g. not UTF-8), 1008 policy, 4000 the client gave a silent socket up, ... */
  readonly code: number;
  readonly reason: string;
  /** Who closed it: the server (or the network), or this client (`close()`, a dead socket, a connect timeout). */
  readonly by: 'server' | 'client';
}

/** A subscription's reader did not keep up and its oldest messages are being dropped. @public */
export interface WsOverflowEvent {
  readonly channel: WsSubscribeChannel;
  readonly topics: readonly string[];
  /** The `maxQueued` in force. */
  readonly limit: number;
  /** Messages this subscription has dropped so far. */
  readonly dropped: number;
}

/** What a connection reports. @public */
export interface WsEvents {
  /** Every state change. */
  state: WsStateChange;
  /** Every server message that was read (after validation, before dispatch). */
  message: NamedServerMessage;
  /** A frame that could not be read (a ping or pong among them is still answered and still proves the socket alive). */
  'invalid-frame': WsInvalidFrame;
  /** A reconnect is scheduled. */
  reconnect: { readonly attempt: number; readonly delayMs: number };
  /** A socket that had opened closed, with its code and reason (whoever closed it). */
  close: WsCloseEvent;
  /** A subscription started dropping its oldest messages (once per episode: again only after its reader caught up). */
  overflow: WsOverflowEvent;
  /** A failure with no caller to reject: a socket that failed to open (AscendexWsConnectError, every attempt), auth refused on reconnect, a subscription refused when restored, an error reply nobody waits for. */
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
/** The channels one can subscribe to: the topic channels, with `order` split into `order` (order updates and cancel rejections) and `balance` (balance updates) of one account category. @public */
export type WsSubscribeChannel = keyof ChannelSubscribeArgs;

/**
 * What an `order` subscription yields: order updates and cancel rejections, in the order they
 * arrived, told apart by `kind` (set by the client; not a field of the wire message, so it does
 * not show in `JSON.stringify`).
 * @public
 */
export type WsOrderMessage =
  | (OrderUpdateMessage & { readonly kind: 'order-update' })
  | (OrderCancelRejectMessage & { readonly kind: 'cancel-reject' });

/** What a subscription yields. @public */
export type WsSubscriptionMessage<
  C extends WsSubscribeChannel,
  A extends readonly unknown[] = WsSubscribeArgs<C>,
> = C extends 'order'
  ? WsOrderMessage
  : C extends 'balance'
    ? A[0] extends 'margin'
      ? MarginBalanceUpdateMessage
      : A[0] extends 'cash'
        ? CashBalanceUpdateMessage
        : CashBalanceUpdateMessage | MarginBalanceUpdateMessage
    : C extends Exclude<WsChannelName, 'order'>
      ? WsChannelMessages[C]
      : never;

/** A live subscription: iterate it for its messages; `unsubscribe()` (or breaking out of the loop) ends it. @public */
export interface WsSubscription<M> extends AsyncIterable<M> {
  readonly channel: WsSubscribeChannel;
  /** The topics it covers, one per symbol (`depth:BTC/USDT`), fewer after a wildcard `unsubscribe`. */
  readonly topics: readonly string[];
  /** False once unsubscribed or refused (the iterator then ends, or throws the refusal). */
  readonly active: boolean;
  /** Messages received and not yet read (at most `maxQueued`). */
  readonly queued: number;
  /** Messages dropped because the reader did not keep up. */
  readonly dropped: number;
  /** Ends it now and resolves once the server acknowledged the `unsub`. */
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
/** `time` optional where the arguments take it: the connection fills it in (each member of a union on its own). */
type TimeOptional<T> = T extends { time: infer Time } ? Omit<T, 'time'> & { time?: Time } : T;
/** A request's `args` (`balance` takes none: its schema allows only an empty object). */
type ArgsOf<A extends WsActionKey> =
  NonNullable<RequestOf<A>['args']> extends Record<string, never>
    ? unknown
    : TimeOptional<NonNullable<RequestOf<A>['args']>>;
/** The parameters of a request: its `args` fields, plus `account` for the actions that take one. @public */
export type WsRequestParams<A extends WsActionKey> = ArgsOf<A> &
  Pick<RequestOf<A>, Extract<keyof RequestOf<A>, 'account'>>;
/** The reply a request resolves with (failure replies reject). @public */
export type WsReply<A extends WsActionKey> = Exclude<WsRequestMap[A]['reply'], FailureReply>;
