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

/** The length of the shortest digit run {@link MAYBE_UNSAFE_INTEGER} looks for. */
const LONG_RUN = 16;

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * Does the text hold a run of {@link LONG_RUN} digits? A cheap filter before the regular expression,
 * which would otherwise run on every frame: any such run covers one of the positions 15, 31,
 * 47, ..., so only those are read, and a digit there is extended both ways to measure its run.
 * About half the cost of the regular expression on market data frames.
 */
function hasLongDigitRun(text: string): boolean {
  const length = text.length;
  for (let i = LONG_RUN - 1; i < length; i += LONG_RUN) {
    if (!isDigit(text.charCodeAt(i))) continue;
    let start = i;
    while (start > 0 && isDigit(text.charCodeAt(start - 1))) start--;
    let end = i + 1;
    while (end < length && isDigit(text.charCodeAt(end))) end++;
    if (end - start >= LONG_RUN) return true;
    // The next run starts after `end`; the probe LONG_RUN on from the run's last digit still lands in it.
    i = end - 1;
  }
  return false;
}

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
    if (!hasLongDigitRun(text) || !MAYBE_UNSAFE_INTEGER.test(text)) return JSON.parse(text);
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
