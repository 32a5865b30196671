// Subscription channels as the session tracks them. A `sub` names one channel with one or more
// symbols (`trades:BTC/USDT,ETH/USDT`); the session stores one topic per symbol
// (`trades:BTC/USDT`, `trades:ETH/USDT`), the same strings `ExchangeEvent.topic` carries, so that an
// event reaches a session by a set lookup. The `ch` strings reaching here already passed the
// exchange-side pattern of `parseClientMessage`, so only their structure is read.
import type { MockAccount } from '../backend.js';

/** Channels only an authenticated session on the account-group URL may subscribe to (`x-ascendex-subscription.requiresAuth`). */
export const privateChannels: ReadonlySet<string> = new Set(['depth-realtime', 'order']);

/** What a `sub` request asks for. */
export interface Subscription {
  /** The channel name: `depth`, `bar`, `order`, ... */
  readonly channel: string;
  /** The topics to add, one per symbol (`bar:1:BTC/USDT`, `order:cash`). */
  readonly topics: readonly string[];
  /** The trading pairs named (empty for `ref-px` and `order`). */
  readonly symbols: readonly string[];
  /** For `order`: the account named (`cash`, `margin` or an account id). */
  readonly account?: string;
}

/** Reads the `ch` of a `sub` request. */
export function parseSubscription(ch: string): Subscription {
  const [channel = '', ...args] = ch.split(':');
  if (channel === 'order') return { channel, topics: [], symbols: [], account: args[0] ?? '' };
  if (channel === 'ref-px') return { channel, topics: [ch], symbols: [] };
  const prefix = channel === 'bar' ? `bar:${args[0] ?? ''}` : channel;
  const symbols = (channel === 'bar' ? args[1] : args[0])?.split(',') ?? [];
  return { channel, topics: symbols.map((s) => `${prefix}:${s}`), symbols };
}

/**
 * The order-channel topic (`order:cash` / `order:margin`) an account argument names for an
 * account, or undefined when it is not one of the account's.
 */
export function orderTopic(accountArgument: string, account: MockAccount): 'order:cash' | 'order:margin' | undefined {
  if (accountArgument === 'cash' || accountArgument === account.cashAccountId) return 'order:cash';
  if (accountArgument === 'margin' || accountArgument === account.marginAccountId) return 'order:margin';
  return undefined;
}

/**
 * The topics an `unsub` request leaves: `*` in place of an argument matches any value and a
 * missing trailing argument matches everything (`depth`, `bar:1`, `bar:*:ASD/USDT`); a symbol list
 * matches each of its symbols. An order-channel account id is read as `cash` / `margin`, and the
 * optional symbol after it is ignored, as the order topics carry none.
 */
export function unsubscribeMatcher(ch: string, account: MockAccount | undefined): (topic: string) => boolean {
  const pattern = ch.split(':');
  if (pattern[0] === 'order') {
    pattern.length = Math.min(pattern.length, 2);
    const argument = pattern[1];
    if (argument !== undefined && argument !== '*' && account) {
      const topic = orderTopic(argument, account);
      if (topic) pattern[1] = topic.slice('order:'.length);
    }
  }
  return (topic) => {
    const parts = topic.split(':');
    if (parts[0] !== pattern[0]) return false;
    for (let i = 1; i < pattern.length; i++) {
      const wanted = pattern[i]!;
      if (wanted !== '*' && !wanted.split(',').includes(parts[i] ?? '')) return false;
    }
    return true;
  };
}
