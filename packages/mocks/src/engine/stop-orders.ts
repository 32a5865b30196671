// Stop orders waiting for their trigger, by symbol. A stop order triggers when the market's last
// trade price reaches its stop price: buy stops at or above it, sell stops at or below it. The
// matching engine asks which waiting orders are due after every market step and every fill.
import { cmp } from '@ascendex-toolkit/validators/orders';
import type { MockOrder } from './orders.js';

export class StopOrders {
  private readonly waiting = new Map<string, Set<MockOrder>>();

  constructor(private readonly lastPrice: (symbol: string) => string) {}

  /** Whether the market price has reached a stop order's stop price. */
  reached(order: MockOrder): boolean {
    const price = this.lastPrice(order.symbol);
    return order.side === 'Buy' ? cmp(price, order.stopPrice) >= 0 : cmp(price, order.stopPrice) <= 0;
  }

  /** Keeps a stop order until it triggers or finishes. */
  wait(order: MockOrder): void {
    let waiting = this.waiting.get(order.symbol);
    if (!waiting) this.waiting.set(order.symbol, (waiting = new Set()));
    waiting.add(order);
  }

  /** Stops watching an order (it triggered or finished). */
  forget(order: MockOrder): void {
    this.waiting.get(order.symbol)?.delete(order);
  }

  /**
   * The stop orders waiting now (of `symbol` when given), as a list taken before any of them acts:
   * triggering one can fill, cancel or trigger others, so check each again before acting on it.
   */
  waitingNow(symbol?: string): MockOrder[] {
    if (symbol !== undefined) return [...(this.waiting.get(symbol) ?? [])];
    return [...this.waiting.values()].flatMap((orders) => [...orders]);
  }
}
