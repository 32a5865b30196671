// The connection's states and the moves between them, as data:
//
//   idle ─connect()→ connecting ─greeting→ open ─(credentials, by message)→ authenticating ─auth ok→ ready
//                                            └──────────(public, or authenticated by headers)──────→ ready
//   connecting/open/authenticating/ready ─socket lost→ reconnecting ─backoff→ connecting
//   connecting/open/authenticating/reconnecting ─first connect() not ready in time→ idle
//   any ─close(), auth refused, reconnect given up→ closed
import { AscendexError } from '@ascendex-toolkit/validators';
import { BoundedQueue } from './bounded-queue.js';

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

/** A state change, as the `state` event reports it. @public */
export interface WsStateChange {
  readonly from: WsState;
  readonly to: WsState;
}

/** The states each state may move to. @internal */
export const wsTransitions: { readonly [S in WsState]: readonly WsState[] } = {
  idle: ['connecting', 'closed'],
  connecting: ['open', 'reconnecting', 'idle', 'closed'],
  open: ['authenticating', 'ready', 'reconnecting', 'idle', 'closed'],
  authenticating: ['ready', 'reconnecting', 'idle', 'closed'],
  ready: ['reconnecting', 'closed'],
  reconnecting: ['connecting', 'idle', 'closed'],
  closed: [],
};

/** The current state; refuses a move the table does not allow (a defect, never the server's doing). @internal */
export class WsStateMachine {
  #state: WsState = WsState.Idle;

  constructor(private readonly changed: (change: WsStateChange) => void) {}

  get state(): WsState {
    return this.#state;
  }

  is(...states: readonly WsState[]): boolean {
    return states.includes(this.#state);
  }

  to(to: WsState): void {
    const from = this.#state;
    if (from === to) return;
    if (!wsTransitions[from].includes(to)) throw new AscendexError(`WsConnection: no move from ${from} to ${to}`);
    this.#state = to;
    this.changed({ from, to });
  }
}

/** The state now, then every change, until `closed`; `return()` stops listening at once. @internal */
export function stateStream(
  current: WsState,
  listen: (listener: (change: WsStateChange) => void) => () => void,
): AsyncIterableIterator<WsState> {
  let off = () => {};
  const queue = new BoundedQueue<WsState>({ limit: 1_000, onReturn: () => off() });
  const push = (state: WsState) => {
    queue.push(state);
    if (state === WsState.Closed) {
      off();
      queue.end();
    }
  };
  off = listen(({ to }) => push(to));
  push(current);
  return {
    next: () => queue.next(),
    return: () => queue.return(),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
