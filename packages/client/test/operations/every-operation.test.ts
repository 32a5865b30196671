// Every operation through the client against the mocks: the request on the wire (method, URL with
// group and category, query, body, auth headers) validates against the operation's strict request
// schema and its signature verifies; the typed result equals the mock's payload.
import { describe, it, expect, beforeAll, afterAll, afterEach } from 'vitest';
import { setupServer } from 'msw/node';
import { createHttpHandlers, defaultAccount, mockOperations } from '@ascendex-toolkit/mocks';
import * as validators from '@ascendex-toolkit/validators';
import { parseJson } from '@ascendex-toolkit/validators';
import { checkRestParams } from '@ascendex-toolkit/validators/exchange';
import { checkSignature } from '@ascendex-toolkit/validators/auth';
import { AscendexClient, operationTable, type OperationId, type OperationInputs } from '../../src/operations.js';
import { recordRequests } from './wire.js';

const server = setupServer(...createHttpHandlers());
const wire = recordRequests(server);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const client = new AscendexClient({
  apiKey: defaultAccount.apiKey,
  secret: defaultAccount.secret,
  accountGroup: defaultAccount.accountGroup,
  retry: false,
});

/** One input per operation (typed: a missing operation does not compile). */
const inputs: { [K in OperationId]: OperationInputs[K] } = {
  listAssets: {},
  listProducts: { accountCategory: 'cash' },
  listProductsLegacy: {},
  getTicker: { symbol: 'ASD/USDT' },
  getTickerV1: { symbol: 'ASD/USDT' },
  listBarIntervals: {},
  getBarHistory: { symbol: 'ASD/USDT', interval: '1', n: 10 },
  getDepth: { symbol: 'ASD/USDT' },
  getMarketTrades: { symbol: 'ASD/USDT', n: 10 },
  getExchangeLatency: { requestTime: 1640052379050 },
  getRiskLimitInfo: { ip: '0.0.0.0' },
  getRiskLimitInfoV2: { ip: '173.123.133.23' },
  getAccountInfo: {},
  getVipFeeSchedule: {},
  getFeeBySymbol: {},
  getCashBalance: { asset: 'BTC', showAll: true },
  getMarginBalance: { asset: 'BTC' },
  getMarginRisk: {},
  transferBalance: { amount: '11.0', asset: 'USDT', fromAccount: 'cash', toAccount: 'margin' },
  transferSubuserBalance: {
    userFrom: 'parent-account-userId',
    userTo: 'sub-account-userId',
    acFrom: 'cash',
    acTo: 'cash',
    asset: 'USDT',
    amount: '40',
    mode: 'ack',
  },
  getSubuserTransferHistory: { subUserId: null, asset: null, startTime: null, endTime: null, page: 1, pageSize: 10 },
  getBalanceSnapshot: { accountCategory: 'cash', date: '2021-03-31' },
  getBalanceHistory: { accountCategory: 'margin', sn: 10870097598, limit: 50 },
  getDepositAddresses: { asset: 'USDT', blockchain: 'ERC20' },
  listWalletTransactions: { asset: 'USDT', page: 1, pageSize: 20 },
  placeOrder: {
    accountCategory: 'cash',
    id: 'iGwzbzWxxcHwno4b8VCvh8aaYCJaPALm',
    symbol: 'BTC/USDT',
    orderPrice: '7289.0',
    orderQty: '0.00082',
    orderType: 'limit',
    side: 'sell',
    respInst: 'ACCEPT',
  },
  cancelOrder: { accountCategory: 'cash', orderId: 'a16eee206d610866943712rPNknIyhH', symbol: 'BTC/USDT' },
  cancelAllOrders: { accountCategory: 'margin', symbol: 'BTC/USDT' },
  placeBatchOrders: {
    accountCategory: 'cash',
    orders: [
      {
        id: 'sampleRequestId1',
        symbol: 'BTC/USDT',
        orderPrice: '34000',
        orderQty: '0.1',
        orderType: 'limit',
        side: 'buy',
      },
      {
        id: 'sampleRequestId2',
        symbol: 'BTC/USDT',
        orderPrice: '35000',
        orderQty: '0.2',
        orderType: 'limit',
        side: 'buy',
      },
    ],
  },
  cancelBatchOrders: {
    accountCategory: 'cash',
    orders: [{ orderId: 'a16eee206d610866943712rPNknIyhH', symbol: 'BTC/USDT' }],
  },
  getOrderStatus: {
    accountCategory: 'cash',
    orderId: 'a16eee206d610866943712rPNknIyhH,a16eee20b6750866943712zWEDdAjt3',
  },
  listOpenOrders: { accountCategory: 'cash', symbol: 'BTC/USDT' },
  listCurrentHistoryOrders: { accountCategory: 'cash', n: 10, symbol: 'ASD/USDT', executedOnly: true },
  listHistoryOrders: { symbol: 'ASD/USDT', page: 1, pageSize: 10 },
  listHistoryOrdersV2: { account: 'cash', symbol: 'ASD/USDT', limit: 10 },
  listHistoryOrdersV2Legacy: { account: 'cash', symbol: 'ASD/USDT', limit: 10 },
};

/** The strict guard `is<Op><Part>` of the validators package. */
function guard(operationId: string, part: 'Params' | 'Body'): (value: unknown) => boolean {
  const name = `is${operationId[0]!.toUpperCase()}${operationId.slice(1)}${part}`;
  const fn = (validators as unknown as Record<string, (value: unknown) => boolean>)[name];
  if (!fn) throw new Error(`no ${name}`);
  return fn;
}

/** The mock's default success body, reduced to its payload. */
function mockPayload(operationId: OperationId): unknown {
  const mock = mockOperations[operationId];
  const example = mock.example as Record<string, unknown>;
  switch (mock.payload) {
    case 'data':
      return example.data;
    case 'info':
      return example.info;
    case 'body':
      return example;
    default:
      return undefined;
  }
}

describe('every operation through AscendexClient against the mocks', () => {
  it('covers every operation of the table and of the mocks', () => {
    expect(Object.keys(inputs).sort()).toEqual(Object.keys(operationTable).sort());
    expect(Object.keys(mockOperations).sort()).toEqual(Object.keys(operationTable).sort());
  });

  for (const operationId of Object.keys(operationTable) as OperationId[]) {
    it(operationId, async () => {
      const op = operationTable[operationId];
      const input = inputs[operationId] as Record<string, unknown>;
      wire.length = 0;
      const result = await (client.request as (id: string, params: unknown) => Promise<unknown>)(operationId, input);
      expect(result).toEqual(mockPayload(operationId));

      expect(wire).toHaveLength(1);
      const sent = wire[0]!;
      expect(sent.method).toBe(op.method);
      // The URL: the route with the configured group and the input's category.
      const category = String(input.accountCategory ?? '');
      const expectedPath = op.path
        .replace('{accountGroup}', String(defaultAccount.accountGroup))
        .replace('{accountCategory}', category);
      expect(decodeURIComponent(sent.url.pathname)).toBe(expectedPath);
      expect(sent.url.origin).toBe('https://ascendex.com');

      // The query holds exactly the query fields of the input, and read back it passes the strict check.
      const query = Object.fromEntries(sent.url.searchParams);
      const expectedQuery = Object.fromEntries(
        op.queryParams.filter((k) => input[k] !== undefined).map((k) => [k, String(input[k])]),
      );
      expect(query).toEqual(expectedQuery);
      const read = checkRestParams(operationId, {
        ...query,
        ...(category ? { accountCategory: category } : {}),
        ...(op.accountGroup ? { accountGroup: String(defaultAccount.accountGroup) } : {}),
      });
      expect(read.ok).toBe(true);
      if (read.ok) expect(guard(operationId, 'Params')(read.value)).toBe(true);

      if (op.hasBody) {
        expect(sent.headers.get('content-type')).toBe('application/json');
        const body = parseJson(await sent.body);
        expect(guard(operationId, 'Body')(body)).toBe(true);
      } else {
        expect(await sent.body).toBe('');
      }

      if (op.auth) {
        expect(sent.headers.get('x-auth-key')).toBe(defaultAccount.apiKey);
        const problem = await checkSignature({
          secret: defaultAccount.secret,
          timestamp: sent.headers.get('x-auth-timestamp'),
          signature: sent.headers.get('x-auth-signature'),
          prehashes: [op.auth.prehash.replace('{accountCategory}', category)],
          now: Date.now(),
        });
        expect(problem).toBeUndefined();
      } else {
        expect(sent.headers.has('x-auth-key')).toBe(false);
        expect(sent.headers.has('x-auth-signature')).toBe(false);
      }
    });
  }
});
