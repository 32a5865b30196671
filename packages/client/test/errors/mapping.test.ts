// Error mapping: every catalog code gets the class of its catalog group, with the fields of the
// answer; unknown groups stay AscendexApiError; batch refusals expose each order's reason; the
// guard narrows by reason. Driven through apiErrorFrom and over HTTP against the mocks.
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { setupServer } from 'msw/node';
import {
  createHttpHandlers,
  createMockExchange,
  defaultAccount,
  handleGetDepth,
  handleGetTicker,
  handlePlaceBatchOrders,
  handlePlaceOrder,
  mockOperations,
} from '@ascendex-toolkit/mocks';
import { errorCatalog, type BatchOrderErrorItem } from '@ascendex-toolkit/types';
import { AscendexError } from '@ascendex-toolkit/validators';
import { apiErrorFrom as apiErrorOf } from '../../src/core/api-error.js';
import { apiErrors } from '../../src/generated/errors.gen.js';
import { AscendexApiError, AscendexTimeoutError } from '../../src/core/errors.js';
import {
  AuthError,
  BehaviorError,
  FormatError,
  GeneralError,
  isAscendexError,
  MarginError,
  OrderError,
  SystemError,
} from '../../src/errors-and-helpers.js';
import { call } from './http.js';

/** The request core's mapping, with the catalog's table the operation rows carry. */
const apiErrorFrom = (body: Parameters<typeof apiErrorOf>[1], meta: Parameters<typeof apiErrorOf>[2]) =>
  apiErrorOf(apiErrors, body, meta);

const classes = { GeneralError, FormatError, AuthError, OrderError, MarginError, SystemError, BehaviorError };
const meta = { operationId: 'placeOrder', status: 200 };

describe('apiErrorFrom', () => {
  it('gives every catalog code the class of its catalog group, with the catalog reason when the answer has none', () => {
    for (const [code, entry] of Object.entries(errorCatalog)) {
      const error = apiErrorFrom({ code: Number(code), message: 'm' }, meta);
      expect(error, code).toBeInstanceOf(classes[entry.group]);
      expect(error.name, code).toBe(entry.group);
      expect(error.reason, code).toBe(entry.reason ?? undefined);
    }
    // The catalog's exception: 510001 encodes 51 but is a SystemError.
    expect(apiErrorFrom({ code: 510001 }, meta)).toBeInstanceOf(SystemError);
  });

  it('keeps the fields of the answer and the call', () => {
    const info = { symbol: 'BTC/USDT', id: 'abc' };
    const error = apiErrorFrom({ code: 300011, reason: 'INVALID_BALANCE', message: 'Not enough', info }, meta);
    expect(error).toBeInstanceOf(OrderError);
    expect(error).toBeInstanceOf(AscendexApiError);
    expect(error).toBeInstanceOf(AscendexError);
    expect(error).toMatchObject({
      code: 300011,
      reason: 'INVALID_BALANCE',
      info,
      status: 200,
      operationId: 'placeOrder',
    });
    expect(error.message).toBe('placeOrder: 300011 INVALID_BALANCE: Not enough');
    expect(error.orderErrors).toBeUndefined();
  });

  it('gives codes of unknown groups the base class, and known groups their class for unknown codes', () => {
    for (const code of [1, 400001, 990001]) {
      const error = apiErrorFrom({ code, reason: 'SOMETHING_NEW' }, meta);
      expect(Object.getPrototypeOf(error)).toBe(AscendexApiError.prototype);
      expect(error).toMatchObject({ name: 'AscendexApiError', code, reason: 'SOMETHING_NEW' });
    }
    const unknownOrderCode = apiErrorFrom({ code: 300099 }, meta);
    expect(unknownOrderCode).toBeInstanceOf(OrderError);
    expect(unknownOrderCode.reason).toBeUndefined();
  });

  it("keeps the answer's own reason", () => {
    expect(apiErrorFrom({ code: 300019, reason: 'ORDER_NOT_OPEN' }, meta).reason).toBe('ORDER_NOT_OPEN');
  });

  it("gives batch refusals the per-order details (the spec's examples)", () => {
    for (const operationId of ['placeBatchOrders', 'cancelBatchOrders'] as const) {
      const envelope = mockOperations[operationId].errors.INVALID_BATCH_ORDER;
      const error = apiErrorFrom(envelope, { operationId, status: 200 });
      expect(error).toBeInstanceOf(OrderError);
      expect(error.orderErrors).toEqual(envelope.info);
      expectTypeOf(error.orderErrors).toEqualTypeOf<readonly BatchOrderErrorItem[] | undefined>();
    }
  });
});

describe('isAscendexError', () => {
  const balance = apiErrorFrom({ code: 300011, reason: 'INVALID_BALANCE' }, meta);

  it('matches by reason and narrows to the group class, reason and code', () => {
    const e: unknown = balance;
    expect(isAscendexError(e, 'INVALID_BALANCE')).toBe(true);
    if (isAscendexError(e, 'INVALID_BALANCE')) {
      expectTypeOf(e).toMatchTypeOf<OrderError>();
      expectTypeOf(e.reason).toEqualTypeOf<'INVALID_BALANCE'>();
      expectTypeOf(e.code).toEqualTypeOf<300011>();
    }
    const auth: unknown = apiErrorFrom({ code: 200001 }, meta);
    if (isAscendexError(auth, 'AUTHENTICATION_FAILED')) expectTypeOf(auth).toMatchTypeOf<AuthError>();
    expect(isAscendexError(auth, 'AUTHENTICATION_FAILED')).toBe(true);
  });

  it('does not match another reason, a code/reason pair the catalog does not have, or other errors', () => {
    expect(isAscendexError(balance, 'INVALID_PRICE')).toBe(false);
    expect(isAscendexError(apiErrorFrom({ code: 300004, reason: 'INVALID_QTY' }, meta), 'INVALID_QTY')).toBe(false);
    expect(isAscendexError(new AscendexTimeoutError('getDepth', 5), 'INVALID_BALANCE')).toBe(false);
    expect(isAscendexError(new Error('INVALID_BALANCE'), 'INVALID_BALANCE')).toBe(false);
    // @ts-expect-error: not a reason of the catalog
    isAscendexError(balance, 'NOT_A_REASON');
  });

  it('without a reason, matches every error of the toolkit and nothing else', () => {
    expect(isAscendexError(balance)).toBe(true);
    expect(isAscendexError(new AscendexTimeoutError('getDepth', 5))).toBe(true);
    expect(isAscendexError(new Error('x'))).toBe(false);
    expect(isAscendexError({ name: 'OrderError', code: 300011 })).toBe(false);
  });
});

describe('over HTTP against the mocks', () => {
  const exchange = createMockExchange({ seed: 3 });
  const server = setupServer(...createHttpHandlers({ backend: exchange }));
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());

  const limitBuy = (symbol: string, orderQty: string, orderPrice: string) => ({
    symbol,
    time: Date.now(),
    orderQty,
    orderPrice,
    orderType: 'limit',
    side: 'buy',
  });

  /** The error a call is refused with. */
  const refused = async (answer: Promise<unknown>): Promise<AscendexApiError> => {
    const e = await answer.then(
      (body) => expect.fail(`expected a refusal, got ${JSON.stringify(body)}`),
      (error: unknown) => error,
    );
    expect(e).toBeInstanceOf(AscendexApiError);
    return e as AscendexApiError;
  };

  it('GeneralError: a documented scenario of a public operation', async () => {
    server.use(handleGetDepth({ error: 'INVALID_REQUEST_DATA' }));
    const e = await refused(call('getDepth', { query: { symbol: 'BTC/USDT' } }));
    expect(e).toBeInstanceOf(GeneralError);
    expect(e).toMatchObject({ code: 100004, reason: 'INVALID_REQUEST_DATA', status: 200, operationId: 'getDepth' });
  });

  it("AuthError: a request signed with the wrong secret, refused by the mocks' verifier", async () => {
    const wrong = { ...defaultAccount, secret: 'not-the-secret' };
    const e = await refused(call('getCashBalance', { account: wrong }));
    expect(e).toBeInstanceOf(AuthError);
    expect(isAscendexError(e, 'AUTHENTICATION_FAILED')).toBe(true);
    expect(e).toMatchObject({ code: 200001, status: 200, operationId: 'getCashBalance' });
  });

  it("OrderError: the spec's INVALID_BALANCE example, with the order in info", async () => {
    server.use(handlePlaceOrder({ error: 'INVALID_BALANCE' }));
    const e = await refused(
      call('placeOrder', {
        body: limitBuy('BTC/USDT', '1', '43000'),
      }),
    );
    expect(e).toBeInstanceOf(OrderError);
    expect(e.info).toEqual(mockOperations.placeOrder.errors.INVALID_BALANCE.info);
    expect(e.orderErrors).toBeUndefined();
  });

  it('OrderError with per-order details: a refused batch', async () => {
    server.use(handlePlaceBatchOrders({ error: 'INVALID_BATCH_ORDER' }));
    const order = limitBuy('BTC/USDT', '1', '43000');
    const e = await refused(call('placeBatchOrders', { body: { orders: [order, order] } }));
    expect(e).toBeInstanceOf(OrderError);
    expect(e.orderErrors?.map((o) => [o.code, o.reason, o.symbol])).toEqual([
      [300004, 'INVALID_NOTIONAL', 'BTC/USDT'],
      [300013, 'INVALID_BATCH_ORDER', 'ETH/USDT'],
    ]);
  });

  it('MarginError: the stateful mock refuses a margin order on an asset that cannot be traded on margin', async () => {
    const e = await refused(
      call('placeOrder', {
        accountCategory: 'margin',
        body: limitBuy('ASD/USDT', '200', '0.05'),
      }),
    );
    expect(e).toBeInstanceOf(MarginError);
    expect(e).toMatchObject({ code: 310004, reason: 'INVALID_MARGIN_ASSET' });
  });

  it('FormatError, SystemError, BehaviorError: envelopes the mocks answer with when told to', async () => {
    for (const [code, reason, cls] of [
      [150001, 'INVALID_JSON_FORMAT', FormatError],
      [510001, 'SERVER_ERROR', SystemError],
      [900001, 'HUMAN_CHALLENGE', BehaviorError],
    ] as const) {
      server.use(handleGetTicker({ response: { code, reason, message: 'told to' } }));
      const e = await refused(call('getTicker', { query: { symbol: 'BTC/USDT' } }));
      expect(e, reason).toBeInstanceOf(cls);
      expect(e).toMatchObject({ code, reason, message: `getTicker: ${code} ${reason}: told to` });
    }
  });
});
