// The dispatching validator for anything the WebSocket server sends.
import type { ServerMessage, ServerMessageMap, ServerMessageName } from '@ascendex-toolkit/types';
import { serverMessageEntries, serverMessageKeys } from './generated/ws/dispatch.gen.js';
import { readHotServerMessage } from './generated/ws/readers.gen.js';
import { createDispatcher } from './runtime/dispatch.js';
import type { JsonParseError, UnknownMessageError, ValidationError } from './runtime/errors.js';
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
 * The outcome of reading one frame: the message and its kind, or why it was refused, with the
 * parsed value when the text was JSON.
 * @public
 */
export type ServerFrameResult =
  | ({ readonly ok: true } & NamedServerMessage)
  | { readonly ok: false; readonly error: JsonParseError; readonly value?: undefined }
  | { readonly ok: false; readonly error: ValidationError | UnknownMessageError; readonly value: unknown };

/**
 * Parses one WebSocket text frame losslessly, finds its kind and validates it: the same outcome as
 * `validateServerMessage(parseJson(text))`, without throwing. The high-rate messages (`depth`,
 * `depth-realtime`, `bbo`, `trades`) are parsed and checked in one pass by readers generated from
 * their schemas; a frame they do not read in full goes the general way.
 * @public
 */
export function readServerMessage(text: string): ServerFrameResult {
  const hot = readHotServerMessage(text);
  if (hot !== undefined) return hot;
  let value: unknown;
  try {
    value = parseJson(text);
  } catch (error) {
    return { ok: false, error: error as JsonParseError };
  }
  const result = validateServerMessage(value);
  return result.ok ? result : { ok: false, error: result.error, value };
}

/**
 * Parses one WebSocket text frame losslessly and validates it.
 * @throws JsonParseError, UnknownMessageError or ValidationError
 * @public
 */
export function parseServerMessage(text: string): NamedServerMessage {
  const result = readServerMessage(text);
  if (!result.ok) throw result.error;
  return result;
}
