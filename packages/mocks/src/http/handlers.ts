// The whole set of HTTP handlers from one options object, and the answer to paths the spec lacks.
import { http, HttpResponse, type HttpHandler } from 'msw';
import { errorCatalog } from '@ascendex-toolkit/types';
import type { RestOperationId } from '@ascendex-toolkit/validators/exchange';
import { mockOperations } from '../generated/operations.gen.js';
import { matchPaths, operationHandler, type HttpMockOptions } from './operation-handler.js';

/**
 * What the exchange answers for a path it does not serve: HTTP 404 with its error envelope. The
 * code is the catalog's "request could not be understood" (the docs give none for this case).
 * @public
 */
export const notFoundEnvelope = {
  code: 100001,
  reason: errorCatalog[100001].reason,
  message: 'no such API path',
} as const;

/**
 * Answers every request to the configured origin that no operation handler took with 404 and the
 * exchange's error envelope. Put it last: MSW asks handlers in order.
 * @public
 */
export function notFoundHandler(options: Pick<HttpMockOptions, 'baseUrl'> = {}): HttpHandler {
  return http.all(
    ({ request }) => matchPaths(request.url, ['/*'], options.baseUrl) !== undefined,
    () => HttpResponse.json(notFoundEnvelope, { status: 404 }),
  );
}

/**
 * A handler for every REST operation configured by `options`, then the 404 handler.
 * @public
 */
export function createHttpHandlers(options: HttpMockOptions = {}): HttpHandler[] {
  const operationIds = Object.keys(mockOperations) as RestOperationId[];
  return [...operationIds.map((id) => operationHandler(id, undefined, options)), notFoundHandler(options)];
}
