// The pure half of the request core: an operation's row and the caller's one object in, the HTTP
// request out, with nothing sent and no clock read (the time is given). It splits the object into
// path, query and body, fills in order times, validates strictly, and builds the URL, the headers
// and the JSON body; for a signed operation it sets the key and timestamp headers and returns what
// is to be signed. core/request.ts adds the I/O: account-group lookup, signing, sending, reading.
import { AscendexError, ValidationError, validationErrorOf } from '@ascendex-toolkit/validators';
import { AscendexRequestError } from './errors.js';
import type { OperationSpec } from './operation.js';
import type { HttpRequest } from './transport.js';

type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The caller's object split by where each field goes, checked, with order times filled in. */
export interface OperationInput {
  readonly path: Readonly<Fields>;
  readonly query: Readonly<Fields>;
  /** The JSON body (operations with a body), order times filled in. */
  readonly body: Readonly<Fields> | undefined;
}

/** What reading an input needs. */
export interface InputContext {
  /** UTC ms filled into absent `time` fields of orders. */
  readonly time: number;
  /** Validate strictly (default true). */
  readonly validate?: boolean;
  /** The account group when known; any valid group stands in for the check until it is. */
  readonly accountGroup?: number | undefined;
  /** Whether the client has credentials: a signed operation without them is refused. */
  readonly signed: boolean;
}

/** What building the request needs. */
export interface RequestContext {
  /** Without a trailing slash, e.g. `https://ascendex.com`. */
  readonly baseUrl: string;
  /** Filled into `/{accountGroup}` routes (required by those). */
  readonly accountGroup?: number | undefined;
  /** The signature's timestamp (UTC ms). */
  readonly timestamp: number;
  /** The API key of signed operations. */
  readonly apiKey?: string | undefined;
}

/** A request ready to send, but for the signature of signed operations. */
export interface BuiltRequest {
  readonly request: HttpRequest;
  /** Signed operations: the prehash the signature covers with the `x-auth-timestamp` value. */
  readonly prehash: string | undefined;
}

const refusal = (operationId: string, schema: string, path: string, message: string, keyword: string) =>
  new AscendexRequestError(operationId, new ValidationError(schema, [{ path, message, keyword }]));

/** Runs `check`, turning its ValidationError into the request error of `operationId`. */
function checkRequest(operationId: string, check: () => void): void {
  const error = validationErrorOf(check);
  if (error) throw new AscendexRequestError(operationId, error);
}

/** `time` from the clock where the caller left it out. */
function fillTime(op: OperationSpec, body: Fields, time: number): Fields {
  if (op.fillTime === 'body') return body.time === undefined ? { ...body, time } : body;
  if (op.fillTime === 'orders' && Array.isArray(body.orders)) {
    return { ...body, orders: body.orders.map((o) => (isObject(o) && o.time === undefined ? { ...o, time } : o)) };
  }
  return body;
}

/**
 * Splits and checks the caller's object: fields the operation does not take stay in the query (or
 * the body when it has one), where strict validation refuses them. Throws AscendexRequestError.
 */
export function readInput(op: OperationSpec, input: unknown, context: InputContext): OperationInput {
  if (input !== undefined && !isObject(input)) throw refusal(op.id, `${op.id} input`, '', 'must be object', 'type');
  const fields: Fields = input ?? {};
  if ('accountGroup' in fields) {
    const message = 'is set by the client (option accountGroup)';
    throw refusal(op.id, `${op.id} input`, '/accountGroup', message, 'additionalProperties');
  }
  const path: Fields = {};
  const query: Fields = {};
  let body: Fields = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (op.pathParams.includes(key)) path[key] = value;
    else if (op.queryParams.includes(key) || !op.hasBody) query[key] = value;
    else body[key] = value;
  }
  body = fillTime(op, body, context.time);
  if (context.validate ?? true) {
    const group = op.accountGroup ? { accountGroup: context.accountGroup ?? 0 } : {};
    checkRequest(op.id, () => op.assertParams({ ...group, ...path, ...query }));
    if (op.assertBody) checkRequest(op.id, () => op.assertBody?.(body));
  }
  if (op.auth && !context.signed)
    throw refusal(op.id, 'ClientOptions', '', 'a signed operation needs the options apiKey and secret', 'required');
  return { path, query, body: op.hasBody ? body : undefined };
}

function queryString(query: Readonly<Fields>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) search.append(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The HTTP request of a checked input. */
export function toHttpRequest(op: OperationSpec, input: OperationInput, context: RequestContext): BuiltRequest {
  let path = op.path;
  if (op.path.includes('{accountGroup}')) {
    if (context.accountGroup === undefined) throw new AscendexError(`${op.id}: the account group is not known yet`);
    path = path.replace('{accountGroup}', String(context.accountGroup));
  }
  const category = String(input.path.accountCategory ?? '');
  path = path.replace('{accountCategory}', encodeURIComponent(category));
  const headers: Record<string, string> = { accept: 'application/json' };
  if (op.hasBody) headers['content-type'] = 'application/json';
  let prehash: string | undefined;
  if (op.auth) {
    if (context.apiKey === undefined) throw new AscendexError(`${op.id}: a signed operation needs the API key`);
    headers['x-auth-key'] = context.apiKey;
    headers['x-auth-timestamp'] = String(context.timestamp);
    prehash = op.auth.prehash.replace('{accountCategory}', category);
  }
  const request: HttpRequest = {
    operationId: op.id,
    method: op.method,
    url: `${context.baseUrl}${path}${queryString(input.query)}`,
    headers,
    signed: op.auth !== undefined,
    ...(input.body === undefined || !op.stringifyBody ? {} : { body: op.stringifyBody(input.body) }),
  };
  return { request, prehash };
}

/**
 * Turns an operation and the caller's object into its HTTP request, without I/O: what `call()`
 * sends, but for the signature (signed operations return the prehash to sign with `timestamp`).
 * Throws AscendexRequestError for input the operation does not take.
 * @public
 */
export function buildRequest(
  op: OperationSpec,
  input: object | undefined,
  context: RequestContext & { readonly validate?: boolean },
): BuiltRequest {
  const checked = readInput(op, input, {
    time: context.timestamp,
    validate: context.validate ?? true,
    accountGroup: context.accountGroup,
    signed: context.apiKey !== undefined,
  });
  return toHttpRequest(op, checked, context);
}
