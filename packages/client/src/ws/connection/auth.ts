// Authentication of a session: the `auth` message after the greeting, or `x-auth-*` headers on the
// upgrade request, both signed with HMAC-SHA256 over `<t>+stream` exactly as REST signs. The time
// `t` (and the `time` of orders sent over the socket) is the scheduler's clock corrected by an
// offset: a fixed number, or read at each use from an object such as the REST client, whose
// `clockOffsetMs` `client.syncClock()` measures. The secret lives only in the signer's closure.
import { sign, signedMessage } from '@ascendex-toolkit/validators/auth';
import type { WsScheduler } from '../scheduler.js';

/** A clock offset: ms to add to the local clock, or an object holding the current one (the REST client). @public */
export type WsClockOffset = number | { readonly clockOffsetMs: number };

/** The local clock corrected by the offset, ms (rounded). @internal */
export function correctedClock(scheduler: WsScheduler, offset: WsClockOffset | undefined): () => number {
  if (offset === undefined) return () => Math.round(scheduler.now());
  if (typeof offset === 'number') return () => Math.round(scheduler.now() + offset);
  return () => Math.round(scheduler.now() + offset.clockOffsetMs);
}

/** @internal */
export interface WsAuth {
  /** The `auth` message's fields (`op`, `t`, `key`, `sig`, `ack`), freshly signed. */
  message(): Promise<Record<string, unknown>>;
  /** The upgrade request's `x-auth-*` headers, freshly signed. */
  headers(): Promise<Record<string, string>>;
}

/** @internal */
export function createAuth(options: {
  readonly apiKey: string;
  readonly secret: string;
  readonly ack: 'ready' | undefined;
  readonly now: () => number;
}): WsAuth {
  const { apiKey, secret, ack, now } = options;
  const signed = async () => {
    const t = now();
    return { t, sig: await sign(secret, signedMessage(t, 'stream')) };
  };
  return {
    async message() {
      const { t, sig } = await signed();
      return { op: 'auth', t, key: apiKey, sig, ...(ack ? { ack } : {}) };
    },
    async headers() {
      const { t, sig } = await signed();
      return { 'x-auth-key': apiKey, 'x-auth-timestamp': String(t), 'x-auth-signature': sig };
    },
  };
}

/** The order actions whose `args` carry the request `time` (the exchange drops requests older than 30 s). */
const timedActions: ReadonlySet<string> = new Set(['place-order', 'cancel-order', 'cancel-all']);

/** The request's `args` with `time` filled in from the clock where the action takes it and the caller left it out (as REST does). @internal */
export function withTime(action: string, args: Record<string, unknown>, now: () => number): Record<string, unknown> {
  return timedActions.has(action) && args.time === undefined ? { ...args, time: now() } : args;
}
