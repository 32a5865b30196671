// The subscription registry alone: routing by topic and channel, the order channel's two kinds,
// topics shared between subscriptions, wildcard removal, the bounded queue and its overflow report.
import { describe, expect, it } from 'vitest';
import type { ServerMessage } from '@ascendex-toolkit/types';
import { Subscriptions, topicSetOf, type Handle } from '../../../src/ws/connection/subscriptions.js';

const message = (value: Record<string, unknown>) => value as unknown as ServerMessage;

function registry(maxQueued = 100) {
  const overflows: Handle[] = [];
  const returned: Handle[] = [];
  const subscriptions = new Subscriptions({
    maxQueued,
    overflow: (h) => overflows.push(h),
    returned: (h) => returned.push(h),
    unsubscribe: async () => undefined,
  });
  const add = (channel: Parameters<typeof topicSetOf>[0], ...args: unknown[]) =>
    subscriptions.add(channel, topicSetOf(channel, args));
  return { subscriptions, add, overflows, returned };
}

describe('Subscriptions', () => {
  it('delivers a data message to the subscriptions of its topic only', () => {
    const { subscriptions, add } = registry();
    const btc = add('depth', 'BTC/USDT');
    const both = add('depth', ['BTC/USDT', 'ETH/USDT']);
    const bbo = add('bbo', 'BTC/USDT');
    subscriptions.deliver('depth', 'DepthMessage', message({ m: 'depth', symbol: 'ETH/USDT' }));
    subscriptions.deliver('depth', 'DepthMessage', message({ m: 'depth', symbol: 'BTC/USDT' }));
    expect([btc.queue.size, both.queue.size, bbo.queue.size]).toEqual([1, 2, 0]);
  });

  it('splits the order channel: order updates and cancel rejections (told apart by kind), balances', async () => {
    const { subscriptions, add } = registry();
    const orders = add('order', 'cash');
    const balances = add('balance', 'cash');
    const margin = add('order', 'margin');
    const update = message({ m: 'order', ac: 'CASH', data: { orderId: 'a' } });
    const reject = message({ m: 'order', ac: 'CASH', data: { err: 'OrderCancelReject' } });
    subscriptions.deliver('order', 'OrderUpdateMessage', update);
    subscriptions.deliver('order', 'OrderCancelRejectMessage', reject);
    subscriptions.deliver('order', 'CashBalanceUpdateMessage', message({ m: 'balance', ac: 'CASH' }));
    expect([orders.queue.size, balances.queue.size, margin.queue.size]).toEqual([2, 1, 0]);
    const [first, second] = [(await orders.queue.next()).value, (await orders.queue.next()).value];
    expect((first as unknown as { kind: string }).kind).toBe('order-update');
    expect((second as unknown as { kind: string }).kind).toBe('cancel-reject');
    // The kind is the client's: the message as sent is unchanged on the wire and in JSON.
    expect(JSON.stringify(second)).toBe('{"m":"order","ac":"CASH","data":{"err":"OrderCancelReject"}}');
  });

  it('a subscription leaving takes off the wire only the topics no other still needs', () => {
    const { subscriptions, add } = registry();
    const a = add('depth', ['BTC/USDT', 'ETH/USDT']);
    add('depth', 'BTC/USDT');
    subscriptions.end(a);
    expect(subscriptions.leaving(a)).toEqual(['depth:ETH/USDT']);
    expect(a.active).toBe(false);
    expect(subscriptions.size).toBe(1);
  });

  it('removeMatching takes the named topics off every subscription and ends the emptied ones', () => {
    const { subscriptions, add } = registry();
    const bars = add('bar', '1', ['BTC/USDT', 'ETH/USDT']);
    const btcBar = add('bar', '5', 'BTC/USDT');
    subscriptions.removeMatching('bar:*:BTC/USDT');
    expect(bars.topics).toEqual(['bar:1:ETH/USDT']);
    expect(btcBar.active).toBe(false);
  });

  it('refuse: reaches the waiting subscribe() when there is one, and says so', () => {
    const { subscriptions, add } = registry();
    const waiting = add('trades', 'BTC/USDT');
    let refused: unknown;
    waiting.confirm = { resolve: () => undefined, reject: (e) => (refused = e) };
    expect(subscriptions.refuse(waiting, 'no')).toBe(true);
    expect(refused).toBe('no');
    expect(subscriptions.refuse(add('trades', 'ETH/USDT'), 'no')).toBe(false);
  });

  it('queues at most maxQueued per subscription and reports the overflow once per episode', () => {
    const { subscriptions, add, overflows } = registry(5);
    const depth = add('depth', 'BTC/USDT');
    for (let i = 0; i < 20; i++)
      subscriptions.deliver('depth', 'DepthMessage', message({ m: 'depth', symbol: 'BTC/USDT' }));
    expect(depth.queue.size).toBe(5);
    expect(depth.queue.dropped).toBe(15);
    expect(overflows).toEqual([depth]);
  });

  it('the view: breaking out of its loop tells the registry; its counters read the queue', async () => {
    const { subscriptions, add, returned } = registry();
    const handle = add('depth', 'BTC/USDT');
    const view = subscriptions.view(handle);
    subscriptions.deliver('depth', 'DepthMessage', message({ m: 'depth', symbol: 'BTC/USDT' }));
    expect(view.queued).toBe(1);
    for await (const m of view) {
      expect(m).toMatchObject({ m: 'depth' });
      break;
    }
    expect(returned).toEqual([handle]);
  });
});
