// The fuzz runs' figures, printed as each run ends: how many cases, how long, with which seed.
import { parseJson } from '@ascendex-toolkit/validators';
import { strictValid, type RestCase } from './rest-cases.js';

/** What the answers were, so a run can show it tested something. */
export const tallies = { validOk: 0, valid: 0, byStatus: new Map<number, number>(), codes: new Map<number, number>() };

export function tally(c: RestCase, status: number, text: string): void {
  tallies.byStatus.set(status, (tallies.byStatus.get(status) ?? 0) + 1);
  let code: unknown;
  try {
    code = (parseJson(text) as { code?: unknown })?.code;
  } catch {
    code = undefined;
  }
  if (typeof code === 'number') tallies.codes.set(code, (tallies.codes.get(code) ?? 0) + 1);
  if (strictValid(c)) {
    tallies.valid++;
    if (code === 0 || code === undefined) tallies.validOk++;
  }
}

export function report(what: string, cases: number, ms: number, seed: number): void {
  const statuses = [...tallies.byStatus]
    .sort(([a], [b]) => a - b)
    .map(([s, n]) => `${s}:${n}`)
    .join(' ');
  const codes = [...tallies.codes]
    .sort(([a], [b]) => a - b)
    .map(([s, n]) => `${s}:${n}`)
    .join(' ');
  if (tallies.byStatus.size > 0)
    console.log(
      `fuzz: ${what}: statuses ${statuses}; codes ${codes}; strict-valid ${tallies.valid} (${tallies.validOk} succeeded)`,
    );
  console.log(
    `fuzz: ${what}: ${cases} cases in ${Math.round(ms)} ms (seed ${seed}; MOCKS_FUZZ_CASES and MOCKS_FUZZ_SEED change the run)`,
  );
}
