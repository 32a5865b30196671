// The request core: runs one row of the generated operation table. The pure step
// (core/build-request.ts) checks the caller's object and builds the HTTP request; this module adds
// the I/O around it: the account group (found once, shared by concurrent first calls), the
// signature, the transport (retries, redirects, limits, abort), and reading the answer
// (core/read-answer.ts). The call's AbortSignal ends every phase.
import type { AscendexError } from '@ascendex-toolkit/validators';
import { readInput, toHttpRequest } from './build-request.js';
import { readAnswer } from './read-answer.js';
import { send, type HttpRequest } from './transport.js';
import { abortable, throwIfAborted } from './timers.js';
import { clientState, now, type ClientCore, type ClientState } from './client-core.js';
import type { CallOptions } from './options.js';
import type { OperationSpec } from './operation.js';

/** The account group: from the options, else discovered once through `getAccountInfo`. */
function accountGroup(client: ClientCore, state: ClientState, discoverWith: OperationSpec): Promise<number> {
  if (state.accountGroup !== undefined) return Promise.resolve(state.accountGroup);
  state.discovery ??= call<{ accountGroup: number }>(client, discoverWith, undefined).then(
    (info) => (state.accountGroup = info.accountGroup),
    (error: AscendexError) => {
      state.discovery = undefined; // a failed discovery is tried again by the next call
      throw error;
    },
  );
  return state.discovery;
}

/** `request` with its signature, which the client's redactor remembers from then on. */
async function signed(
  state: ClientState,
  op: OperationSpec,
  request: HttpRequest,
  prehash: string | undefined,
): Promise<HttpRequest> {
  const credentials = state.credentials;
  if (prehash === undefined || !credentials || !op.auth) return request;
  const signature = await credentials.signature(op.auth.sign, request.headers['x-auth-timestamp'] ?? '', prehash);
  state.redactor.remember(signature);
  return { ...request, headers: { ...request.headers, 'x-auth-signature': signature } };
}

/**
 * Calls one operation. `input` holds path, query and body fields side by side.
 * @internal the generated functions and methods call this; use them.
 */
export async function call<T>(
  client: ClientCore,
  op: OperationSpec,
  input: object | undefined,
  options: CallOptions = {},
): Promise<T> {
  const state = clientState(client);
  const { signal } = options;
  const checked = readInput(op, input, {
    time: now(state),
    validate: state.validate,
    accountGroup: state.accountGroup,
    signed: state.credentials !== undefined,
  });
  throwIfAborted(op.id, signal);
  const group = op.discoverAccountGroup
    ? await abortable(op.id, accountGroup(client, state, op.discoverAccountGroup), signal)
    : undefined;
  const built = toHttpRequest(op, checked, {
    baseUrl: state.baseUrl,
    accountGroup: group,
    timestamp: now(state),
    apiKey: state.credentials?.apiKey,
  });
  const request = await abortable(op.id, signed(state, op, built.request, built.prehash), signal);
  const answer = await send(request, {
    fetch: state.fetch,
    timeoutMs: options.timeoutMs ?? state.timeoutMs,
    retry: state.retry,
    signal,
    maxResponseBytes: options.maxResponseBytes ?? state.maxResponseBytes,
    maxRedirects: state.maxRedirects,
    timers: state.timers,
    clock: state.clock,
    redactor: state.redactor,
    onRequest: state.onRequest,
    onResponse: state.onResponse,
  });
  return readAnswer(op, answer, {
    request,
    redactor: state.redactor,
    validate: state.validate,
    now: state.clock(),
  }) as T;
}
