// The request core: runs one row of the generated operation table. It splits the caller's one
// object into path, query and body, fills in order times, validates strictly before anything is
// sent, finds the account group (once, shared by concurrent first calls), signs, sends through the
// transport, parses losslessly, turns a non-zero `code` into an error, validates the answer and
// returns the payload.
import {
  AscendexError,
  ValidationError,
  parseJson,
  stringifyJson,
  validationErrorOf,
} from '@ascendex-toolkit/validators';
import { AscendexRequestError, AscendexResponseError } from './errors.js';
import { apiErrorFrom } from './api-error.js';
import { send } from './transport.js';
import { clientState, now, type ClientCore, type ClientState } from './client-core.js';
import type { CallOptions } from './options.js';
import type { OperationSpec } from './operation.js';

type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Runs `check`, turning its ValidationError into the request error of `operationId`. */
function checkRequest(operationId: string, check: () => void): void {
  const error = validationErrorOf(check);
  if (error) throw new AscendexRequestError(operationId, error);
}

const refusal = (operationId: string, schema: string, path: string, message: string, keyword: string) =>
  new AscendexRequestError(operationId, new ValidationError(schema, [{ path, message, keyword }]));

/** The caller's object split by where each field goes. Fields the operation does not take stay in
 * `query` (or `body` when it has one), where strict validation refuses them. */
function split(op: OperationSpec, input: Fields) {
  const path: Fields = {};
  const query: Fields = {};
  const body: Fields = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    if (op.pathParams.includes(key)) path[key] = value;
    else if (op.queryParams.includes(key) || !op.hasBody) query[key] = value;
    else body[key] = value;
  }
  return { path, query, body };
}

/** `time` from the client's clock where the caller left it out. */
function fillTime(op: OperationSpec, body: Fields, time: number): Fields {
  if (op.fillTime === 'body') return body.time === undefined ? { ...body, time } : body;
  if (op.fillTime === 'orders' && Array.isArray(body.orders)) {
    return { ...body, orders: body.orders.map((o) => (isObject(o) && o.time === undefined ? { ...o, time } : o)) };
  }
  return body;
}

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

function queryString(query: Fields): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) search.append(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The payload of a success body, by `x-ascendex.payload`. */
function payloadOf(op: OperationSpec, body: unknown): unknown {
  switch (op.payload) {
    case 'data':
      return (body as Fields).data;
    case 'info':
      return (body as Fields).info;
    case 'body':
      return body;
    case 'none':
      return undefined;
  }
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
  if (input !== undefined && !isObject(input)) throw refusal(op.id, `${op.id} input`, '', 'must be object', 'type');
  if ('accountGroup' in (input ?? {})) {
    throw refusal(
      op.id,
      `${op.id} input`,
      '/accountGroup',
      'is set by the client (option accountGroup)',
      'additionalProperties',
    );
  }
  const parts = split(op, (input ?? {}) as Fields);
  const body = fillTime(op, parts.body, now(state));
  if (state.validate) {
    // The group is not known before discovery; any valid group stands in for the check.
    const group = op.accountGroup ? { accountGroup: state.accountGroup ?? 0 } : {};
    checkRequest(op.id, () => op.assertParams({ ...group, ...parts.path, ...parts.query }));
    if (op.assertBody) checkRequest(op.id, () => op.assertBody?.(body));
  }
  const credentials = state.credentials;
  if (op.auth && !credentials) {
    throw refusal(op.id, 'ClientOptions', '', 'a signed operation needs the options apiKey and secret', 'required');
  }

  let path = op.path;
  if (op.discoverAccountGroup) {
    path = path.replace('{accountGroup}', String(await accountGroup(client, state, op.discoverAccountGroup)));
  }
  const category = String(parts.path.accountCategory ?? '');
  path = path.replace('{accountCategory}', encodeURIComponent(category));
  const headers: Record<string, string> = { accept: 'application/json' };
  if (op.hasBody) headers['content-type'] = 'application/json';
  if (op.auth && credentials) {
    const timestamp = String(now(state));
    const prehash = op.auth.prehash.replace('{accountCategory}', category);
    headers['x-auth-key'] = credentials.apiKey;
    headers['x-auth-timestamp'] = timestamp;
    headers['x-auth-signature'] = await credentials.signature(op.auth.sign, timestamp, prehash);
  }

  const answer = await send(
    {
      operationId: op.id,
      method: op.method,
      url: `${state.baseUrl}${path}${queryString(parts.query)}`,
      headers,
      ...(op.hasBody ? { body: stringifyJson(body) } : {}),
    },
    { fetch: state.fetch, timeoutMs: options.timeoutMs ?? state.timeoutMs, retry: state.retry, signal: options.signal },
  );
  return answerOf(op, state, answer.status, answer.text) as T;
}

/** The payload of an answer, or the error it stands for. */
function answerOf(op: OperationSpec, state: ClientState, status: number, text: string): unknown {
  let body: unknown;
  try {
    body = parseJson(text);
  } catch (error) {
    throw new AscendexResponseError(op.id, status, error as AscendexError);
  }
  if (isObject(body) && typeof body.code === 'number' && body.code !== 0) {
    throw apiErrorFrom(body as { code: number }, { operationId: op.id, status });
  }
  if (status < 200 || status > 299) {
    const issue = { path: '', message: `HTTP status ${status} without an error code`, keyword: 'status' };
    throw new AscendexResponseError(op.id, status, new ValidationError(`${op.id} response`, [issue]));
  }
  const error = state.validate ? validationErrorOf(() => op.assertSuccess(body)) : undefined;
  if (error) throw new AscendexResponseError(op.id, status, error);
  return payloadOf(op, body);
}
