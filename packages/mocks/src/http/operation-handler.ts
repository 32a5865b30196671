// The one factory behind every generated `handle<OperationId>`: an MSW handler that reads a request
// the way the exchange does (route, signature, parameters and body exchange-side) and answers it
// with the per-test override, an error scenario, the backend, or the spec's example, in that order.
import { delay, http, HttpResponse, matchRequestUrl, type HttpHandler } from 'msw';
import { AscendexError, stringifyJson } from '@ascendex-toolkit/validators';
import {
  checkRestParams,
  parseRestBody,
  type ExchangeRefusal,
  type RestOperationId,
} from '@ascendex-toolkit/validators/exchange';
import { checkSignature } from '@ascendex-toolkit/validators/auth';
import { defaultAccount, type MockAccount, type MockBackend, type RestAnswer, type RestRequest } from '../backend.js';
import { clockAnswers } from './answers/exchange-info.js';
import { authRefusal, type AuthProblem } from './auth-refusal.js';
import { bodyTooLarge, DEFAULT_MAX_BODY_BYTES, groupMismatch } from './refusals.js';
import { errorCatalog } from '@ascendex-toolkit/types';
import type { MockOperation, OperationResponse } from './operation-table.js';

/** The exchange's origin, which the handlers answer by default. @public */
export const DEFAULT_BASE_URL = 'https://ascendex.com';

/** How the HTTP mocks behave; every member is optional. @public */
export interface HttpMockOptions {
  /** The account requests are signed by (default {@link defaultAccount}); a backend may know more. */
  readonly account?: MockAccount;
  /** Answers from state; without one, the spec's examples answer. */
  readonly backend?: MockBackend;
  /** The origin the handlers answer (default `https://ascendex.com`); `'*'` answers any origin. */
  readonly baseUrl?: string;
  /** Check `x-auth-*` signatures of signed operations (default true). */
  readonly verifySignatures?: boolean;
  /** Delay before every answer, ms (default 0). */
  readonly latencyMs?: number;
  /** The server clock signatures are checked against (UTC ms); default the backend's, else `Date.now`. */
  readonly clock?: () => number;
  /** Request bodies longer than this many bytes are refused (HTTP 413 with the error envelope). Default 1 MiB. */
  readonly maxBodyBytes?: number;
  /** How a latency is waited out (default msw's `delay`, on the global timers); tests pass their own clock's. */
  readonly wait?: (ms: number) => Promise<void>;
}

/** A resolver override: computes the answer from the request as the exchange read it. @public */
export type OperationResolver<Op extends RestOperationId> = (
  request: RestRequest<Op>,
) => OperationResponse<Op> | Promise<OperationResponse<Op>>;

/**
 * A per-test override of one operation, with the reasons of its error scenarios (`OperationOverride`
 * of the generated table names them per operation).
 * @public
 */
export interface OperationOverrideOf<Op extends RestOperationId, Reason extends string = string> {
  /** The whole 200 body to answer with, or a resolver computing it; wins over everything else. */
  readonly response?: OperationResponse<Op> | OperationResolver<Op>;
  /** Answer with this documented error scenario (the exchange's error envelope). */
  readonly error?: Reason;
  /** Delay before answering, ms (instead of the options' `latencyMs`). */
  readonly latencyMs?: number;
}

/** The exchange answers failures with HTTP 200 and its error envelope; the body keeps int64 values exact. */
export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new HttpResponse(stringifyJson(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

const refusalBody = ({ code, reason, message }: ExchangeRefusal) => ({ code, reason, message });

/** The origin-qualified form of an MSW path pattern for a request to `url` (`'*'`: the request's own origin). */
export function urlPattern(path: string, url: URL, baseUrl: string | undefined): string {
  const base = baseUrl ?? DEFAULT_BASE_URL;
  return `${base === '*' ? url.origin : base.replace(/\/+$/, '')}${path}`;
}

/** The URL's path parameters under the first of `paths` that matches, or undefined. */
export function matchPaths(href: string, paths: readonly string[], baseUrl: string | undefined) {
  const url = new URL(href);
  for (const path of paths) {
    const match = matchRequestUrl(url, urlPattern(path, url, baseUrl));
    if (match.matches) return match.params as Record<string, string>;
  }
  return undefined;
}

/** Query values as the URL has them (the last one where a name repeats), as strings. */
function queryOf(url: string): Record<string, string> {
  const query: Record<string, string> = {};
  new URL(url).searchParams.forEach((value, name) => (query[name] = value));
  return query;
}

/** Checks the `x-auth-*` headers; returns the signing account or the problem. */
async function authenticate(
  request: Request,
  operation: MockOperation,
  pathParams: Record<string, string>,
  options: HttpMockOptions,
): Promise<{ account: MockAccount } | { problem: AuthProblem }> {
  const account = options.account ?? defaultAccount;
  const apiKey = request.headers.get('x-auth-key');
  const known = apiKey
    ? (options.backend?.account(apiKey) ?? (apiKey === account.apiKey ? account : undefined))
    : undefined;
  if (options.verifySignatures === false) return { account: known ?? account };
  if (!apiKey) return { problem: 'missing' };
  if (!known) return { problem: 'unknown-key' };
  const now = options.clock?.() ?? options.backend?.now() ?? Date.now();
  const problem = await checkSignature({
    secret: known.secret,
    timestamp: request.headers.get('x-auth-timestamp'),
    signature: request.headers.get('x-auth-signature'),
    prehashes: operation.prehashes.map((p) => p.replace('{accountCategory}', pathParams.accountCategory ?? '')),
    now,
  });
  return problem ? { problem } : { account: known };
}

/** The envelope of an error scenario: the spec's example, or the catalog's entry of its code. */
function scenarioBody(operation: MockOperation, reason: string): unknown {
  const scenario = operation.errors[reason];
  if (scenario === undefined) throw new AscendexError(`${operation.id} has no error scenario ${reason}`);
  if (typeof scenario !== 'number') return scenario;
  const entry = errorCatalog[scenario];
  return { code: scenario, reason: entry.reason, message: entry.description };
}

async function answer<Op extends RestOperationId>(
  operationId: Op,
  operation: MockOperation,
  request: Request,
  override: OperationOverrideOf<Op> | undefined,
  options: HttpMockOptions,
): Promise<Response> {
  const pathParams = matchPaths(request.url, operation.paths, options.baseUrl) ?? {};
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (Number(request.headers.get('content-length') ?? 0) > maxBodyBytes)
    return jsonResponse(bodyTooLarge(maxBodyBytes), 413);
  let account: MockAccount | undefined;
  if (operation.signed) {
    const auth = await authenticate(request, operation, pathParams, options);
    if ('problem' in auth) return jsonResponse(authRefusal(auth.problem));
    account = auth.account;
    // A key belongs to one account group: another group in the URL is not its account. (Checked when
    // a backend keeps the accounts; the spec's examples name groups of their own, e.g. getAccountInfo's 0.)
    if (
      options.backend &&
      pathParams.accountGroup !== undefined &&
      pathParams.accountGroup !== String(account.accountGroup)
    )
      return jsonResponse(groupMismatch(pathParams.accountGroup));
  }
  // Routes with an account group are answered without it too; the group is then the account's.
  const group =
    operation.accountGroup && pathParams.accountGroup === undefined
      ? { accountGroup: String((account ?? options.account ?? defaultAccount).accountGroup) }
      : {};
  const params = checkRestParams(operationId, { ...queryOf(request.url), ...pathParams, ...group });
  if (!params.ok) return jsonResponse(refusalBody(params.refusal));
  const text = await request.text();
  if (new TextEncoder().encode(text).length > maxBodyBytes) return jsonResponse(bodyTooLarge(maxBodyBytes), 413);
  const body = parseRestBody(operationId, text);
  if (!body.ok) return jsonResponse(refusalBody(body.refusal));

  const checked: RestRequest<Op> = { operationId, params: params.value, body: body.value, account };
  const { response, error } = override ?? {};
  if (response !== undefined) {
    const value = typeof response === 'function' ? await (response as OperationResolver<Op>)(checked) : response;
    return jsonResponse(value);
  }
  if (error !== undefined) return jsonResponse(scenarioBody(operation, error));
  const fromBackend: RestAnswer | undefined = options.backend?.handleRest(checked as unknown as RestRequest);
  if (fromBackend) return jsonResponse(fromBackend.body, fromBackend.status);
  // The latency measurement echoes the request's time even without a backend: from the configured
  // clock, else (no clock at all) as a server whose clock agrees with the client's, the example's
  // latency after it, so that syncClock() never measures the example's 2021 date.
  if (operationId === 'getExchangeLatency') {
    const latencyRequest = checked as unknown as RestRequest<'getExchangeLatency'>;
    const exampleLatency = (operation.example as { data: { latency: number } }).data.latency;
    const now =
      options.clock?.() ?? options.backend?.now() ?? Number(latencyRequest.params.requestTime) + exampleLatency;
    return jsonResponse(clockAnswers.getExchangeLatency(latencyRequest, now).body);
  }
  return jsonResponse(operation.example);
}

/** Whether an operation answers a method: its own, and HEAD where it answers GET (as HTTP servers do). */
export function answersMethod(operation: MockOperation, method: string): boolean {
  const m = method.toLowerCase();
  return operation.methods.includes(m) || (m === 'head' && operation.methods.includes('get'));
}

/**
 * The MSW handler of one REST operation, given its row of the operation table: matches its methods
 * and routes (with and without the account group) on the configured origin, and answers like the
 * exchange. (`operationHandler(operationId)` looks the row up.)
 * @internal the generated `handle<OperationId>` call this with their row
 */
export function operationHandlerOf<Op extends RestOperationId>(
  operation: MockOperation,
  override?: OperationOverrideOf<Op>,
  options: HttpMockOptions = {},
): HttpHandler {
  const operationId = operation.id as Op;
  return http.all(
    ({ request }) => {
      if (!answersMethod(operation, request.method)) return false;
      const params = matchPaths(request.url, operation.paths, options.baseUrl);
      return params ? { matches: true, params } : false;
    },
    async ({ request }) => {
      const latency = override?.latencyMs ?? options.latencyMs ?? 0;
      if (latency > 0) await (options.wait ?? delay)(latency);
      return answer(operationId, operation, request, override, options);
    },
  );
}
