// The whole set of HTTP handlers from one options object, and the answer to paths the spec lacks.
import { http, type HttpHandler } from 'msw';
import type { RestOperationId } from '@ascendex-toolkit/validators/exchange';
import { mockOperations, type OperationOverride } from '../generated/operations.gen.js';
import type { MockOperation } from './operation-table.js';
import {
  answersMethod,
  jsonResponse,
  matchPaths,
  operationHandlerOf,
  type HttpMockOptions,
} from './operation-handler.js';
import { methodNotAllowed, notFoundEnvelope } from './refusals.js';

const operations = Object.values(mockOperations) as MockOperation[];

/**
 * The MSW handler of one REST operation, by operationId: matches its methods and routes (with and
 * without the account group) on the configured origin, and answers like the exchange.
 * @public
 */
export function operationHandler<Op extends RestOperationId>(
  operationId: Op,
  override?: OperationOverride<Op>,
  options: HttpMockOptions = {},
): HttpHandler {
  return operationHandlerOf<Op>(mockOperations[operationId], override, options);
}

/** The methods the exchange answers on a URL's path (HEAD with GET), upper case; empty for a path it does not serve. */
function allowedMethods(url: string, baseUrl: string | undefined): string[] {
  const methods = new Set<string>();
  for (const operation of operations)
    if (matchPaths(url, operation.paths, baseUrl))
      for (const m of ['get', 'head', 'post', 'put', 'patch', 'delete'])
        if (answersMethod(operation, m)) methods.add(m.toUpperCase());
  return [...methods];
}

/**
 * Answers every request to the configured origin that no operation handler took: 405 (with
 * `Allow`) for a method the path's operations do not answer, else 404; both with the exchange's
 * error envelope. Put it last: MSW asks handlers in order.
 * @public
 */
export function notFoundHandler(options: Pick<HttpMockOptions, 'baseUrl'> = {}): HttpHandler {
  return http.all(
    ({ request }) => matchPaths(request.url, ['/*'], options.baseUrl) !== undefined,
    ({ request }) => {
      const allowed = allowedMethods(request.url, options.baseUrl);
      if (allowed.length > 0) return jsonResponse(methodNotAllowed(request.method), 405, { Allow: allowed.join(', ') });
      return jsonResponse(notFoundEnvelope, 404);
    },
  );
}

export { notFoundEnvelope };

/**
 * A handler for every REST operation configured by `options`, then the 404 handler.
 * @public
 */
export function createHttpHandlers(options: HttpMockOptions = {}): HttpHandler[] {
  const operationIds = Object.keys(mockOperations) as RestOperationId[];
  return [...operationIds.map((id) => operationHandler(id, undefined, options)), notFoundHandler(options)];
}
