// What real traffic showed (spec/discrepancies/traffic.yaml): the shapes the exchange really sent
// and the routes production clients really call are described by the spec. The payloads are
// written here in the recorded shapes, not taken from the spec's examples.
import { describe, it, expect } from 'vitest';
import { openapi, asyncapi, validate, component } from './load.mjs';

const success = (operationId) => component(`${operationId[0].toUpperCase()}${operationId.slice(1)}Success`);
const operation = (method, route) => openapi.paths[route]?.[method];

describe('recorded server payloads', () => {
  it('accepts the greeting with its kind in m, as recorded, and with op, as printed', () => {
    const schema = asyncapi.components.schemas.ConnectedMessage;
    expect(validate(schema, { m: 'connected', type: 'unauth' })).toBeNull();
    expect(validate(schema, { op: 'connected', type: 'auth' })).toBeNull();
    expect(validate(schema, { m: 'connected', op: 'connected', type: 'auth' })).not.toBeNull();
    expect(validate(schema, { m: 'connected' })).not.toBeNull();
    expect(validate(schema, { m: 'connected', type: 'guest' })).not.toBeNull();
  });

  const unrestrictedKey = {
    code: 0,
    data: {
      accountGroup: 3,
      email: 'desk@example.org',
      cashAccount: ['cshA1b2C3d4E5f6G7h8I9j0KlMnOpQrStU'],
      marginAccount: ['marA1b2C3d4E5f6G7h8I9j0KlMnOpQrStU'],
      futuresAccount: ['futA1b2C3d4E5f6G7h8I9j0KlMnOpQrStU'],
      userUID: 'U0000000042',
      tradePermission: true,
      transferPermission: true,
      viewPermission: true,
    },
  };

  it('accepts account info of a key without IP restrictions or expiry, with futures accounts', () => {
    expect(validate(success('getAccountInfo'), unrestrictedKey)).toBeNull();
  });

  it('still types the optional account-info fields and requires the identity fields', () => {
    const withBadIps = { ...unrestrictedKey, data: { ...unrestrictedKey.data, allowedIps: '10.0.0.1' } };
    expect(validate(success('getAccountInfo'), withBadIps)).not.toBeNull();
    const withBadFutures = { ...unrestrictedKey, data: { ...unrestrictedKey.data, futuresAccount: [42] } };
    expect(validate(success('getAccountInfo'), withBadFutures)).not.toBeNull();
    const { accountGroup, ...withoutGroup } = unrestrictedKey.data;
    expect(accountGroup).toBe(3);
    expect(validate(success('getAccountInfo'), { code: 0, data: withoutGroup })).not.toBeNull();
  });
});

describe('routes production clients call', () => {
  const legacyItem = {
    symbol: 'ETH/BTC',
    baseAsset: 'ETH',
    quoteAsset: 'BTC',
    status: 'Normal',
    minNotional: '0.0001',
    maxNotional: '10',
    marginTradable: true,
    commissionType: 'Quote',
    commissionReserveRate: '0.002',
    tickSize: '0.000001',
    lotSize: '0.001',
  };

  it('has the pre-split all-products route as a deprecated public operation', () => {
    const op = operation('get', '/api/pro/v1/products');
    expect(op?.operationId).toBe('listProductsLegacy');
    expect(op.deprecated).toBe(true);
    expect(op['x-ascendex'].signed).toBe(false);
  });

  it('accepts its items and refuses one without an identity field or with a number for a decimal', () => {
    const schema = success('listProductsLegacy');
    expect(validate(schema, { code: 0, data: [legacyItem] })).toBeNull();
    const { symbol, ...noSymbol } = legacyItem;
    expect(symbol).toBe('ETH/BTC');
    expect(validate(schema, { code: 0, data: [noSymbol] })).not.toBeNull();
    expect(validate(schema, { code: 0, data: [{ ...legacyItem, tickSize: 0.000001 }] })).not.toBeNull();
  });

  it('describes margin risk as GET, and the reference POST as also accepted', () => {
    const route = '/{accountGroup}/api/pro/v1/margin/risk';
    expect(operation('get', route)?.operationId).toBe('getMarginRisk');
    expect(operation('post', route)).toBeUndefined();
    expect(operation('get', route)['x-ascendex'].alsoAccepts.methods).toEqual(['post']);
  });

  it('signs the legacy v2 history with the better-attested prehash and accepts the other one exchange-side', () => {
    const x = operation('get', '/{accountGroup}/api/pro/v2/order/hist')['x-ascendex'];
    expect(x.prehash).toBe('order/hist');
    expect(x.alsoAccepts.prehashes).toEqual(['v2/order/hist']);
  });

  it('marks every list-size maximum as a cap', () => {
    const capped = [];
    for (const [route, item] of Object.entries(openapi.paths)) {
      for (const op of Object.values(item)) {
        for (const p of op.parameters ?? []) {
          if (p.schema?.maximum !== undefined)
            capped.push(`${op.operationId}.${p.name}=${p.schema.maximum}:${p.schema['x-ascendex-capped'] === true}`);
        }
      }
      expect(route).toMatch(/^\//);
    }
    expect(capped.sort()).toEqual([
      'getBalanceHistory.limit=500:true',
      'getBarHistory.n=500:true',
      'getMarketTrades.n=100:true',
      'listHistoryOrdersV2.limit=1000:true',
      'listHistoryOrdersV2Legacy.limit=1000:true',
      'listWalletTransactions.pageSize=50:true',
    ]);
  });
});
