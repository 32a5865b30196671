// The dispatching validator for anything the WebSocket server sends.
import type { ServerMessage, ServerMessageMap, ServerMessageName } from '@ascendex-toolkit/types';
import { serverMessageEntries, serverMessageKeys } from './generated/ws/dispatch.gen.js';
import { createDispatcher } from './runtime/dispatch.js';
import type { UnknownMessageError, ValidationError } from './runtime/errors.js';
import { parseJson } from './runtime/lossless-json.js';

/** A server message with its kind; narrowing on `name` narrows `message`. @public */
export type NamedServerMessage = {
  [K in ServerMessageName]: { readonly name: K; readonly message: ServerMessageMap[K] };
}[ServerMessageName];

/** The outcome of checking one server message. @public */
export type ServerMessageResult =
  | ({ readonly ok: true } & NamedServerMessage)
  | { readonly ok: false; readonly error: ValidationError | UnknownMessageError };

let dispatch: ((value: unknown) => unknown) | undefined;

/**
 * Finds which server message `value` is (by `op`, `m`, `action`, `status`, `ac`) and validates it
 * against that message's schema. Never throws: an unknown kind gives an UnknownMessageError, a
 * known kind with bad fields a ValidationError naming the fields.
 * @public
 */
export function validateServerMessage(value: unknown): ServerMessageResult {
  dispatch ??= createDispatcher<ServerMessage>(serverMessageKeys, serverMessageEntries);
  return dispatch(value) as ServerMessageResult;
}

/** True when `value` is a valid server message of a known kind. @public */
export function isServerMessage(value: unknown): value is ServerMessage {
  return validateServerMessage(value).ok;
}

/** Throws ValidationError or UnknownMessageError unless `value` is a valid server message. @public */
export function assertServerMessage(value: unknown): asserts value is ServerMessage {
  const result = validateServerMessage(value);
  if (!result.ok) throw result.error;
}

/**
 * Parses one WebSocket text frame losslessly and validates it.
 * @throws JsonParseError, UnknownMessageError or ValidationError
 * @public
 */
export function parseServerMessage(text: string): NamedServerMessage {
  const result = validateServerMessage(parseJson(text));
  if (!result.ok) throw result.error;
  return result;
}
