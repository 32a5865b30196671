// Depth sequence numbers are int64: the lossless parser gives a number up to 2^53 - 1 and a bigint
// above, so one stream can hold both types. These helpers compare them exactly without converting
// the common all-number case to bigint (which would allocate on every update).

/** A depth `seqnum` as parsed losslessly. @public */
export type SeqNum = number | bigint;

/** True for an integer sequence number (a safe-integer number or a bigint). */
export function isSeqNum(value: unknown): value is SeqNum {
  return typeof value === 'bigint' || (typeof value === 'number' && Number.isSafeInteger(value));
}

/** True when `next` is exactly `last + 1`. */
export function isNextSeqNum(last: SeqNum, next: SeqNum): boolean {
  if (typeof last === 'number' && typeof next === 'number') return next === last + 1;
  return BigInt(next) === BigInt(last) + 1n;
}

/** True when `a <= b` (JavaScript compares a number and a bigint exactly). */
export function seqNumAtMost(a: SeqNum, b: SeqNum): boolean {
  return a <= b;
}
