// The fields made optional by the optional-field audit (discrepancies/optional-fields.yaml) may be
// left out of what the exchange sends, while the identity fields of the same payload are still
// enforced. Payloads are hand-written in the shape of real traffic (not the spec's examples), for
// orders and transactions in the states where the optional fields do not apply.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { specDir, readYaml } from '@ascendex-toolkit/codegen-core';
import { validate, component } from './load.mjs';

const without = (value, field) => {
  const { [field]: _dropped, ...rest } = value;
  return rest;
};
const missing = (errors) => (errors ?? []).filter((e) => e.keyword === 'required').map((e) => e.params.missingProperty);

// An unfilled stop-less limit order as the open-orders endpoint reports it: no stopPrice, no errorCode.
const openLimitOrder = {
  avgPx: '0',
  cumFee: '0',
  cumFilledQty: '0',
  feeAsset: 'USDT',
  lastExecTime: 1700000012345,
  orderId: 'a18bcf0e1a2bU5551234567lmtOrd001',
  orderQty: '250',
  orderType: 'Limit',
  price: '0.0421',
  seqNum: 9000000001,
  side: 'Sell',
  status: 'New',
  symbol: 'ASD/USDT',
  execInst: 'NULL_VAL',
};

const cases = [
  {
    schema: 'OrderDetail',
    value: openLimitOrder,
    optional: ['stopPrice', 'errorCode', 'id'],
    identity: ['orderId', 'symbol', 'seqNum'],
  },
  {
    schema: 'HistoryOrderV1',
    value: {
      ac: 'MARGIN',
      accountId: 'marOxpKJV83dxTRx0Eyxpa0gxc4Txt0P',
      avgPx: '27015.5',
      cumFee: '0.0270155',
      cumQty: '0.001',
      execInst: 'NULL_VAL',
      feeAsset: 'USDT',
      lastExecTime: 1699990000456,
      orderId: 'r18bcee7d01aU5551234567mktOrd002',
      orderQty: '0.001',
      orderType: 'Market',
      price: '',
      sendingTime: 1699990000401,
      seqNum: 24105999,
      side: 'Buy',
      status: 'Filled',
      symbol: 'BTC/USDT',
    },
    optional: ['errorCode', 'stopPrice'],
    identity: ['orderId', 'symbol', 'accountId'],
  },
  {
    schema: 'HistoryOrderV2',
    value: {
      orderId: 'a18bcee7d01aU5551234567lmtOrd003',
      seqNum: 18777399999,
      accountId: 'cshwSjbpPjSwHmxPdz2CPQVU9mnbzPpt',
      symbol: 'ETH/USDT',
      orderType: 'Limit',
      side: 'Buy',
      price: '1800.25',
      orderQty: '0.5',
      status: 'Filled',
      createTime: 1699980000000,
      lastExecTime: 1699980004321,
      avgFillPrice: '1800.25',
      fillQty: '0.5',
      fee: '-0.90012500',
      feeAsset: 'USDT',
    },
    optional: ['stopPrice'],
    identity: ['orderId', 'symbol', 'seqNum'],
  },
  {
    // An ERC20 address: no memo.
    schema: 'DepositAddress',
    value: { address: '0x4a9c11e2d5f08b3f6a7c9e1d2b3a4c5d6e7f8a9b', blockchain: 'ERC20' },
    optional: ['destTag'],
    identity: ['address', 'blockchain'],
  },
  {
    // A withdrawal still under review: not on chain yet, so no hash.
    schema: 'WalletTransaction',
    value: {
      asset: 'USDT',
      amount: '125.5',
      commission: '1',
      destAddress: { address: 'TQ2v7Wq3yQx9kPzUeR8sHn4mJc6bDf1aLt' },
      numConfirmations: 20,
      numConfirmed: 0,
      requestId: 'wd7Kq2Lm9PzX',
      status: 'reviewing',
      time: 1700001234000,
      transactionType: 'withdrawal',
    },
    optional: ['networkTransactionId'],
    identity: ['requestId', 'asset', 'status'],
  },
  {
    // A place-order request sent without a client id, refused for its balance.
    schema: 'OrderErrorInfo',
    value: { symbol: 'ETH/USDT', code: 300011, reason: 'INVALID_BALANCE', message: 'Not Enough Account Balance' },
    optional: ['id'],
    identity: ['symbol'],
  },
  {
    schema: 'BatchOrderErrorItem',
    value: {
      code: 300004,
      message: 'Notional is too small.',
      reason: 'INVALID_NOTIONAL',
      symbol: 'ASD/USDT',
      orderId: '',
    },
    optional: ['id'],
    identity: ['symbol', 'code'],
  },
  {
    // A New stop-less limit order on the order channel, without error code or stop price.
    schema: 'OrderUpdateData',
    value: {
      s: 'ASD/USDT',
      sn: 5744299999,
      sd: 'Buy',
      ap: '0',
      cf: '0',
      cfq: '0',
      fa: 'USDT',
      orderId: 's18bcf0e1a2bU5551234567lmtOrd004',
      ot: 'Limit',
      p: '0.0399',
      q: '1000',
      st: 'New',
      t: 1700000020000,
      ei: 'NULL_VAL',
    },
    optional: ['err', 'sp', 'bab', 'btb', 'qab', 'qtb'],
    identity: ['orderId', 's', 'sn'],
  },
  {
    // A resting limit order that has not filled: no last fill, no stop fields, no error.
    schema: 'OrderStatusReport',
    value: {
      sn: 31,
      e: 'ExecutionReport',
      a: 'cshsWhHrfh4TO8KwJc17p051L1JklWRi',
      ac: 'CASH',
      t: 1700000030000,
      ct: 1700000030000,
      orderId: 'r18bcf0e1a2bU5551234567lmtOrd005',
      sd: 'Sell',
      ot: 'Limit',
      ei: 'Post',
      q: '0.002',
      p: '42000',
      s: 'BTC/USDT',
      st: 'New',
      ap: '0',
      cfq: '0',
      cf: '0',
      fa: 'USDT',
    },
    optional: ['sp', 'spb', 'err', 'lp', 'lq', 'f'],
    identity: ['orderId', 's', 'sn'],
  },
];

describe('fields the exchange may leave out', () => {
  it.each(cases.map((c) => [c.schema, c]))('%s: a payload without the optional fields validates', (_name, c) => {
    for (const field of c.optional)
      expect(c.value, `${field} must be absent from the payload`).not.toHaveProperty(field);
    expect(validate(component(c.schema), c.value)).toBeNull();
  });

  it.each(cases.map((c) => [c.schema, c]))('%s: the same payload without an identity field is rejected', (_name, c) => {
    for (const field of c.identity)
      expect(missing(validate(component(c.schema), without(c.value, field)))).toEqual([field]);
  });

  it.each(cases.map((c) => [c.schema, c]))('%s: an optional field, when sent, is still type-checked', (_name, c) => {
    const [field] = c.optional;
    expect(validate(component(c.schema), { ...c.value, [field]: 12 })).not.toBeNull();
  });
});

describe('the envelopes carry the relaxed shapes', () => {
  it('an open-orders reply with a stop-less order validates; without its accountId it does not', () => {
    const reply = { code: 0, ac: 'CASH', accountId: 'cshQtyfq8XLAA9kcf19h8bXHbAwwoqDo', data: [openLimitOrder] };
    expect(validate(component('ListOpenOrdersSuccess'), reply)).toBeNull();
    expect(missing(validate(component('ListOpenOrdersSuccess'), without(reply, 'accountId')))).toEqual(['accountId']);
  });

  it('a REST order error for a request without client id validates', () => {
    const reply = {
      code: 300011,
      ac: 'CASH',
      accountId: 'cshQtyfq8XLAA9kcf19h8bXHbAwwoqDo',
      action: 'place-order',
      status: 'Err',
      message: 'Not Enough Account Balance',
      reason: 'INVALID_BALANCE',
      info: { symbol: 'BTC/USDT' },
    };
    expect(validate(component('OrderErrorResponse'), reply)).toBeNull();
  });

  it('a WebSocket place-order error without client id validates, but not without its symbol', () => {
    const message = {
      m: 'order',
      accountId: 'cshQtyfq8XLAA9kcf19h8bXHbAwwoqDo',
      ac: 'CASH',
      action: 'place-order',
      status: 'Err',
      info: { symbol: 'ETH/USDT', code: 300011, message: 'Not Enough Account Balance', reason: 'INVALID_BALANCE' },
    };
    expect(validate(component('PlaceOrderErrMessage'), message)).toBeNull();
    const noSymbol = { ...message, info: without(message.info, 'symbol') };
    expect(missing(validate(component('PlaceOrderErrMessage'), noSymbol))).toEqual(['symbol']);
  });
});

describe('the optional-field log agrees with the schemas', () => {
  const log = readYaml(path.join(specDir, 'discrepancies', 'optional-fields.yaml'));
  const fieldPointers = log
    .flatMap((e) => e.spec)
    .map((ref) => ref.split('#')[1].split('/'))
    .filter((segs) => segs[2] === 'properties')
    .map(([, name, , field]) => [`${name}.${field}`, name, field]);

  it('names fields: every `#/<Schema>/properties/<field>` line of the log', () => {
    const text = readFileSync(path.join(specDir, 'discrepancies', 'optional-fields.yaml'), 'utf8');
    expect(fieldPointers).toHaveLength((text.match(/#\/\w+\/properties\/\w+\s*$/gm) ?? []).length);
  });

  it.each(fieldPointers)('%s is defined and not required', (_label, name, field) => {
    const schema = component(name);
    expect(schema.properties).toHaveProperty(field);
    expect(schema.required).not.toContain(field);
  });

  it('covers every schema the tests above exercise', () => {
    const logged = new Set(fieldPointers.map(([, name]) => name));
    for (const c of cases) expect(logged, c.schema).toContain(c.schema);
  });
});
