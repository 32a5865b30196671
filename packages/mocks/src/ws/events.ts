// Engine events as the exchange publishes them on the WebSocket: each becomes one `ExchangeEvent`
// (a topic and the message the subscribed sessions receive). Depth updates go to `depth:` and
// `depth-realtime:` alike.
import type { ServerMessage } from '@ascendex-toolkit/types';
import type { ExchangeEvent } from '../backend.js';
import type { EngineEvent } from '../engine/events.js';
import { orderUpdateData } from '../wire/orders.js';

const accountCode = (category: 'cash' | 'margin') => (category === 'cash' ? 'CASH' : 'MARGIN') as 'CASH' | 'MARGIN';

/** The exchange events an engine event is published as (none for events the WebSocket does not carry). */
export function exchangeEvents(event: EngineEvent): ExchangeEvent[] {
  switch (event.kind) {
    case 'order': {
      const { order, base, quote, category } = event;
      const data = orderUpdateData(order, {
        bab: base.available,
        btb: base.total,
        qab: quote.available,
        qtb: quote.total,
      });
      if (event.status !== undefined) data.st = event.status;
      if (event.errorCode !== undefined) data.err = event.errorCode;
      const message: ServerMessage = { m: 'order', accountId: order.accountId, ac: order.ac, data };
      return [
        {
          kind: 'account',
          accountId: order.accountId,
          topic: `order:${category}`,
          message,
          ...(event.ackMode ? { ackMode: event.ackMode } : {}),
        },
      ];
    }
    case 'cancel-reject':
      return [
        {
          kind: 'account',
          accountId: event.accountId,
          topic: `order:${event.category}`,
          ackMode: 'ready',
          message: {
            m: 'order',
            accountId: event.accountId,
            ac: accountCode(event.category),
            data: {
              sn: event.sn,
              ot: 'NULL_VAL',
              s: event.symbol,
              t: event.time,
              orderId: event.cancelId,
              origOrderId: event.origOrderId,
              st: 'Rejected',
              err: 'OrderCancelReject',
              text: event.reason,
            },
          },
        },
      ];
    case 'balance': {
      const { accountId, asset: a, sn, figures } = event;
      const message: ServerMessage =
        event.category === 'cash'
          ? { m: 'balance', accountId, ac: 'CASH', data: { a, sn, tb: figures.total, ab: figures.available } }
          : {
              m: 'balance',
              accountId,
              ac: 'MARGIN',
              data: { a, sn, tb: figures.total, ab: figures.available, brw: '0', int: '0' },
            };
      return [{ kind: 'account', accountId, topic: `order:${event.category}`, message }];
    }
    case 'depth': {
      const { symbol, seqnum, ts, asks, bids } = event;
      const data = { seqnum, ts, asks: [...asks], bids: [...bids] };
      return [
        { kind: 'market', topic: `depth:${symbol}`, message: { m: 'depth', symbol, data } },
        { kind: 'market', topic: `depth-realtime:${symbol}`, message: { m: 'depth-realtime', symbol, data } },
      ];
    }
    case 'bbo':
      return [
        {
          kind: 'market',
          topic: `bbo:${event.symbol}`,
          message: { m: 'bbo', symbol: event.symbol, data: { ts: event.ts, bid: event.bid, ask: event.ask } },
        },
      ];
    case 'trade':
      return [
        {
          kind: 'market',
          topic: `trades:${event.symbol}`,
          message: { m: 'trades', symbol: event.symbol, data: [event.trade] },
        },
      ];
    case 'bar':
      return [
        {
          kind: 'market',
          topic: `bar:${event.bar.i}:${event.symbol}`,
          message: { m: 'bar', s: event.symbol, data: event.bar },
        },
      ];
    case 'ref-px':
      return [
        {
          kind: 'market',
          topic: `ref-px:${event.asset}`,
          message: { m: 'ref-px', a: event.asset, p: event.price, t: event.ts } as ServerMessage,
        },
      ];
  }
}
