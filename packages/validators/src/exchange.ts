// The exchange-side request profile: reads a request the way AscendEX reads it. For mocks and mock
// servers, which must accept what the exchange accepts and refuse only what it refuses, with its
// error codes. Our own client checks what it sends with the strict validators of the main entry.
//
// Accepted here and refused by the strict profile: unknown fields (ignored), scalars of the wrong
// JSON type that convert exactly (query strings, `"t": "1700000000000"`), list sizes above a
// documented cap (capped). Refused: what is still invalid, with the exchange's reason and code.
import { errorCatalog, type KnownErrorCode, type operations } from '@ascendex-toolkit/types';
import {
  exchangeRestValidators,
  exchangeClientMessages,
  invalidFieldRefusals,
  fallbackRefusals,
  type ExchangeClientMessageMap,
} from './generated/exchange/profile.gen.js';
import { toIssues, type AjvErrorLike, type ValidateFunction } from './runtime/ajv-issues.js';
import { AscendexError, type ValidationIssue } from './runtime/errors.js';
import { parseJson } from './runtime/lossless-json.js';

/** A refusal's code and the catalog's reason for it: the profile names its refusals by code only. */
function catalogRefusal(code: KnownErrorCode): { code: number; reason: string } {
  return { code, reason: errorCatalog[code].reason ?? '' };
}

/** The refusal for anything else, by what was read (the profile's `fallbackRefusals`). */
const fallback = {
  rest: catalogRefusal(fallbackRefusals.rest),
  ws: catalogRefusal(fallbackRefusals.ws),
  json: catalogRefusal(fallbackRefusals.json),
};

export type { ExchangeClientMessageMap };
/** Every REST operation as the exchange side sees it: methods, route, accepted prehashes, validators. @public */
export { exchangeRestValidators, type ExchangeRestValidators } from './generated/exchange/profile.gen.js';

/** Every REST operationId. @public */
export type RestOperationId = keyof typeof exchangeRestValidators;

/** `T[K]` without `undefined`; `unknown` (neutral in an intersection) where `T` has no such part. */
type Part<T, K extends string> = T extends { [P in K]?: infer V }
  ? [NonNullable<V>] extends [never]
    ? unknown
    : NonNullable<V>
  : unknown;
/** The path and query parameters of an operation, as one object (after coercion and capping). @public */
export type ExchangeParams<Op extends RestOperationId> = Part<operations[Op]['parameters'], 'path'> &
  Part<operations[Op]['parameters'], 'query'>;
/** The JSON body of an operation (unknown fields may be present and are to be ignored). @public */
export type ExchangeBody<Op extends RestOperationId> = [NonNullable<operations[Op]['requestBody']>] extends [never]
  ? undefined
  : Part<Part<NonNullable<operations[Op]['requestBody']>, 'content'>, 'application/json'>;

/** What the exchange answers for a request it refuses: its error envelope's fields. @public */
export interface ExchangeRefusal {
  /** The catalog code, e.g. 300001. */
  readonly code: number;
  /** The catalog reason, e.g. `INVALID_PRICE`. */
  readonly reason: string;
  /** What is wrong, for humans. */
  readonly message: string;
  /** Every field found wrong, with JSON-pointer paths (empty for a body that is not JSON). */
  readonly issues: readonly ValidationIssue[];
}

/** The outcome of reading a request exchange-side: the value as the exchange understands it, or its refusal. @public */
export type ExchangeCheck<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly refusal: ExchangeRefusal };

/** A client WebSocket message as the exchange reads it, with its kind; narrowing on `name` narrows `value`. @public */
export type ExchangeClientMessage = {
  [K in keyof ExchangeClientMessageMap]: {
    readonly ok: true;
    readonly name: K;
    readonly value: ExchangeClientMessageMap[K];
  };
}[keyof ExchangeClientMessageMap];

/** A refused client WebSocket message: the refusal and the request `id` to echo, when it had one. @public */
export interface ExchangeClientMessageRefusal {
  readonly ok: false;
  readonly refusal: ExchangeRefusal;
  readonly id?: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The field a failed check is about: the missing property, the order-type tag, or the last named segment. */
function fieldOf(error: AjvErrorLike): string | undefined {
  if (error.keyword === 'required') return String(error.params.missingProperty);
  if (error.keyword === 'discriminator') return String(error.params.tag);
  const segments = error.instancePath.split('/');
  for (let i = segments.length - 1; i > 0; i--)
    if (!/^\d+$/.test(segments[i]!)) return segments[i]!.replace(/~1/g, '/').replace(/~0/g, '~');
  return undefined;
}

function refusalOf(
  errors: readonly AjvErrorLike[] | null | undefined,
  fallback: { reason: string; code: number },
): ExchangeRefusal {
  const issues = toIssues(errors);
  let chosen = fallback;
  for (const error of errors ?? []) {
    const field = fieldOf(error);
    const specific = field === undefined ? undefined : invalidFieldRefusals[field];
    if (specific !== undefined) {
      chosen = catalogRefusal(specific);
      break;
    }
  }
  const message = issues.map((i) => `${i.path || '(root)'} ${i.message}`).join('; ');
  return { code: chosen.code, reason: chosen.reason, message, issues };
}

/**
 * How deeply a JSON request may nest (objects and arrays). The deepest request the API has is three
 * levels (a batch: `{"orders":[{...}]}`); a server's parser refuses absurd nesting before it costs a
 * stack, and so does this profile: deeper text is refused as not well-formed (`INVALID_JSON_FORMAT`
 * for REST, `INVALID_WS_REQUEST_DATA` for WebSocket). See spec/discrepancies/behaviour.yaml.
 * @public
 */
export const MAX_JSON_DEPTH = 64;

/**
 * The deepest nesting of `[` and `{` in JSON text, counted outside strings; stops counting once
 * past `limit`. Linear, no recursion, so any text is safe to measure.
 * @public
 */
export function jsonDepth(text: string, limit = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > deepest && (deepest = depth) > limit) return deepest;
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
  }
  return deepest;
}

/** Validates a copy (the profile coerces and caps in place) and returns it or the refusal. */
function check<T>(
  validate: ValidateFunction,
  value: unknown,
  fallback: { reason: string; code: number },
): ExchangeCheck<T> {
  let copy: unknown;
  try {
    copy = structuredClone(value);
    if (validate(copy)) return { ok: true, value: copy as T };
  } catch (e) {
    // A value nested too deeply for the stack (built in memory, not parsed here): refused, never thrown.
    return {
      ok: false,
      refusal: { ...fallback, message: `(root) cannot be read: ${(e as Error).message}`, issues: [] },
    };
  }
  return { ok: false, refusal: refusalOf(validate.errors, fallback) };
}

/** Parses request text losslessly, refusing text that is not JSON or nests deeper than {@link MAX_JSON_DEPTH}. */
function parseRequestText(
  text: string,
  refusal: { reason: string; code: number },
): { ok: true; value: unknown } | { ok: false; refusal: ExchangeRefusal } {
  if (jsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH)
    return {
      ok: false,
      refusal: { ...refusal, message: `JSON nests deeper than ${MAX_JSON_DEPTH} levels`, issues: [] },
    };
  try {
    return { ok: true, value: parseJson(text) };
  } catch (e) {
    return { ok: false, refusal: { ...refusal, message: (e as Error).message, issues: [] } };
  }
}

interface OperationValidators {
  params: ValidateFunction;
  body?: ValidateFunction;
  bodyRequired?: boolean;
}

function validatorsOf(operationId: RestOperationId): OperationValidators {
  const validators = exchangeRestValidators[operationId] as OperationValidators | undefined;
  if (!validators) throw new AscendexError(`unknown operationId ${String(operationId)}`);
  return validators;
}

/**
 * Reads the path and query parameters of a request to `operationId` exchange-side. Pass them as one
 * object of strings as they come from the URL (`{ accountGroup: '6', symbol: 'BTC/USDT', n: '1000' }`);
 * the value comes back typed, capped and without touching the argument.
 * @public
 */
export function checkRestParams<Op extends RestOperationId>(
  operationId: Op,
  params: Readonly<Record<string, unknown>>,
): ExchangeCheck<ExchangeParams<Op>> {
  return check(validatorsOf(operationId).params, params, fallback.rest);
}

/**
 * Reads a parsed JSON body of a request to `operationId` exchange-side. An operation without a
 * body accepts anything (the exchange ignores it) and gives `undefined`.
 * @public
 */
export function checkRestBody<Op extends RestOperationId>(
  operationId: Op,
  body: unknown,
): ExchangeCheck<ExchangeBody<Op>> {
  const { body: validate, bodyRequired } = validatorsOf(operationId);
  if (!validate || (body === undefined && !bodyRequired)) return { ok: true, value: undefined as ExchangeBody<Op> };
  return check(validate, body, fallback.rest);
}

/**
 * Parses body text losslessly and reads it like {@link checkRestBody}; text that is not JSON, or
 * nests deeper than {@link MAX_JSON_DEPTH}, is refused as the exchange refuses it
 * (`INVALID_JSON_FORMAT`). An empty body is no body: accepted where the body is optional
 * (`cancelAllOrders`), refused as not JSON where it is required.
 * @public
 */
export function parseRestBody<Op extends RestOperationId>(
  operationId: Op,
  text: string,
): ExchangeCheck<ExchangeBody<Op>> {
  const validators = validatorsOf(operationId);
  if (!validators.body) return { ok: true, value: undefined as ExchangeBody<Op> };
  if (!validators.bodyRequired && text.trim() === '') return { ok: true, value: undefined as ExchangeBody<Op> };
  const parsed = parseRequestText(text, fallback.json);
  if (!parsed.ok) return parsed;
  // Every body of the API is an object: JSON of another kind (`null`, `[...]`, `"abc"`) is not a valid body.
  if (!isRecord(parsed.value))
    return { ok: false, refusal: { ...fallback.json, message: 'the body must be a JSON object', issues: [] } };
  return checkRestBody(operationId, parsed.value);
}

function wsRefusal(
  message: string,
  id: unknown,
  issues: readonly ValidationIssue[] = [],
): ExchangeClientMessageRefusal {
  const { reason, code } = fallback.ws;
  return { ok: false, refusal: { reason, code, message, issues }, ...(typeof id === 'string' ? { id } : {}) };
}

/**
 * Reads one client WebSocket message exchange-side: finds its kind by `op` and `action`, then
 * checks it. Unknown kinds and invalid messages are refused with `INVALID_WS_REQUEST_DATA` (or a
 * field's own reason), carrying the request `id` for the error reply.
 * @public
 */
export function checkClientMessage(message: unknown): ExchangeClientMessage | ExchangeClientMessageRefusal {
  if (!isRecord(message)) return wsRefusal('a request must be a JSON object', undefined);
  const { op, action, id } = message;
  const candidates = exchangeClientMessages.filter((e) => e.op === op);
  if (candidates.length === 0) return wsRefusal(`Invalid request op: ${String(op)}`, id);
  const entry = candidates.find((e) => !('actions' in e) || (e.actions as readonly unknown[]).includes(action));
  if (!entry) return wsRefusal(`Invalid request action: ${String(action)}`, id);
  const result = check<unknown>(entry.validate, message, fallback.ws);
  if (!result.ok) return { ok: false, refusal: result.refusal, ...(typeof id === 'string' ? { id } : {}) };
  return { ok: true, name: entry.name, value: result.value } as ExchangeClientMessage;
}

/**
 * Parses one text frame losslessly and reads it like {@link checkClientMessage}; a frame that is
 * not JSON, or nests deeper than {@link MAX_JSON_DEPTH}, is refused with `INVALID_WS_REQUEST_DATA`.
 * @public
 */
export function parseClientMessage(text: string): ExchangeClientMessage | ExchangeClientMessageRefusal {
  const parsed = parseRequestText(text, fallback.ws);
  if (!parsed.ok) return wsRefusal(parsed.refusal.message, undefined);
  return checkClientMessage(parsed.value);
}
