// What an answer means: the payload of a success, or the typed error it stands for. In this order:
// the exchange's envelope with a non-zero `code` (any HTTP status) is an API error of its catalog
// group; else a 429 is a rate limit, a 5xx an outage, any other non-2xx an HTTP error, all with
// the status and headers; else the body must be JSON of the operation's success shape. Every text
// of the answer put into an error goes through the client's Redactor first.
import { JsonParseError, parseJson, validationErrorOf, type AscendexError } from '@ascendex-toolkit/validators';
import { apiErrorFrom } from './api-error.js';
import {
  AscendexHttpError,
  AscendexRateLimitError,
  AscendexResponseError,
  AscendexUnavailableError,
  type AnswerMeta,
} from './errors.js';
import type { OperationSpec } from './operation.js';
import type { Redactor } from './redact.js';
import { urlForError } from './redact.js';
import { retryAfterMs, type HttpAnswer, type HttpRequest } from './transport.js';

type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Headers that carry a request id, in the order they are read. */
const REQUEST_ID_HEADERS = ['x-request-id', 'cf-ray'];

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

/** What reading an answer needs besides the answer. */
export interface AnswerContext {
  readonly request: HttpRequest;
  readonly redactor: Redactor;
  /** Validate the success body against the operation's schema. */
  readonly validate: boolean;
  /** For HTTP-date `Retry-After` values. */
  readonly now: number;
}

/** The payload of an answer, or the error it stands for. @internal */
export function readAnswer(op: OperationSpec, answer: HttpAnswer, context: AnswerContext): unknown {
  const { redactor } = context;
  const { status } = answer;
  // What an error keeps of the answer; built only when one is thrown (redaction is not free).
  const kept = () => {
    const headers = redactor.headers(answer.headers);
    const requestId = REQUEST_ID_HEADERS.map((name) => headers.get(name)).find((id) => id !== null) ?? undefined;
    return { headers, requestId };
  };
  let body: unknown;
  let parseError: AscendexError | undefined;
  try {
    body = parseJson(answer.text);
  } catch (error) {
    parseError = redactor.detail(error as JsonParseError);
  }
  if (isObject(body) && typeof body.code === 'number' && body.code !== 0) {
    const envelope = redactor.value(body) as { code: number; reason?: string; message?: string; info?: unknown };
    throw apiErrorFrom(op.errors, envelope, { operationId: op.id, status, ...kept() });
  }
  if (status < 200 || status > 299) {
    const meta: AnswerMeta = {
      method: context.request.method,
      url: redactor.text(urlForError(answer.url)),
      status,
      ...kept(),
    };
    const retryAfter = retryAfterMs(answer.headers, context.now);
    if (status === 429) throw new AscendexRateLimitError(op.id, { ...meta, retryAfterMs: retryAfter });
    if (status >= 500) throw new AscendexUnavailableError(op.id, { ...meta, retryAfterMs: retryAfter });
    throw new AscendexHttpError(op.id, { ...meta, retryAfterMs: retryAfter });
  }
  if (parseError) throw new AscendexResponseError(op.id, status, parseError, kept());
  const invalid = context.validate ? validationErrorOf(() => op.assertSuccess(body)) : undefined;
  if (invalid) throw new AscendexResponseError(op.id, status, redactor.detail(invalid), kept());
  return payloadOf(op, body);
}
