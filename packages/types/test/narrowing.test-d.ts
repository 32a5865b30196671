// Type-level tests: server messages narrow on their discriminators, payload fields have the types
// the spec says (decimal strings, lossless integers), and wrong field types do not compile.
import { describe, it, expectTypeOf } from 'vitest';
import type {
  ServerMessage,
  ServerMessageMap,
  ConnectedMessage,
  DepthMessage,
  TradesMessage,
  OrderUpdateMessage,
  OrderCancelRejectMessage,
  PlaceOrderAckMessage,
  PlaceOrderErrMessage,
  CancelOrderAckMessage,
  CashBalanceUpdateMessage,
  MarginBalanceUpdateMessage,
  BalanceSnapshotMessage,
  WsPlaceOrderReply,
  WsRequestMap,
  WsChannelMap,
  DepthTopic,
  GetDepthData,
  DepthSnapshot,
  PlaceOrderBody,
  PlaceOrderArgs,
  PlaceOrderResponse,
  GetTickerData,
  Ticker,
  OrderSide,
  SequenceNumber,
  KnownErrorCode,
} from '../src/index.js';
import { orderSideValues, errorCatalog, specInfo } from '../src/index.js';

describe('server message narrowing', () => {
  it('narrows on m, and on op for the connected message', () => {
    const handle = (msg: ServerMessage) => {
      if (msg.m === 'depth') expectTypeOf(msg).toEqualTypeOf<DepthMessage>();
      if (msg.m === 'trades') expectTypeOf(msg).toEqualTypeOf<TradesMessage>();
      // The greeting carries its kind in `m` (recorded traffic) or in `op` (the docs), never both;
      // no other message has `op`, so a missing `m` narrows to the printed form.
      if (msg.m === 'connected') expectTypeOf(msg).toEqualTypeOf<Extract<ConnectedMessage, { m: 'connected' }>>();
      if (msg.m === undefined) expectTypeOf(msg).toEqualTypeOf<Extract<ConnectedMessage, { op: 'connected' }>>();
    };
    expectTypeOf(handle).toBeFunction();
  });

  it('narrows m=order on action and status', () => {
    const handle = (msg: ServerMessage) => {
      if (msg.m !== 'order') return;
      if (msg.action === 'place-order') {
        expectTypeOf(msg).toEqualTypeOf<PlaceOrderAckMessage | PlaceOrderErrMessage>();
        if (msg.status === 'Ack') expectTypeOf(msg).toEqualTypeOf<PlaceOrderAckMessage>();
        if (msg.status === 'Err') expectTypeOf(msg).toEqualTypeOf<PlaceOrderErrMessage>();
      }
      if (msg.action === 'cancel-order' && msg.status === 'Ack')
        expectTypeOf(msg).toEqualTypeOf<CancelOrderAckMessage>();
      if (msg.action === undefined) expectTypeOf(msg).toEqualTypeOf<OrderUpdateMessage | OrderCancelRejectMessage>();
    };
    expectTypeOf(handle).toBeFunction();
  });

  it('narrows m=balance on ac', () => {
    const handle = (msg: ServerMessage) => {
      if (msg.m !== 'balance') return;
      expectTypeOf(msg).toEqualTypeOf<CashBalanceUpdateMessage | MarginBalanceUpdateMessage | BalanceSnapshotMessage>();
      if (msg.ac === 'MARGIN') expectTypeOf<MarginBalanceUpdateMessage>().toMatchTypeOf<typeof msg>();
      if (msg.ac === 'MARGIN') expectTypeOf<CashBalanceUpdateMessage>().not.toMatchTypeOf<typeof msg>();
    };
    expectTypeOf(handle).toBeFunction();
  });

  it('maps names and requests to types', () => {
    expectTypeOf<ServerMessageMap['DepthMessage']>().toEqualTypeOf<DepthMessage>();
    expectTypeOf<WsRequestMap['place-order']['reply']>().toEqualTypeOf<WsPlaceOrderReply>();
    expectTypeOf<WsChannelMap['depth']['topic']>().toEqualTypeOf<DepthTopic>();
    expectTypeOf<'depth:BTC/USDT'>().toMatchTypeOf<DepthTopic>();
    expectTypeOf<'bbo:BTC/USDT'>().not.toMatchTypeOf<DepthTopic>();
  });
});

describe('payload field types', () => {
  it('keeps money as strings and sequence numbers lossless', () => {
    expectTypeOf<DepthMessage['data']['asks'][number]>().toEqualTypeOf<[string, string]>();
    expectTypeOf<SequenceNumber>().toEqualTypeOf<number | bigint>();
    expectTypeOf<TradesMessage['data'][number]['seqnum']>().toEqualTypeOf<number | bigint>();
    expectTypeOf<PlaceOrderArgs['orderQty']>().toEqualTypeOf<string>();
  });

  it('names REST payloads and bodies', () => {
    expectTypeOf<GetDepthData>().toEqualTypeOf<DepthSnapshot>();
    expectTypeOf<PlaceOrderBody>().toEqualTypeOf<PlaceOrderArgs>();
    expectTypeOf<GetTickerData>().toEqualTypeOf<Ticker | Ticker[]>();
    expectTypeOf<Extract<PlaceOrderResponse, { code: 0 }>>().not.toBeNever();
  });

  it('narrows order arguments on orderType, requiring the price a type needs', () => {
    const handle = (args: PlaceOrderArgs) => {
      if (args.orderType === 'limit') expectTypeOf(args.orderPrice).toEqualTypeOf<string>();
      if (args.orderType === 'stop_market') expectTypeOf(args.stopPrice).toEqualTypeOf<string>();
    };
    // @ts-expect-error a limit order needs orderPrice
    const noPrice: PlaceOrderArgs = { time: 1, symbol: 'BTC/USDT', orderQty: '1', orderType: 'limit', side: 'buy' };
    const postOnlyMarket: PlaceOrderArgs = {
      time: 1,
      symbol: 'BTC/USDT',
      orderQty: '1',
      orderType: 'market',
      side: 'buy',
      // @ts-expect-error only limit orders take postOnly
      postOnly: true,
    };
    expectTypeOf([handle, noPrice, postOnlyMarket]).not.toBeNever();
  });

  it('rejects wrong field types at compile time', () => {
    // @ts-expect-error a price level is two decimal strings, not numbers
    const level: DepthMessage['data']['asks'][number] = [0.5, 1];
    // @ts-expect-error orderQty is a decimal string
    const body: Pick<PlaceOrderArgs, 'orderQty'> = { orderQty: 1.5 };
    // @ts-expect-error m is the literal "depth"
    const m: DepthMessage['m'] = 'trades';
    // @ts-expect-error side is Buy or Sell
    const side: OrderSide = 'buy';
    expectTypeOf([level, body, m, side]).not.toBeNever();
  });
});

describe('runtime constants', () => {
  it('types enum arrays and the error catalog', () => {
    expectTypeOf(orderSideValues).toEqualTypeOf<readonly ['Buy', 'Sell']>();
    expectTypeOf<(typeof orderSideValues)[number]>().toEqualTypeOf<OrderSide>();
    expectTypeOf<100001>().toMatchTypeOf<KnownErrorCode>();
    expectTypeOf(errorCatalog[300011].reason).toEqualTypeOf<'INVALID_BALANCE'>();
    expectTypeOf(specInfo.sha256).toBeString();
  });
});
