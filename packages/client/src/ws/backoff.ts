// Exponential backoff as a pure function, shared by the connection's reconnects (with jitter) and
// the order book feed's snapshot retries (without).

/**
 * The longest wait before attempt `attempt` (1-based): `baseMs` doubled per earlier attempt,
 * capped at `maxMs`.
 * @internal
 */
export function backoffCeiling(attempt: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
}
