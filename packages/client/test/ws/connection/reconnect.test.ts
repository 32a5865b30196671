// The reconnect policy alone: exponential ceilings with full jitter, the cap, giving up, reset.
import { describe, expect, it } from 'vitest';
import { Reconnect } from '../../../src/ws/connection/reconnect.js';
import { backoffCeiling } from '../../../src/ws/backoff.js';

describe('backoffCeiling', () => {
  it('doubles from the base per attempt up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6].map((a) => backoffCeiling(a, 250, 2_000))).toEqual([250, 500, 1000, 2000, 2000, 2000]);
    expect(backoffCeiling(5_000, 250, 10_000)).toBe(10_000); // no overflow to Infinity or NaN
  });
});

describe('Reconnect', () => {
  it('jitters each delay over [0, ceiling): the random number scales the ceiling', () => {
    const randoms = [0.5, 0, 0.999, 0.5, 0.25];
    const policy = new Reconnect({ baseDelayMs: 4, maxDelayMs: 20 }, () => randoms.shift()!);
    expect([policy.next(), policy.next(), policy.next(), policy.next(), policy.next()]).toEqual([2, 0, 16, 10, 5]);
    expect(policy.attempts).toBe(5);
  });

  it('gives up after maxAttempts in a row; being ready again starts over', () => {
    const policy = new Reconnect({ baseDelayMs: 10, maxAttempts: 2 }, () => 1);
    expect(policy.next()).toBe(10);
    expect(policy.next()).toBe(20);
    expect(policy.next()).toBeUndefined();
    policy.reset();
    expect(policy.next()).toBe(10);
  });

  it('reconnect: false never reconnects; the defaults are 250 ms doubling to 10 s, forever', () => {
    expect(new Reconnect(false, () => 1).next()).toBeUndefined();
    const defaults = new Reconnect(undefined, () => 1);
    const delays = Array.from({ length: 10 }, () => defaults.next());
    expect(delays).toEqual([250, 500, 1000, 2000, 4000, 8000, 10_000, 10_000, 10_000, 10_000]);
  });
});
