// Contract tests per operation: what the HTTP mocks answer validates with the strict validators, and
// a valid request to every operation, signed as the docs sign, is accepted.
import { describe, it, expect, beforeAll, afterAll, afterEach } from 'vitest';
import { setupServer } from 'msw/node';
import { pascal } from '@ascendex-toolkit/codegen-core';
import * as validators from '@ascendex-toolkit/validators';
import { errorCatalog } from '@ascendex-toolkit/types';
import { createHttpHandlers, mockOperations, operationHandler } from '../../src/http/index.js';
import { DOCS_TIME, operationIds, send, validRequest } from './support.js';

type Guard = (value: unknown) => boolean;
const guard = (name: string): Guard => {
  const g = (validators as unknown as Record<string, Guard | undefined>)[name];
  if (!g) throw new Error(`no validator ${name}`);
  return g;
};

const server = setupServer(...createHttpHandlers({ clock: () => DOCS_TIME }));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe.each(operationIds)('%s', (operationId) => {
  const Op = pascal(operationId);
  const isResponse = guard(`is${Op}Response`);
  const isSuccess = guard(`is${Op}Success`);

  it('answers a valid signed request with a default body that validates as the success envelope', async () => {
    const request = validRequest(operationId);
    const { status, body } = await send(request);
    expect(status).toBe(200);
    // The latency measurement answers from the clock (so syncClock works against the mock); the rest are the examples.
    if (operationId === 'getExchangeLatency') {
      const requestTime = Number(request.query.requestTime);
      expect(body).toEqual({
        code: 0,
        data: { requestTimeEcho: requestTime, requestReceiveAt: DOCS_TIME, latency: DOCS_TIME - requestTime },
      });
    } else expect(body).toEqual(mockOperations[operationId].example);
    expect(isResponse(body)).toBe(true);
    expect(isSuccess(body)).toBe(true);
  });

  // Only where they apply: public operations have no error scenarios of their own, and routes
  // without an account group have no form without it.
  const scenarios = Object.entries(mockOperations[operationId].errors);
  if (scenarios.length > 0)
    it('answers each error scenario with an envelope of the error schema and its catalog code', async () => {
      for (const [reason, envelope] of scenarios) {
        server.use(operationHandler(operationId, { error: reason as never }, { clock: () => DOCS_TIME }));
        const { status, body } = await send(validRequest(operationId));
        expect(status, reason).toBe(200);
        // A scenario is the spec's example envelope, or a catalog code answered with its catalog entry.
        const catalog = errorCatalog as Record<number, { reason: string | null; description: string }>;
        const expected =
          typeof envelope === 'number'
            ? { code: envelope, reason: catalog[envelope]?.reason, message: catalog[envelope]?.description }
            : envelope;
        expect(body, reason).toEqual(expected);
        // The error branch: a valid response that is not the success envelope.
        expect(isResponse(body), reason).toBe(true);
        expect(isSuccess(body), reason).toBe(false);
        const entry = (errorCatalog as Record<number, { reason: string | null }>)[body.code];
        expect(entry?.reason === reason || body.reason === reason, reason).toBe(true);
      }
    });

  if (mockOperations[operationId].accountGroup)
    it('is answered without the account group too', async () => {
      const request = validRequest(operationId);
      const { body } = await send({ ...request, path: request.path.replace(/^\/\d+/, '') });
      expect(isSuccess(body)).toBe(true);
    });
});
