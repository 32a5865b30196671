// What leaves a session: text frames counted towards a planned drop, replies held back by the
// reply-delay fault, depth frames with the seqnum faults applied, and the slow-reader bound.
import { stringifyJson } from '@ascendex-toolkit/validators';
import type { ServerMessage } from '@ascendex-toolkit/types';
import type { WsFaultState } from './faults.js';
import type { Frame } from './frames.js';

export interface OutboxOptions {
  readonly faultState: WsFaultState;
  /** Whether the session may still send. */
  readonly isOpen: () => boolean;
  readonly send: (text: string) => void;
  readonly bufferedAmount: (() => number) | undefined;
  readonly maxBufferedBytes: number;
  /** Runs `callback` after `ms` on the session's clock (cancelled when it closes). */
  readonly later: (ms: number, callback: () => void) => void;
  /** Drops the connection (planned drop, or a reader too slow for the bound). */
  readonly drop: () => void;
}

/** `n + k` for a sequence number that may be a bigint (above 2^53). */
function addToSeqnum(n: unknown, k: number): unknown {
  if (typeof n === 'bigint') return n + BigInt(k);
  if (typeof n !== 'number') return n;
  return Number.isSafeInteger(n + k) ? n + k : BigInt(n) + BigInt(k);
}

/** Event messages as text, written once however many sessions send them. */
const texts = new WeakMap<object, string>();
function textOf(message: ServerMessage): string {
  let text = texts.get(message);
  if (text === undefined) texts.set(message, (text = stringifyJson(message)));
  return text;
}

export function createOutbox(o: OutboxOptions) {
  const { faultState } = o;
  /** Per-symbol offset added to depth seqnums after `skipDepthSeqnum`. */
  const depthOffsets = new Map<string, number>();

  /** Sends a text frame, counting it towards a planned drop; drops a reader whose buffer passed the bound. */
  function sendRaw(text: string): void {
    if (!o.isOpen()) return;
    if (o.bufferedAmount && o.bufferedAmount() > o.maxBufferedBytes) return o.drop();
    o.send(text);
    if (faultState.dropAfter !== undefined && --faultState.dropAfter <= 0) {
      faultState.dropAfter = undefined;
      o.drop();
    }
  }
  const send = (frame: unknown): void => sendRaw(stringifyJson(frame));

  /** Sends the answer to a client message, late when `delayReplies` is in force. */
  function reply(...frames: readonly unknown[]): void {
    const delay = faultState.replyDelayMs;
    if (delay > 0) o.later(delay, () => frames.forEach(send));
    else frames.forEach(send);
  }

  function sendDepth(message: ServerMessage): void {
    const symbol = String((message as { symbol?: unknown }).symbol);
    if (faultState.skipNextDepthSeqnum) {
      faultState.skipNextDepthSeqnum = false;
      depthOffsets.set(symbol, (depthOffsets.get(symbol) ?? 0) + 1);
    }
    const offset = depthOffsets.get(symbol) ?? 0;
    let text = textOf(message);
    if (offset) {
      const frame = structuredClone(message) as Frame & { data?: Frame };
      if (frame.data) frame.data.seqnum = addToSeqnum(frame.data.seqnum, offset);
      text = stringifyJson(frame);
    }
    sendRaw(text);
    if (faultState.duplicateNextDepth) {
      faultState.duplicateNextDepth = false;
      sendRaw(text);
    }
  }

  /** Sends an event's message (depth frames through the seqnum faults). */
  function sendEvent(message: ServerMessage): void {
    try {
      if ((message as { m?: unknown }).m === 'depth') sendDepth(message);
      else sendRaw(textOf(message));
    } catch {
      // A published value with no JSON text (a test's hand-made event): nothing to send.
    }
  }

  return { sendRaw, send, reply, sendEvent };
}
