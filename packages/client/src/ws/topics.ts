// Topics: the `ch` strings of `sub`/`unsub` requests, built from the generated channel table, and
// the per-symbol topic keys a subscription covers (`trades:BTC/USDT`, `bar:1:ETH/USDT`,
// `order:cash`), which is also how an arriving data message finds its subscriptions.
import { wsChannels, type WsChannelName } from '../generated/ws/channels.gen.js';
import { AscendexWsUsageError } from './errors.js';

/** The exchange takes up to ten comma-separated symbols in one subscription (the `symbol` parameter's description). */
export const maxSymbolsPerSubscription = 10;

/** Fills a channel's topic template (`bar:{interval}:{symbol}`) with parameter values. */
export function fillTopic(channel: WsChannelName, params: Readonly<Record<string, string>>): string {
  return wsChannels[channel].address.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === '') throw new AscendexWsUsageError(`${channel}: missing ${name}`);
    // Wildcards belong to `unsubscribe(pattern)`; commas only join the symbols of one subscription.
    if (/[:*]/.test(value) || (name !== 'symbol' && value.includes(',')))
      throw new AscendexWsUsageError(`${channel}: ${name} ${JSON.stringify(value)} is not a single value`);
    return value;
  });
}

/** What a subscription asks for on the wire: the channel, its fixed parameters and its symbols (if it takes any). */
export interface TopicSet {
  readonly channel: WsChannelName;
  /** The parameters other than `symbol` (`interval`, `asset`, `account`). */
  readonly fixed: Readonly<Record<string, string>>;
  /** One topic key per symbol, or the one topic of a channel without symbols. */
  readonly topics: readonly string[];
  /** topic key -> its symbol (symbol channels only). */
  readonly symbolOf: ReadonlyMap<string, string>;
}

/** The topics of a subscription to `channel` with `params` (`symbol` may be a list). */
export function topicSet(
  channel: WsChannelName,
  fixed: Readonly<Record<string, string>>,
  symbols?: string | readonly string[],
): TopicSet {
  const table = wsChannels[channel];
  if (!(table.params as readonly string[]).includes('symbol')) {
    return { channel, fixed, topics: [fillTopic(channel, fixed)], symbolOf: new Map() };
  }
  const list = [...new Set(typeof symbols === 'string' ? symbols.split(',') : (symbols ?? []))];
  if (list.length === 0) throw new AscendexWsUsageError(`${channel}: no symbol given`);
  if (list.length > maxSymbolsPerSubscription)
    throw new AscendexWsUsageError(`${channel}: at most ${maxSymbolsPerSubscription} symbols per subscription`);
  const symbolOf = new Map(list.map((symbol) => [fillTopic(channel, { ...fixed, symbol }), symbol] as const));
  return { channel, fixed, topics: [...symbolOf.keys()], symbolOf };
}

/** The `ch` of a `sub`/`unsub` request for some topics of a set (all symbols comma-joined). */
export function channelString(set: TopicSet, topics: readonly string[]): string {
  if (set.symbolOf.size === 0) return fillTopic(set.channel, set.fixed);
  const symbols = topics.map((t) => set.symbolOf.get(t)).filter((s): s is string => s !== undefined);
  return fillTopic(set.channel, { ...set.fixed, symbol: symbols.join(',') });
}

/** The topic key an arriving data message belongs to, or undefined when the message names none (`ref-px`). */
export function topicOfMessage(channel: WsChannelName, message: Record<string, unknown>): string | undefined {
  switch (channel) {
    case 'bar':
      return `bar:${String((message.data as { i?: unknown } | undefined)?.i)}:${String(message.s)}`;
    case 'order':
      return `order:${message.ac === 'MARGIN' ? 'margin' : 'cash'}`;
    case 'ref-px':
      return undefined;
    default:
      return `${channel}:${String(message.symbol)}`;
  }
}
