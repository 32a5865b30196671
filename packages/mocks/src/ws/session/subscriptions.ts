// Subscription channels as the session tracks them. A `sub` names one channel with one or more
// symbols (`trades:BTC/USDT,ETH/USDT`); the session stores one topic per symbol
// (`trades:BTC/USDT`, `trades:ETH/USDT`), the same strings `ExchangeEvent.topic` carries, so that an
// event reaches a session by a set lookup. The `ch` strings reaching here already passed the
// exchange-side pattern of `parseClientMessage`, so only their structure is read.
import { wildcardMatcher } from '@ascendex-toolkit/validators';
import type { ExchangeEvent, MockAccount } from '../../backend.js';

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
  /** For `order`: the one symbol named after the account (`order:cash:BTC/USDT`), if any. */
  readonly orderSymbol?: string;
}

/** Reads the `ch` of a `sub` request. */
export function parseSubscription(ch: string): Subscription {
  const [channel = '', ...args] = ch.split(':');
  if (channel === 'order')
    return {
      channel,
      topics: [],
      symbols: args[1] === undefined ? [] : [args[1]],
      account: args[0] ?? '',
      ...(args[1] === undefined ? {} : { orderSymbol: args[1] }),
    };
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
 * matches each of its symbols. An order-channel account id is read as `cash` / `margin`; the
 * optional symbol after it is handled by {@link Subscriptions.unsubscribe}.
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
  return wildcardMatcher(pattern.join(':'));
}

/**
 * The subscriptions of one session: a topic per symbol (the strings `ExchangeEvent.topic`
 * carries), and for the order channel the symbols it was limited to (`order:cash:BTC/USDT`): then
 * only that symbol's `order` messages and the `balance` messages of its two assets pass.
 */
export class Subscriptions {
  readonly topics = new Set<string>();
  /** Order topic -> the symbols it is limited to; no entry: every symbol. */
  private readonly orderSymbols = new Map<string, Set<string>>();

  /** Adds a subscription's topics (for the order channel, `orderSymbol` limits or widens it). */
  add(topics: readonly string[], orderSymbol?: string): void {
    for (const topic of topics) {
      const known = this.topics.has(topic);
      this.topics.add(topic);
      if (!topic.startsWith('order:')) continue;
      if (orderSymbol === undefined) this.orderSymbols.delete(topic);
      else if (!known) this.orderSymbols.set(topic, new Set([orderSymbol]));
      else this.orderSymbols.get(topic)?.add(orderSymbol);
    }
  }

  /** Removes what an `unsub` names; `order:<account>:<symbol>` removes that symbol from a limited order topic. */
  unsubscribe(ch: string, account: MockAccount | undefined): void {
    const matches = unsubscribeMatcher(ch, account);
    const [channel, , symbol] = ch.split(':');
    for (const topic of [...this.topics]) {
      if (!matches(topic)) continue;
      const limited = this.orderSymbols.get(topic);
      if (channel === 'order' && symbol !== undefined && symbol !== '*' && limited) {
        limited.delete(symbol);
        if (limited.size > 0) continue;
      }
      this.topics.delete(topic);
      this.orderSymbols.delete(topic);
    }
  }

  /** Whether an event is for this session's subscriptions (account checks aside). */
  accepts(event: ExchangeEvent): boolean {
    if (!this.topics.has(event.topic)) return false;
    const limited = event.kind === 'account' ? this.orderSymbols.get(event.topic) : undefined;
    if (!limited) return true;
    const message = event.message as { m?: unknown; data?: { s?: unknown; a?: unknown } };
    if (message.m === 'order') return limited.has(String(message.data?.s));
    if (message.m === 'balance')
      return [...limited].some((symbol) => symbol.split('/').includes(String(message.data?.a)));
    return true;
  }

  clear(): void {
    this.topics.clear();
    this.orderSymbols.clear();
  }
}
