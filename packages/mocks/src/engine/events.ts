// What the engine tells its listeners: domain facts, no wire format. The WebSocket layer
// (../ws/events.ts) turns them into the exchange's messages.
import type { BarData, OrderStatus, PriceLevel, TradeRecord } from '@ascendex-toolkit/types';
import type { MockOrder } from './orders.js';

/** An account category as URLs name it. @public */
export type Category = 'cash' | 'margin';

/** Total and available amount of one asset. */
export interface BalanceFigures {
  readonly total: string;
  readonly available: string;
}

export type EngineEvent =
  /** An order changed. `ackMode` limits it to the sessions in that mode; `status`/`errorCode` override what the order says (the two views of the same change). */
  | {
      readonly kind: 'order';
      readonly order: Readonly<MockOrder>;
      readonly category: Category;
      /** Base and quote balances after the change. */
      readonly base: BalanceFigures;
      readonly quote: BalanceFigures;
      readonly ackMode?: 'new' | 'ready';
      readonly status?: OrderStatus;
      readonly errorCode?: string;
    }
  /** A cancel request found no open order to cancel (Ready Ack sessions hear of it). */
  | {
      readonly kind: 'cancel-reject';
      readonly accountId: string;
      readonly category: Category;
      readonly cancelId: string;
      readonly origOrderId: string;
      readonly symbol: string;
      readonly reason: 'TooLateToCancel' | 'NoOpenForCancel';
      readonly sn: number;
      readonly time: number;
    }
  | {
      readonly kind: 'balance';
      readonly accountId: string;
      readonly category: Category;
      readonly asset: string;
      readonly sn: number;
      readonly figures: BalanceFigures;
    }
  | {
      readonly kind: 'depth';
      readonly symbol: string;
      readonly seqnum: number;
      readonly ts: number;
      readonly asks: readonly PriceLevel[];
      readonly bids: readonly PriceLevel[];
    }
  | {
      readonly kind: 'bbo';
      readonly symbol: string;
      readonly ts: number;
      readonly bid: PriceLevel;
      readonly ask: PriceLevel;
    }
  | { readonly kind: 'trade'; readonly symbol: string; readonly trade: TradeRecord }
  /** The live bar of one interval after a trade. */
  | { readonly kind: 'bar'; readonly symbol: string; readonly bar: BarData }
  | { readonly kind: 'ref-px'; readonly asset: string; readonly price: string; readonly ts: number };

export type EngineListener = (event: EngineEvent) => void;
