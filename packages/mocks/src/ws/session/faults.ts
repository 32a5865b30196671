// Fault injection for WebSocket sessions: the bad days a client must survive. Each session has a
// `WsFaultState` (plain data the session consults as it runs) and a `WsFaults` controller; the
// MSW handlers add a controller for all sessions at once, whose lasting settings also apply to the
// sessions opened afterwards.

/** What a session consults as it runs. */
export interface WsFaultState {
  /** Frames still to send before the connection is dropped; undefined when no drop is planned. */
  dropAfter: number | undefined;
  /** Client `ping` messages get no `pong`. */
  ignoreClientPings: boolean;
  /** No server `ping` is sent and missed pongs never disconnect. */
  stopServerPings: boolean;
  /** Replies to client messages are sent this many ms late. */
  replyDelayMs: number;
  /** The next `depth` frame jumps one sequence number ahead, and the symbol's later frames follow it. */
  skipNextDepthSeqnum: boolean;
  /** The next `depth` frame is sent twice. */
  duplicateNextDepth: boolean;
}

/** The lasting settings of a fault state (the ones that also apply to sessions opened later). */
export type WsLastingFaults = Pick<WsFaultState, 'ignoreClientPings' | 'stopServerPings' | 'replyDelayMs'>;

export const noFaults = (): WsFaultState => ({
  dropAfter: undefined,
  ignoreClientPings: false,
  stopServerPings: false,
  replyDelayMs: 0,
  skipNextDepthSeqnum: false,
  duplicateNextDepth: false,
});

/**
 * Faults to inject into one session or into all of them. Methods return the controller, so calls
 * chain.
 * @public
 */
export interface WsFaults {
  /** Drops the connection now, without a close handshake (the client sees code 1006 where the transport can do that). */
  drop(): WsFaults;
  /** Drops the connection after `messages` more frames have been sent (0 or less is `drop()`; fractions round down). */
  dropAfter(messages: number): WsFaults;
  /** Stops (or resumes) answering client `ping` messages. */
  ignoreClientPings(on?: boolean): WsFaults;
  /** Stops (or resumes) sending server pings; while stopped, missed pongs never disconnect. */
  stopServerPings(on?: boolean): WsFaults;
  /** Sends the replies to client messages `ms` late (0 or less turns the delay off). */
  delayReplies(ms: number): WsFaults;
  /** Makes the next `depth` frame skip a sequence number (a gap the client must notice). */
  skipDepthSeqnum(): WsFaults;
  /** Sends the next `depth` frame twice (a repeated sequence number). */
  duplicateDepth(): WsFaults;
  /** Sends a frame that is not JSON, now. */
  sendMalformedFrame(): WsFaults;
  /** Sends a message of a kind the spec does not describe (`{"m":"summary",...}`), now. */
  sendUnknownMessage(): WsFaults;
  /** Clears every planned and lasting fault. */
  reset(): WsFaults;
}

/** What the faults need from a session: its fault state and the one-shot actions. */
export interface WsFaultTarget {
  readonly faultState: WsFaultState;
  /** Drops the connection without a close handshake. */
  drop(): void;
  /** Sends a raw text frame, counted like any other. */
  sendRaw(text: string): void;
}

/** The frame `sendMalformedFrame` sends: a depth message cut off mid-way. */
export const malformedFrame = '{"m":"depth","symbol":"BTC/USDT","data":{"seqnum":';

/** The frame `sendUnknownMessage` sends: the undocumented `summary` topic (spec/discrepancies ws summary-channel). */
export const unknownMessageFrame = '{"m":"summary","symbol":"BTC/USDT","data":{"ts":1574260701259}}';

/**
 * A count or a delay as a whole number >= 0: fractions round down, negative numbers and NaN count
 * as 0, as do infinities. (Not a thrown error: packages/validators' thrown-errors test cannot yet see an
 * AscendexError imported by another package.)
 */
function wholeNumber(value: number): number {
  return Number.isFinite(value) ? Math.max(0, Math.floor(value)) : 0;
}

/** The fault controller of one session. */
export function sessionFaults(target: WsFaultTarget): WsFaults {
  const state = target.faultState;
  const faults: WsFaults = {
    drop: () => (target.drop(), faults),
    dropAfter: (messages) => {
      if ((messages = wholeNumber(messages)) === 0) target.drop();
      else state.dropAfter = messages;
      return faults;
    },
    ignoreClientPings: (on = true) => ((state.ignoreClientPings = on), faults),
    stopServerPings: (on = true) => ((state.stopServerPings = on), faults),
    delayReplies: (ms) => ((state.replyDelayMs = wholeNumber(ms)), faults),
    skipDepthSeqnum: () => ((state.skipNextDepthSeqnum = true), faults),
    duplicateDepth: () => ((state.duplicateNextDepth = true), faults),
    sendMalformedFrame: () => (target.sendRaw(malformedFrame), faults),
    sendUnknownMessage: () => (target.sendRaw(unknownMessageFrame), faults),
    reset: () => (Object.assign(state, noFaults()), faults),
  };
  return faults;
}

/**
 * The fault controller of many sessions: each call applies to every live session; the lasting
 * settings (`ignoreClientPings`, `stopServerPings`, `delayReplies`) are also kept in `lasting` for
 * sessions opened later.
 */
export function broadcastFaults(sessions: () => Iterable<{ readonly faults: WsFaults }>): {
  readonly faults: WsFaults;
  readonly lasting: WsLastingFaults;
} {
  const lasting: WsLastingFaults = { ignoreClientPings: false, stopServerPings: false, replyDelayMs: 0 };
  const each = (act: (f: WsFaults) => void): WsFaults => {
    for (const session of sessions()) act(session.faults);
    return faults;
  };
  const faults: WsFaults = {
    drop: () => each((f) => f.drop()),
    dropAfter: (messages) => each((f) => f.dropAfter(messages)),
    ignoreClientPings: (on = true) => ((lasting.ignoreClientPings = on), each((f) => f.ignoreClientPings(on))),
    stopServerPings: (on = true) => ((lasting.stopServerPings = on), each((f) => f.stopServerPings(on))),
    delayReplies: (ms) => ((lasting.replyDelayMs = wholeNumber(ms)), each((f) => f.delayReplies(ms))),
    skipDepthSeqnum: () => each((f) => f.skipDepthSeqnum()),
    duplicateDepth: () => each((f) => f.duplicateDepth()),
    sendMalformedFrame: () => each((f) => f.sendMalformedFrame()),
    sendUnknownMessage: () => each((f) => f.sendUnknownMessage()),
    reset: () => (
      Object.assign(lasting, { ignoreClientPings: false, stopServerPings: false, replyDelayMs: 0 }),
      each((f) => f.reset())
    ),
  };
  return { faults, lasting };
}
