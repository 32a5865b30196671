// The two request profiles on the same inputs: the strict one (what our client may send) refuses
// what the exchange-side one (what the mocks must accept) accepts as the exchange does, and the
// exchange-side one refuses what the exchange refuses, with its codes. The inputs are the requests
// production clients were seen sending (spec/discrepancies/traffic.yaml).
import { describe, it, expect } from 'vitest';
import {
  isPlaceOrderBody,
  isPlaceBatchOrdersBody,
  isGetMarketTradesParams,
  isGetBarHistoryParams,
  isListHistoryOrdersV2Params,
  isGetDepositAddressesParams,
  isWsPongRequest,
  isWsAuthRequest,
  isWsPlaceOrderRequest,
  AscendexError,
} from '../src/index.js';
import {
  checkRestParams,
  checkRestBody,
  parseRestBody,
  checkClientMessage,
  parseClientMessage,
  exchangeRestValidators,
  jsonDepth,
  MAX_JSON_DEPTH,
  type ExchangeCheck,
  type RestOperationId,
} from '../src/exchange.js';

const limitOrder = {
  time: 1700000000000,
  symbol: 'BTC/USDT',
  orderPrice: '35000.5',
  orderQty: '0.01',
  orderType: 'limit',
  side: 'buy',
};

function accepted<T>(result: ExchangeCheck<T>): T {
  if (!result.ok) throw new Error(`refused: ${result.refusal.reason} ${result.refusal.message}`);
  return result.value;
}
function refused<T>(result: ExchangeCheck<T>) {
  if (result.ok)
    throw new Error(`accepted ${JSON.stringify(result.value, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v))}`);
  return result.refusal;
}

describe('strict refuses, exchange-side accepts as the exchange does', () => {
  it('an order with fields the exchange ignores (category, clientOrderId)', () => {
    const body = { ...limitOrder, category: 'spot', clientOrderId: 'abc123' };
    expect(isPlaceOrderBody(body)).toBe(false);
    expect(accepted(checkRestBody('placeOrder', body))).toEqual(body);
  });

  it('a batch whose orders carry routing keys', () => {
    const body = {
      orders: [
        { ...limitOrder, accountCategory: 'cash', account: 'cash' },
        { ...limitOrder, side: 'sell', ac: 'CASH' },
      ],
    };
    expect(isPlaceBatchOrdersBody(body)).toBe(false);
    expect(accepted(checkRestBody('placeBatchOrders', body)).orders).toHaveLength(2);
  });

  it('a trades request with n=1000: capped at 100, from a query string', () => {
    expect(isGetMarketTradesParams({ symbol: 'BTC/USDT', n: 1000 })).toBe(false);
    expect(accepted(checkRestParams('getMarketTrades', { symbol: 'BTC/USDT', n: '1000' }))).toEqual({
      symbol: 'BTC/USDT',
      n: 100,
    });
    expect(accepted(checkRestParams('getMarketTrades', { symbol: 'BTC/USDT', n: 1000 }))).toEqual({
      symbol: 'BTC/USDT',
      n: 100,
    });
  });

  it('query values as strings, converted to the parameter types', () => {
    const query = { symbol: 'ETH/USDT', interval: '15', to: '1700000000000', n: '20' };
    expect(isGetBarHistoryParams(query)).toBe(false);
    expect(isGetBarHistoryParams({ ...query, to: 1700000000000, n: 20 })).toBe(true);
    expect(accepted(checkRestParams('getBarHistory', query))).toEqual({ ...query, to: 1700000000000, n: 20 });
    expect(accepted(checkRestParams('getBarHistory', { ...query, n: '600' })).n).toBe(500);
  });

  it('history queries with until and startTs, and a sequence number above 2^53 kept exact', () => {
    const query = {
      account: 'cash',
      seqNum: '144115191800016553',
      until: '1700000000000',
      startTs: '1690000000000',
      limit: '5000',
    };
    expect(isListHistoryOrdersV2Params(query)).toBe(false);
    const value = accepted(checkRestParams('listHistoryOrdersV2', query));
    expect(value.seqNum).toBe(144115191800016553n);
    expect(value.limit).toBe(1000);
  });

  it('a deposit-address query with network', () => {
    const query = { asset: 'USDT', blockchain: 'TRC20', network: 'TRON' };
    expect(isGetDepositAddressesParams(query)).toBe(false);
    expect(accepted(checkRestParams('getDepositAddresses', query))).toEqual(query);
  });

  it('path parameters from the URL, as strings', () => {
    expect(accepted(checkRestParams('getMarginRisk', { accountGroup: '6' }))).toEqual({ accountGroup: 6 });
    expect(accepted(checkRestParams('placeOrder', { accountGroup: '6', accountCategory: 'margin' }))).toEqual({
      accountGroup: 6,
      accountCategory: 'margin',
    });
  });

  it('a pong with hp, and an auth message whose t is a string', () => {
    expect(isWsPongRequest({ op: 'pong', hp: 3 })).toBe(false);
    const pong = checkClientMessage({ op: 'pong', hp: 3 });
    expect(pong.ok && pong.name).toBe('WsPongRequest');
    const auth = { op: 'auth', id: 'a1', t: '1700000000000', key: 'k', sig: 's' };
    expect(isWsAuthRequest(auth)).toBe(false);
    const result = parseClientMessage(JSON.stringify(auth));
    if (!result.ok || result.name !== 'WsAuthRequest') throw new Error('auth refused');
    expect(result.value.t).toBe(1700000000000);
  });

  it('a socket order with the docs spelling of the action and an ignored field', () => {
    const message = {
      op: 'req',
      action: 'place-Order',
      account: 'cash',
      id: 'r1',
      args: { ...limitOrder, category: 'spot' },
    };
    expect(isWsPlaceOrderRequest(message)).toBe(false);
    const result = checkClientMessage(message);
    expect(result.ok && result.name).toBe('WsPlaceOrderRequest');
  });

  it('the reference POST for margin risk, and both prehashes of the legacy v2 history', () => {
    expect(exchangeRestValidators.getMarginRisk.methods).toEqual(['get', 'post']);
    expect(exchangeRestValidators.listHistoryOrdersV2Legacy.prehashes).toEqual(['order/hist', 'v2/order/hist']);
    expect(exchangeRestValidators.listHistoryOrdersV2.prehashes).toEqual(['data/v2/order/hist']);
    expect(exchangeRestValidators.listProductsLegacy).toMatchObject({
      methods: ['get'],
      route: '/api/pro/v1/products',
    });
    expect('prehashes' in exchangeRestValidators.getDepth).toBe(false);
  });

  it('filters sent as null, as the docs send them, are kept null', () => {
    const body = { subUserId: null, asset: null, startTime: null, endTime: null, page: 1, pageSize: 10 };
    expect(accepted(checkRestBody('getSubuserTransferHistory', body))).toEqual(body);
    expect(
      accepted(checkRestBody('getSubuserTransferHistory', { ...body, asset: 'USDT', startTime: '1700000000000' })),
    ).toMatchObject({
      asset: 'USDT',
      startTime: 1700000000000,
    });
  });

  it('leaves its argument as it was', () => {
    const query = { symbol: 'BTC/USDT', n: '1000' };
    checkRestParams('getMarketTrades', query);
    expect(query).toEqual({ symbol: 'BTC/USDT', n: '1000' });
  });
});

describe('exchange-side refuses what the exchange refuses, with its codes', () => {
  const cases: [string, RestOperationId, unknown, number, string][] = [
    ['a limit order without a price', 'placeOrder', { ...limitOrder, orderPrice: undefined }, 300001, 'INVALID_PRICE'],
    ['a negative quantity', 'placeOrder', { ...limitOrder, orderQty: '-1' }, 300002, 'INVALID_QTY'],
    ['an unknown order type', 'placeOrder', { ...limitOrder, orderType: 'teleport' }, 300005, 'INVALID_TYPE'],
    ['an order without a type', 'placeOrder', { ...limitOrder, orderType: undefined }, 300005, 'INVALID_TYPE'],
    ['an unknown side', 'placeOrder', { ...limitOrder, side: 'up' }, 300003, 'INVALID_SIDE'],
    [
      'an unknown time in force',
      'placeOrder',
      { ...limitOrder, timeInForce: 'FOREVER' },
      300007,
      'INVALID_TIME_IN_FORCE',
    ],
    [
      'a stop order without a stop price',
      'placeOrder',
      { ...limitOrder, orderType: 'stop_limit' },
      300001,
      'INVALID_PRICE',
    ],
    ['an order without a symbol', 'placeOrder', { ...limitOrder, symbol: undefined }, 100004, 'INVALID_REQUEST_DATA'],
    [
      'a batch with one bad quantity',
      'placeBatchOrders',
      { orders: [limitOrder, { ...limitOrder, orderQty: 'lots' }] },
      300002,
      'INVALID_QTY',
    ],
  ];
  it.each(cases)('%s', (_what, operationId, body, code, reason) => {
    const json = JSON.parse(JSON.stringify(body));
    const refusal = refused(checkRestBody(operationId, json));
    expect({ code: refusal.code, reason: refusal.reason }).toEqual({ code, reason });
    expect(refusal.issues.length).toBeGreaterThan(0);
    expect(refusal.message.length).toBeGreaterThan(0);
  });

  it('query values that do not convert, or are below the minimum, or are missing', () => {
    for (const query of [{ symbol: 'BTC/USDT', n: 'abc' }, { symbol: 'BTC/USDT', n: '0' }, { n: '10' }]) {
      const refusal = refused(checkRestParams('getMarketTrades', query));
      expect([refusal.code, refusal.reason]).toEqual([100004, 'INVALID_REQUEST_DATA']);
    }
    expect(
      refused(checkRestParams('placeOrder', { accountGroup: '6', accountCategory: 'futures' })).issues[0]?.path,
    ).toBe('/accountCategory');
  });

  it('a body that is not JSON, with INVALID_JSON_FORMAT', () => {
    const refusal = refused(parseRestBody('placeOrder', '{"symbol": "BTC/USDT",'));
    expect([refusal.code, refusal.reason]).toEqual([150001, 'INVALID_JSON_FORMAT']);
    expect(accepted(parseRestBody('getDepth', 'ignored'))).toBeUndefined();
  });

  it('socket messages of unknown kinds or with bad fields, echoing the id', () => {
    const unknownAction = checkClientMessage({ op: 'req', action: 'trade-snapshot', id: 'ab123' });
    expect(unknownAction).toMatchObject({
      ok: false,
      id: 'ab123',
      refusal: { code: 100005, reason: 'INVALID_WS_REQUEST_DATA' },
    });
    expect(!unknownAction.ok && unknownAction.refusal.message).toContain('trade-snapshot');
    expect(checkClientMessage({ op: 'subscribe' })).toMatchObject({ ok: false, refusal: { code: 100005 } });
    expect(checkClientMessage([1, 2])).toMatchObject({ ok: false, refusal: { code: 100005 } });
    expect(parseClientMessage('{"op":')).toMatchObject({ ok: false, refusal: { code: 100005 } });
    const badAuth = checkClientMessage({ op: 'auth', id: 'x', t: 'yesterday', key: 'k', sig: 's' });
    expect(badAuth).toMatchObject({ ok: false, id: 'x', refusal: { code: 100005 } });
    const badOrder = checkClientMessage({
      op: 'req',
      action: 'place-order',
      account: 'cash',
      id: 'r2',
      args: { ...limitOrder, orderPrice: '-3' },
    });
    expect(badOrder).toMatchObject({ ok: false, id: 'r2', refusal: { code: 300001, reason: 'INVALID_PRICE' } });
  });

  it('an operationId that does not exist is a typed error', () => {
    expect(() => checkRestParams('teleport' as RestOperationId, {})).toThrow(AscendexError);
  });
});

describe('requests no server should accept, refused instead of crashing or passing (issue 15)', () => {
  it('refuses bodies that are not objects, and batch items that are not orders', () => {
    for (const text of ['null', '[null,null]', '"abc"', '42'])
      expect(refused(parseRestBody('placeOrder', text)), text).toMatchObject({
        code: 150001,
        reason: 'INVALID_JSON_FORMAT',
      });
    expect(refused(checkRestBody('placeOrder', null)).code).toBe(100004);
    expect(refused(parseRestBody('placeBatchOrders', '{"orders":[null]}')).code).toBe(100004);
    expect(refused(parseRestBody('placeBatchOrders', '{"orders":[[]]}')).code).toBe(100004);
  });

  it('reads an empty body as none where the body is optional, and refuses it where it is required', () => {
    expect(accepted(parseRestBody('cancelAllOrders', ''))).toBeUndefined();
    expect(accepted(checkRestBody('cancelAllOrders', undefined))).toBeUndefined();
    expect(refused(parseRestBody('cancelOrder', '')).code).toBe(150001);
    expect(exchangeRestValidators.cancelAllOrders.bodyRequired).toBe(false);
    expect(exchangeRestValidators.placeOrder.bodyRequired).toBe(true);
  });

  it('refuses JSON nested deeper than MAX_JSON_DEPTH without a stack overflow, REST and WebSocket', () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    expect(jsonDepth(deep)).toBe(10_000);
    expect(jsonDepth('{"a":"[[[[","b":[{}]}')).toBe(3);
    expect(refused(parseRestBody('placeOrder', deep))).toMatchObject({ code: 150001 });
    const nested = `{"op":"sub","id":"x","ch":${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}}`;
    expect(parseClientMessage(nested)).toMatchObject({ ok: false, refusal: { code: 100005 } });
    let value: unknown = 1;
    for (let i = 0; i < 100_000; i++) value = [value];
    expect(refused(checkRestBody('placeOrder', value)).code).toBe(100004);
  });

  it('refuses a time beyond the spec bound and an int64 beyond the int64 range', () => {
    const late = refused(
      parseRestBody('placeOrder', JSON.stringify({ ...limitOrder }).replace('1700000000000', '10000000000000000000')),
    );
    expect(late.code).toBe(100004);
    expect(
      refused(checkRestParams('getBarHistory', { symbol: 'BTC/USDT', interval: '1', to: '10000000000000000000000' }))
        .code,
    ).toBe(100004);
    expect(
      accepted(checkRestParams('getBarHistory', { symbol: 'BTC/USDT', interval: '1', to: '253402300799999' })).to,
    ).toBe(253402300799999);
    expect(
      accepted(checkRestParams('listHistoryOrdersV2', { account: 'cash', seqNum: '9223372036854775807' })).seqNum,
    ).toBe(9223372036854775807n);
    for (const seqNum of ['9223372036854775808', '-9223372036854775809', '99999999999999999999999999'])
      expect(refused(checkRestParams('listHistoryOrdersV2', { account: 'cash', seqNum })).message, seqNum).toMatch(
        /int64/,
      );
  });
});
