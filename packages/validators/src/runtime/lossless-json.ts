// JSON that never rounds an integer. The exchange sends int64 sequence numbers above 2^53 (trade
// `seqnum` 144115191800016553) that JSON.parse would silently change. Such integers become bigint;
// every other number stays a number, and prices/quantities are strings in the API anyway.
import { parse as parseLossless, stringify as stringifyLossless, isInteger } from 'lossless-json';
import { JsonParseError, JsonStringifyError } from './errors.js';

/**
 * Can the text hold an integer token too long for a double? Integers of at most 15 digits are always
 * exact, so only a run of 16+ digits after `:`, `,`, `[` or at the start needs the lossless parser.
 * A match inside a string is a harmless false positive (the slow path is also correct).
 */
const MAYBE_UNSAFE_INTEGER = /(?:^|[:,[])\s*-?\d{16,}(?![\d.eE])/;

function parseNumber(token: string): number | bigint {
  if (isInteger(token)) {
    const n = Number(token);
    return Number.isSafeInteger(n) ? n : BigInt(token);
  }
  return Number(token);
}

/**
 * Parses JSON text. Integers outside ±(2^53 − 1) come back as `bigint`, all else as `JSON.parse` would.
 * Throws {@link JsonParseError} for text that is not JSON.
 * @public
 */
export function parseJson(text: string): unknown {
  try {
    if (!MAYBE_UNSAFE_INTEGER.test(text)) return JSON.parse(text);
    return parseLossless(text, null, parseNumber);
  } catch (cause) {
    throw new JsonParseError(`not valid JSON: ${(cause as Error).message.replace(/"[^"]*"/g, '"…"')}`, text.length);
  }
}

/**
 * Serialises a value to JSON, writing bigints as exact integer literals.
 * Throws {@link JsonStringifyError} for a value that has no JSON text.
 * @public
 */
export function stringifyJson(value: unknown): string {
  let text: string | undefined;
  try {
    text = stringifyLossless(value);
  } catch (cause) {
    // lossless-json recurses into a structure that refers to itself until the stack overflows.
    throw new JsonStringifyError(`value cannot be serialised to JSON: ${(cause as Error).message}`, { cause });
  }
  if (text === undefined) throw new JsonStringifyError(`value cannot be serialised to JSON: ${typeof value}`);
  return text;
}
