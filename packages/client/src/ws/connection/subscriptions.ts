// The subscription registry: what the app subscribed to (restored after every reconnect), which
// arriving message goes to which subscription, and each subscription's bounded queue. Several
// subscriptions may share a topic on the wire; one leaving takes off the wire only the topics no
// other still needs.
import type { ServerMessage, ServerMessageName } from '@ascendex-toolkit/types';
import { type WsChannelName } from '../../generated/ws/channels.gen.js';
import { AscendexWsUsageError } from '../errors.js';
import { wildcardMatcher } from '@ascendex-toolkit/validators';
import { topicOfMessage, topicSet, type TopicSet } from '../topics.js';
import { BoundedQueue } from './bounded-queue.js';
import type { WsSubscribeChannel, WsSubscription } from './types.js';

/** One `subscribe()`. @internal */
export interface Handle {
  readonly channel: WsSubscribeChannel;
  readonly set: TopicSet;
  topics: string[];
  readonly queue: BoundedQueue<ServerMessage>;
  active: boolean;
  /** Settles the first `subscribe()` promise. */
  confirm?: { resolve(): void; reject(error: unknown): void };
}

/** The wire channel and topics of `subscribe(channel, ...args)`. @internal */
export function topicSetOf(channel: WsSubscribeChannel, args: readonly unknown[]): TopicSet {
  switch (channel) {
    case 'order':
    case 'balance': {
      const category = args[0];
      if (category !== 'cash' && category !== 'margin')
        throw new AscendexWsUsageError(`${channel}: the account category is 'cash' or 'margin'`);
      return topicSet('order', { account: category });
    }
    case 'bar':
      return topicSet('bar', { interval: String(args[0]) }, args[1] as string | readonly string[]);
    case 'ref-px':
      return topicSet('ref-px', { asset: String(args[0]) });
    default:
      return topicSet(channel, {}, args[0] as string | readonly string[]);
  }
}

/** The client-side kind of each message the order channel's `order` subscriptions receive. */
const orderKinds: Partial<Record<ServerMessageName, 'order-update' | 'cancel-reject'>> = {
  OrderUpdateMessage: 'order-update',
  OrderCancelRejectMessage: 'cancel-reject',
};

/** @internal */
export interface SubscriptionsOptions {
  /** Messages kept per subscription. */
  readonly maxQueued: number;
  /** A subscription started dropping messages. */
  readonly overflow: (handle: Handle) => void;
  /** A subscription's reader left its loop (`return()`): unsubscribe it without waiting. */
  readonly returned: (handle: Handle) => void;
  /** `unsubscribe()` of a subscription. */
  readonly unsubscribe: (handle: Handle) => Promise<void>;
}

/** @internal */
export class Subscriptions {
  readonly #handles = new Set<Handle>();

  constructor(private readonly options: SubscriptionsOptions) {}

  [Symbol.iterator](): IterableIterator<Handle> {
    return this.#handles.values();
  }

  get size(): number {
    return this.#handles.size;
  }

  add(channel: WsSubscribeChannel, set: TopicSet): Handle {
    const handle: Handle = {
      channel,
      set,
      topics: [...set.topics],
      active: true,
      queue: new BoundedQueue<ServerMessage>({
        limit: this.options.maxQueued,
        onDrop: (first) => first && this.options.overflow(handle),
        onReturn: () => this.options.returned(handle),
      }),
    };
    this.#handles.add(handle);
    return handle;
  }

  /** Ends a subscription normally: its reader gets what is queued, then the end. */
  end(handle: Handle): void {
    this.#handles.delete(handle);
    handle.active = false;
    handle.queue.end();
    handle.confirm?.resolve();
    handle.confirm = undefined;
  }

  /** Ends a subscription with an error; true when a `subscribe()` call received it, false when nobody waited. */
  refuse(handle: Handle, error: unknown): boolean {
    this.#handles.delete(handle);
    handle.active = false;
    handle.queue.end(error);
    const confirm = handle.confirm;
    handle.confirm = undefined;
    confirm?.reject(error);
    return confirm !== undefined;
  }

  /** The topics of an ended subscription that no remaining subscription needs. */
  leaving(handle: Handle): string[] {
    const needed = new Set<string>();
    for (const other of this.#handles) for (const topic of other.topics) needed.add(topic);
    return handle.topics.filter((t) => !needed.has(t));
  }

  /** Takes the topics an `unsub` pattern names off every subscription; ends those left with none. */
  removeMatching(pattern: string): void {
    const matches = wildcardMatcher(pattern);
    for (const handle of [...this.#handles]) {
      handle.topics = handle.topics.filter((t) => !matches(t));
      if (handle.topics.length === 0) this.end(handle);
    }
  }

  /** Queues a data message for every subscription of its topic. */
  deliver(channel: WsChannelName, name: ServerMessageName, message: ServerMessage): void {
    const topic = topicOfMessage(channel, message as unknown as Record<string, unknown>);
    const m = (message as { m?: unknown }).m;
    const kind = channel === 'order' ? orderKinds[name] : undefined;
    if (kind !== undefined) Object.defineProperty(message, 'kind', { value: kind, enumerable: false });
    for (const handle of this.#handles) {
      if (handle.set.channel !== channel) continue;
      if (topic !== undefined && !handle.topics.includes(topic)) continue;
      if (handle.channel === 'order' && m !== 'order') continue;
      if (handle.channel === 'balance' && m !== 'balance') continue;
      handle.queue.push(message);
    }
  }

  /** What the app holds of a subscription. */
  view(handle: Handle): WsSubscription<never> {
    const { queue } = handle;
    const iterator: AsyncIterator<ServerMessage> = {
      next: () => queue.next(),
      return: () => queue.return(),
    };
    return {
      channel: handle.channel,
      get topics() {
        return [...handle.topics];
      },
      get active() {
        return handle.active;
      },
      get queued() {
        return queue.size;
      },
      get dropped() {
        return queue.dropped;
      },
      unsubscribe: () => this.options.unsubscribe(handle),
      [Symbol.asyncIterator]: () => iterator as AsyncIterator<never>,
    };
  }
}
