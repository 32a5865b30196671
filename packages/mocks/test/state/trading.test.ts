// A trading day through the backend API: orders placed over REST and WebSocket, seen open, filled
// in parts, cancelled; balances (fees included) checked to the last digit; every answer and event
// validated strictly.
import { describe, expect, it } from 'vitest';
import { defaultAccount } from '../../src/backend.js';
import { limit, messages, rest, setup, T0, ws } from './harness.js';

const cash = { accountCategory: 'cash' };
const balanceOf = (body: Record<string, any>, asset: string) =>
  (body.data as { asset: string }[]).find((b) => b.asset === asset);

describe('the stateful mock exchange: REST trading', () => {
  it('places a limit order, holds its funds, fills it in two parts with fees, and reports every change', () => {
    const { exchange, events } = setup();
    const placed = rest(exchange, 'placeOrder', cash, limit({ id: 'clientOrder123456789' }));
    expect(placed.data.status).toBe('Ack');
    const orderId: string = placed.data.info.orderId;
    expect(orderId).toBe(`a${T0.toString(16)}${defaultAccount.userUID}123456789`);

    // Open, and 40000 × 0.5 × (1 + 0.001 reserve) = 20020 USDT held.
    const open = rest(exchange, 'listOpenOrders', cash);
    expect(open.data.map((o: { orderId: string }) => o.orderId)).toEqual([orderId]);
    expect(balanceOf(rest(exchange, 'getCashBalance'), 'USDT')).toEqual({
      asset: 'USDT',
      totalBalance: '100000',
      availableBalance: '79980',
    });

    // Partial fill at a better price, maker fee 0.001 in quote (commissionType Quote).
    exchange.fill(orderId, { qty: '0.2', price: '39999.5' });
    let status = rest(exchange, 'getOrderStatus', { ...cash, orderId });
    expect(status.data).toMatchObject({
      status: 'PartiallyFilled',
      cumFilledQty: '0.2',
      avgPx: '39999.5',
      cumFee: '7.9999',
    });
    // Paid 7999.9 + fee 7.9999; 0.2 × 40000 × 1.001 = 8008 released from the hold.
    let usdt = balanceOf(rest(exchange, 'getCashBalance'), 'USDT');
    expect(usdt).toEqual({ asset: 'USDT', totalBalance: '91992.1001', availableBalance: '79980.1001' });
    expect(balanceOf(rest(exchange, 'getCashBalance'), 'BTC')).toMatchObject({
      totalBalance: '5.2',
      availableBalance: '5.2',
    });

    exchange.fill(orderId);
    status = rest(exchange, 'getOrderStatus', { ...cash, orderId });
    expect(status.data).toMatchObject({ status: 'Filled', cumFilledQty: '0.5', cumFee: '19.9999', avgPx: '39999.8' });
    usdt = balanceOf(rest(exchange, 'getCashBalance'), 'USDT');
    // 100000 − 7999.9 − 7.9999 − 12000 − 12 = 79980.1001, nothing held any more.
    expect(usdt).toEqual({ asset: 'USDT', totalBalance: '79980.1001', availableBalance: '79980.1001' });
    expect(rest(exchange, 'listOpenOrders', cash).data).toEqual([]);

    // The histories have it.
    expect(rest(exchange, 'listCurrentHistoryOrders', cash).data.map((o: { orderId: string }) => o.orderId)).toEqual([
      orderId,
    ]);
    expect(rest(exchange, 'listHistoryOrdersV2', { account: 'cash' }).data[0]).toMatchObject({
      orderId,
      status: 'Filled',
      fillQty: '0.5',
      fee: '19.9999',
    });
    expect(rest(exchange, 'listHistoryOrdersV2Legacy', { account: defaultAccount.cashAccountId }).data).toHaveLength(1);
    expect(rest(exchange, 'listHistoryOrders', { category: 'cash' }).data.data[0]).toMatchObject({
      orderId,
      cumQty: '0.5',
    });

    // Order channel: New, PartiallyFilled, Filled; balances reported after each change; sn increasing.
    const orderTopic = messages(events, 'order:cash');
    expect(orderTopic.filter((m) => m.m === 'order').map((m) => m.data.st)).toEqual([
      'New',
      'PartiallyFilled',
      'Filled',
    ]);
    const sns = orderTopic.map((m) => m.data.sn as number);
    expect([...sns].sort((a, b) => a - b)).toEqual(sns);
    expect(new Set(sns).size).toBe(sns.length);
    const lastUsdt = orderTopic.filter((m) => m.m === 'balance' && m.data.a === 'USDT').at(-1)!;
    expect(lastUsdt.data).toMatchObject({ tb: '79980.1001', ab: '79980.1001' });
    expect(
      messages(events, 'order:cash', 'ready')
        .filter((m) => m.m === 'order')
        .map((m) => m.data.st),
    ).toEqual(['Ready', 'PartiallyFilled', 'Filled']);
  });

  it('charges Received commission in the asset received, and sells hold the base asset', () => {
    const { exchange } = setup();
    const placed = rest(
      exchange,
      'placeOrder',
      cash,
      limit({ symbol: 'ASD/USDT', orderPrice: '0.05', orderQty: '1000', side: 'sell' }),
    );
    const id = placed.data.info.orderId;
    expect(exchange.balances(defaultAccount, 'cash').get('ASD')).toEqual({ total: '1000000', available: '999000' });
    exchange.fill(id);
    // Received 50 USDT, fee 0.05 USDT.
    expect(exchange.balances(defaultAccount, 'cash').get('USDT')).toEqual({
      total: '100049.95',
      available: '100049.95',
    });
    expect(exchange.balances(defaultAccount, 'cash').get('ASD')).toEqual({ total: '999000', available: '999000' });
  });

  it('answers ACCEPT and DONE place-order instructions with the order detail', () => {
    const { exchange } = setup();
    const { orderPrice: _, ...market } = limit({ orderType: 'market' });
    const accept = rest(exchange, 'placeOrder', cash, limit({ respInst: 'ACCEPT' }));
    expect(accept.data).toMatchObject({
      status: 'ACCEPT',
      info: { status: 'New', orderType: 'Limit', price: '40000' },
    });
    exchange.setBook('BTC/USDT', { asks: [['41000', '1']], bids: [['39000', '1']] });
    const done = rest(exchange, 'placeOrder', cash, { ...market, orderQty: '0.1', respInst: 'DONE' });
    expect(done.data).toMatchObject({ status: 'DONE', info: { status: 'Filled', avgPx: '41000', cumFee: '4.1' } });
  });

  it('writes the order detail with the fields in the order of the docs sample, `id` only when the request had one', () => {
    const { exchange } = setup();
    const fields = ['avgPx', 'cumFee', 'cumFilledQty', 'errorCode', 'feeAsset', 'id', 'lastExecTime', 'orderId'].concat(
      ['orderQty', 'orderType', 'price', 'seqNum', 'side', 'status', 'stopPrice', 'symbol', 'execInst'],
    );
    const withId = rest(exchange, 'placeOrder', cash, limit({ id: 'detailOrder1', respInst: 'ACCEPT' })).data.info;
    const withoutId = rest(exchange, 'placeOrder', cash, limit({ orderPrice: '39000', respInst: 'ACCEPT' })).data.info;
    expect(Object.keys(withId)).toEqual(fields);
    expect(withId.id).toBe('detailOrder1');
    expect(Object.keys(withoutId)).toEqual(fields.filter((f) => f !== 'id'));
  });

  it('cancels one order, then all orders of a symbol, releasing the holds', () => {
    const { exchange, events } = setup();
    const a = rest(exchange, 'placeOrder', cash, limit()).data.info.orderId;
    const b = rest(exchange, 'placeOrder', cash, limit({ symbol: 'ETH/USDT', orderPrice: '2000', orderQty: '1' })).data
      .info.orderId;
    const c = rest(exchange, 'placeOrder', cash, limit({ orderPrice: '39000', orderQty: '0.1' })).data.info.orderId;
    const cancelled = rest(exchange, 'cancelOrder', cash, {
      id: 'cancelReq01',
      orderId: a,
      symbol: 'BTC/USDT',
      time: T0,
    });
    expect(cancelled.data).toMatchObject({
      action: 'cancel-order',
      status: 'Ack',
      info: { orderId: a, id: 'cancelReq01' },
    });
    expect(rest(exchange, 'getOrderStatus', { ...cash, orderId: a }).data.status).toBe('Canceled');

    const all = rest(exchange, 'cancelAllOrders', cash, { symbol: 'BTC/USDT' });
    expect(all.data.info).toMatchObject({ orderId: '', orderType: 'NULL_VAL', symbol: 'BTC/USDT' });
    const statuses = rest(exchange, 'getOrderStatus', { ...cash, orderId: `${b},${c}` }).data;
    expect(statuses.map((o: { status: string }) => o.status)).toEqual(['New', 'Canceled']);
    // Only ETH/USDT's 2000 × 1 × 1.001 is still held.
    expect(exchange.balances(defaultAccount, 'cash').get('USDT')).toEqual({ total: '100000', available: '97998' });
    rest(exchange, 'cancelAllOrders', cash, {});
    expect(exchange.balances(defaultAccount, 'cash').get('USDT')).toEqual({ total: '100000', available: '100000' });
    expect(messages(events, 'order:cash').filter((m) => m.m === 'order' && m.data.st === 'Canceled')).toHaveLength(3);
    expect(rest(exchange, 'listHistoryOrders', { status: 'Canceled' }).data.data).toHaveLength(3);
  });

  it('refuses to cancel an unknown or finished order with 300019', () => {
    const { exchange, events } = setup();
    const answer = rest(exchange, 'cancelOrder', cash, {
      orderId: 'a18bcfe5a800U1234567890nothere00',
      symbol: 'BTC/USDT',
      time: T0,
    });
    expect(answer).toMatchObject({ code: 300019, status: 'Err', action: 'cancel-order', info: { symbol: 'BTC/USDT' } });
    // Sessions in Ready Ack mode hear of it as an OrderCancelReject.
    expect(messages(events, 'order:cash', 'ready')[0]!.data).toMatchObject({
      err: 'OrderCancelReject',
      text: 'NoOpenForCancel',
    });
    expect(messages(events, 'order:cash', 'new')).toEqual([]);
  });

  it('places a batch, and refuses a batch with one bad order as a whole (the batch error)', () => {
    const { exchange } = setup();
    const good = rest(exchange, 'placeBatchOrders', cash, {
      orders: [limit({ id: 'batchOrder1' }), limit({ id: 'batchOrder2', orderPrice: '39000' })],
    });
    expect(good.data.info.map((i: { id: string }) => i.id)).toEqual(['batchOrder1', 'batchOrder2']);
    expect(rest(exchange, 'listOpenOrders', cash).data).toHaveLength(2);

    const bad = rest(exchange, 'placeBatchOrders', cash, {
      orders: [
        limit({ id: 'tooSmall01', orderQty: '0.0001' }),
        limit({ symbol: 'ETH/USDT', orderPrice: '2000', orderQty: '1' }),
      ],
    });
    expect(bad).toMatchObject({
      code: 300013,
      reason: 'INVALID_BATCH_ORDER',
      status: 'Err',
      action: 'batch-place-order',
    });
    expect(bad.info).toEqual([
      {
        code: 300004,
        id: 'tooSmall01',
        message: 'Notional is too small.',
        reason: 'INVALID_NOTIONAL',
        symbol: 'BTC/USDT',
      },
      { code: 300013, message: 'Some invalid order in this batch.', reason: 'INVALID_BATCH_ORDER', symbol: 'ETH/USDT' },
    ]);
    expect(rest(exchange, 'listOpenOrders', cash).data).toHaveLength(2);

    // Batch cancel: all or nothing too.
    const [x, y] = rest(exchange, 'listOpenOrders', cash).data.map((o: { orderId: string }) => o.orderId);
    const refused = rest(exchange, 'cancelBatchOrders', cash, {
      orders: [
        { orderId: x, symbol: 'BTC/USDT', time: T0 },
        { orderId: 'a18bcfe5a800U1234567890nothere00', symbol: 'BTC/USDT', time: T0 },
      ],
    });
    expect(refused.info.map((i: { reason: string }) => i.reason)).toEqual(['INVALID_BATCH_ORDER', 'INVALID_ORDER_ID']);
    expect(rest(exchange, 'listOpenOrders', cash).data).toHaveLength(2);
    const done = rest(exchange, 'cancelBatchOrders', cash, {
      orders: [
        { orderId: x, symbol: 'BTC/USDT', time: T0 },
        { orderId: y, symbol: 'BTC/USDT', time: T0 },
      ],
    });
    expect(done.data.action).toBe('batch-cancel-order');
    expect(rest(exchange, 'listOpenOrders', cash).data).toEqual([]);
  });

  it('gives each product rule and the balance check its documented code', () => {
    const { exchange } = setup();
    const refused = (over: Record<string, unknown>, category = 'cash') =>
      rest(exchange, 'placeOrder', { accountCategory: category }, limit({ id: 'ruleCheck1', ...over }));
    expect(refused({ orderPrice: '40000.001' })).toMatchObject({
      code: 300001,
      reason: 'INVALID_PRICE',
      status: 'Err',
    });
    expect(refused({ orderQty: '0.000001' })).toMatchObject({ code: 300002, reason: 'INVALID_QTY' });
    expect(refused({ orderQty: '2000' })).toMatchObject({ code: 300002, reason: 'INVALID_QTY' });
    expect(refused({ orderQty: '0.0001' })).toMatchObject({ code: 300004, reason: 'INVALID_NOTIONAL' });
    expect(refused({ orderQty: '60' })).toMatchObject({ code: 300004, reason: 'INVALID_NOTIONAL' });
    expect(refused({ orderQty: '3' })).toMatchObject({
      code: 300011,
      reason: 'INVALID_BALANCE',
      message: 'Not Enough Account Balance',
      info: { id: 'ruleCheck1', symbol: 'BTC/USDT' },
    });
    expect(refused({ side: 'sell', orderQty: '6' })).toMatchObject({ code: 300011 });
    expect(refused({ symbol: 'DOGE/USDT' })).toMatchObject({ code: 300012, reason: 'INVALID_PRODUCT' });
    expect(refused({ symbol: 'ASD/USDT', orderPrice: '0.05', orderQty: '1000' }, 'margin')).toMatchObject({
      code: 310004,
      reason: 'INVALID_MARGIN_ASSET',
    });
    expect(rest(exchange, 'listOpenOrders', cash).data).toEqual([]);
    expect(rest(exchange, 'getOrderStatus', { ...cash, orderId: 'a18bcfe5a800U1234567890nothere00' })).toMatchObject({
      code: 300006,
      reason: 'INVALID_ORDER_ID',
    });
  });

  it('trades on margin in the margin account and reports MARGIN balances', () => {
    const { exchange, events } = setup();
    const margin = { accountCategory: 'margin' };
    const id = rest(exchange, 'placeOrder', margin, limit({ orderQty: '0.1' })).data.info.orderId;
    exchange.fill(id);
    const usdt = rest(exchange, 'getMarginBalance').data.find((b: { asset: string }) => b.asset === 'USDT');
    expect(usdt).toMatchObject({ totalBalance: '95996', availableBalance: '95996', borrowed: '0' });
    expect(messages(events, 'order:margin').some((m) => m.m === 'balance' && m.ac === 'MARGIN')).toBe(true);
    expect(rest(exchange, 'getCashBalance').data.find((b: { asset: string }) => b.asset === 'USDT').totalBalance).toBe(
      '100000',
    );
    expect(rest(exchange, 'getMarginRisk').data.currentLeverage).toBe('1');
  });

  it('crosses marketable orders against a scripted book at book prices, as taker', () => {
    const { exchange, events } = setup({ takerFee: '0.002' });
    exchange.setBook('BTC/USDT', {
      asks: [
        ['40100', '0.1'],
        ['40200', '1'],
      ],
      bids: [['39900', '1']],
    });
    const id = rest(exchange, 'placeOrder', cash, limit({ orderPrice: '40150', orderQty: '0.3' })).data.info.orderId;
    // 0.1 filled at 40100; the rest (40200 is above the limit) rests on the book.
    const order = rest(exchange, 'getOrderStatus', { ...cash, orderId: id }).data;
    expect(order).toMatchObject({ status: 'PartiallyFilled', cumFilledQty: '0.1', avgPx: '40100', cumFee: '8.02' });
    const depth = rest(exchange, 'getDepth', { symbol: 'BTC/USDT' }).data.data;
    expect(depth.asks).toEqual([['40200', '1']]);
    expect(messages(events, 'trades:BTC/USDT').at(-1)!.data[0]).toMatchObject({ p: '40100', q: '0.1', bm: false });
    // IOC leaves nothing on the book.
    const ioc = rest(exchange, 'placeOrder', cash, limit({ orderPrice: '40200', orderQty: '2', timeInForce: 'IOC' }))
      .data.info.orderId;
    expect(rest(exchange, 'getOrderStatus', { ...cash, orderId: ioc }).data).toMatchObject({
      status: 'Canceled',
      cumFilledQty: '1',
    });
  });

  it('throws a typed error for fills the order cannot take', () => {
    const { exchange } = setup();
    const id = rest(exchange, 'placeOrder', cash, limit()).data.info.orderId;
    expect(() => exchange.fill(id, { qty: '0.6' })).toThrow(/at most/);
    expect(() => exchange.fill('nope')).toThrow(/unknown order/);
    exchange.fill(id);
    expect(() => exchange.fill(id)).toThrow(/not open/);
  });
});

describe('the stateful mock exchange: WebSocket requests', () => {
  it('places over the socket (s ids), lists, reports status, fills and cancels', () => {
    const { exchange, events } = setup();
    const [ack] = ws(exchange, {
      op: 'req',
      action: 'place-order',
      id: 'req1',
      account: 'cash',
      args: limit({ id: 'wsOrder000000001' }),
    });
    expect(ack).toMatchObject({
      m: 'order',
      id: 'req1',
      action: 'place-order',
      status: 'Ack',
      info: { id: 'wsOrder000000001' },
    });
    const orderId: string = ack!.info.orderId;
    expect(orderId.startsWith(`s${T0.toString(16)}`)).toBe(true);

    const [open] = ws(exchange, {
      op: 'req',
      action: 'open-order',
      id: 'req2',
      account: 'cash',
      args: { symbols: 'BTC/USDT' },
    });
    expect(open!.data.map((o: { orderId: string }) => o.orderId)).toEqual([orderId]);
    const [one] = ws(exchange, { op: 'req', action: 'order-status', id: 'req3', account: 'cash', args: { orderId } });
    expect(one!.data).toMatchObject({ orderId, st: 'New', e: 'ExecutionReport' });
    exchange.fill(orderId, { qty: '0.1' });
    const [list] = ws(exchange, {
      op: 'req',
      action: 'order-status',
      account: 'cash',
      args: { orderId: `${orderId},` },
    });
    expect(list!.data).toHaveLength(1);
    expect(list!.data[0]).toMatchObject({ st: 'PartiallyFilled', lq: '0.1', lp: '40000' });

    const [balance] = ws(exchange, { op: 'req', action: 'balance', id: 'req4', account: 'cash' });
    expect(balance!.data.find((b: { a: string }) => b.a === 'BTC')).toMatchObject({ tb: '5.1', ab: '5.1' });

    const [cancel] = ws(exchange, {
      op: 'req',
      action: 'cancel-order',
      id: 'req5',
      account: 'cash',
      args: { orderId, symbol: 'BTC/USDT', time: T0 },
    });
    expect(cancel).toMatchObject({ action: 'cancel-order', status: 'Ack', info: { orderId } });
    expect(
      messages(events, 'order:cash')
        .filter((m) => m.m === 'order')
        .map((m) => m.data.st),
    ).toEqual(['New', 'PartiallyFilled', 'Canceled']);

    // A second cancel of the same order: an error reply in New Ack mode, Ack + OrderCancelReject in Ready Ack mode.
    const again = {
      op: 'req',
      action: 'cancel-order',
      id: 'req6',
      account: 'cash',
      args: { orderId, symbol: 'BTC/USDT', time: T0 },
    };
    expect(ws(exchange, again)[0]).toMatchObject({ status: 'Err', info: { code: 300006, reason: 'INVALID_ORDER_ID' } });
    expect(ws(exchange, again, { account: defaultAccount, ackMode: 'ready' })[0]).toMatchObject({ status: 'Ack' });
    expect(messages(events, 'order:cash', 'ready').at(-1)!.data).toMatchObject({
      err: 'OrderCancelReject',
      text: 'TooLateToCancel',
      origOrderId: orderId,
    });

    const [all] = ws(exchange, { op: 'req', action: 'cancel-All', id: 'req7', account: 'cash', args: {} });
    expect(all).toMatchObject({ action: 'cancel-all', status: 'Ack' });
  });

  it('answers a refused WebSocket order with the Err reply', () => {
    const { exchange } = setup();
    const [reply] = ws(exchange, {
      op: 'req',
      action: 'place-Order',
      id: 'r1',
      account: 'cash',
      args: limit({ id: 'wsBadOrder1', orderQty: '3' }),
    });
    expect(reply).toMatchObject({
      status: 'Err',
      info: { id: 'wsBadOrder1', code: 300011, reason: 'INVALID_BALANCE', symbol: 'BTC/USDT' },
    });
    const [status] = ws(exchange, {
      op: 'req',
      action: 'order-status',
      id: 'r2',
      account: 'cash',
      args: { orderId: 'nope' },
    });
    expect(status).toMatchObject({ m: 'order-status', code: 300006 });
  });

  it('answers the market requests and the margin risk', () => {
    const { exchange } = setup();
    const [snapshot] = ws(exchange, { op: 'req', action: 'depth-snapshot', args: { symbol: 'ETH/USDT' } });
    expect(snapshot).toMatchObject({ m: 'depth-snapshot', symbol: 'ETH/USDT' });
    const [top] = ws(exchange, { op: 'req', action: 'depth-snapshot-top100', args: { symbol: 'ETH/USDT' } });
    expect(top!.data.seqnum).toBe(snapshot!.data.seqnum);
    const [realtime] = ws(exchange, {
      op: 'req',
      action: 'depth-snapshot-realtime',
      id: 'x',
      args: { symbol: 'ETH/USDT' },
    });
    expect(realtime!.m).toBe('depth-snapshot-realtime');
    const [trades] = ws(exchange, {
      op: 'req',
      action: 'market-trades',
      id: 't',
      args: { symbol: 'BTC/USDT', level: 5 },
    });
    expect(trades!.data).toHaveLength(5);
    expect(typeof trades!.data[0].seqnum).toBe('bigint');
    const [risk] = ws(exchange, {
      op: 'req',
      action: 'margin-risk',
      id: 'm',
      account: 'margin',
      args: { symbol: 'BTC/USDT' },
    });
    expect(risk).toMatchObject({ m: 'margin-risk', ac: 'MARGIN', accountId: defaultAccount.marginAccountId });
    const [unknown] = ws(exchange, { op: 'req', action: 'depth-snapshot', id: 'u', args: { symbol: 'NOPE/USDT' } });
    expect(unknown).toMatchObject({ m: 'error', code: 100008, reason: 'SYMBOL_ERROR' });
    const [unauth] = ws(exchange, { op: 'req', action: 'balance', id: 'b', account: 'cash' }, { account: undefined });
    expect(unauth).toMatchObject({ m: 'error', code: 100009 });
  });
});
