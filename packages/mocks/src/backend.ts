// The contract between the transports (MSW HTTP handlers, MSW WebSocket handlers, the standalone
// server) and what answers behind them (the mock exchange, with its market and its accounts).
// Transports check requests as the exchange does (signatures, the exchange-side profile of
// @ascendex-toolkit/validators/exchange) and turn answers and events into wire frames; the
// backend owns all state. Without a backend the transports answer from the spec's examples.
import type { ServerMessage } from '@ascendex-toolkit/types';
import type {
  ExchangeBody,
  ExchangeClientMessage,
  ExchangeParams,
  RestOperationId,
} from '@ascendex-toolkit/validators/exchange';

/** The mock account: the credentials requests are signed with and who they belong to. @public */
export interface MockAccount {
  readonly apiKey: string;
  readonly secret: string;
  /** First URL segment of the private routes (`/{accountGroup}/api/pro/...`). */
  readonly accountGroup: number;
  readonly email: string;
  /** `U` and ten digits; part of every server order id. */
  readonly userUID: string;
  readonly cashAccountId: string;
  readonly marginAccountId: string;
}

/**
 * The default mock account. The key and secret are the docs' signature sample's, so requests signed
 * as in the docs are accepted; they are not real credentials.
 * @public
 */
export const defaultAccount: MockAccount = {
  apiKey: 'CEcrjGyipqt0OflgdQQSRGdrDXdDUY2x',
  secret: 'hV8FgjyJtpvVeAcMAgzgAFQCN36wmbWuN7o3WPcYcYhFd8qvE43gzFGVsFcCqMNk',
  accountGroup: 6,
  email: 'trader@example.com',
  userUID: 'U1234567890',
  cashAccountId: 'cshMockAccount0000000000000000001',
  marginAccountId: 'marMockAccount0000000000000000001',
};

/** The fields of the exchange's error envelope `{ code, reason, message }`. @public */
export interface ExchangeErrorFields {
  readonly code: number;
  readonly reason: string;
  readonly message: string;
}

/** A REST request the exchange side has accepted: signature checked, parameters and body read exchange-side. @public */
export interface RestRequest<Op extends RestOperationId = RestOperationId> {
  readonly operationId: Op;
  /** Path and query parameters, coerced and capped as the exchange reads them. */
  readonly params: ExchangeParams<Op>;
  /** The JSON body as the exchange reads it (unknown fields may be present: ignore them). */
  readonly body: ExchangeBody<Op>;
  /** The account that signed the request; undefined for public operations. */
  readonly account: MockAccount | undefined;
}

/** The exchange's answer to a REST request: the whole JSON body (HTTP 200 unless `status` says otherwise, as the exchange answers failures with 200 too). @public */
export interface RestAnswer {
  readonly status?: number;
  readonly body: unknown;
}

/** A WebSocket session as the backend sees it. @public */
export interface WsSessionInfo {
  /** The authenticated account, once the session has authenticated. */
  readonly account: MockAccount | undefined;
  /** `ready` when the session authenticated with `ack: ready` (Ready Ack mode); absent for the default New Ack mode. */
  readonly ackMode?: 'ready';
}

/**
 * Something the exchange publishes: a frame for everyone subscribed to a market topic
 * (`depth:BTC/USDT`, `bbo:…`, `trades:…`, `bar:1:…`, `ref-px:BTC`, `depth-realtime:…`), or a frame
 * for the sessions of one account subscribed to its order channel (`order:cash` / `order:margin`,
 * which carries the `order` and `balance` messages).
 * @public
 */
export type ExchangeEvent =
  | { readonly kind: 'market'; readonly topic: string; readonly message: ServerMessage }
  | {
      readonly kind: 'account';
      readonly accountId: string;
      readonly topic: `order:${'cash' | 'margin'}`;
      readonly message: ServerMessage;
      /**
       * Only for the account's sessions in this ack mode (`new`: the default New Ack mode, `ready`:
       * sessions authenticated with `ack: ready`); absent: for every session of the account.
       */
      readonly ackMode?: 'new' | 'ready';
    };

/** What answers behind the transports. @public */
export interface MockBackend {
  /** The backend's clock (UTC ms): signatures are checked against it. */
  now(): number;
  /** The accounts requests may be signed by, found by API key. */
  account(apiKey: string): MockAccount | undefined;
  /** Answers a REST request from state, or undefined to let the spec's example answer. */
  handleRest(request: RestRequest): RestAnswer | undefined;
  /** Answers an `op: req` message: the reply frames in order, or undefined to let the spec's example answer. */
  handleWsRequest(request: ExchangeClientMessage, session: WsSessionInfo): readonly unknown[] | undefined;
  /** Listens to everything the exchange publishes; returns the function that stops listening. */
  subscribe(listener: (event: ExchangeEvent) => void): () => void;
  /** Whether the exchange lists a trading pair; when present, subscriptions to other symbols are refused (code 100008). */
  hasSymbol?(symbol: string): boolean;
}
