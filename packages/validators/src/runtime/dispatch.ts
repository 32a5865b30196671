// Picks the schema of a server WebSocket message from its discriminating fields, then validates.
import { AscendexError, UnknownMessageError, ValidationError } from './errors.js';
import { toIssues, type ValidateFunction } from './ajv-issues.js';

/** One server message kind of the generated dispatch table. @internal */
export interface DispatchEntry<M> {
  readonly name: string;
  /** Required values of discriminating fields; `false` means the field must be absent. */
  readonly match: Readonly<Record<string, string | number | boolean>>;
  readonly validate: ValidateFunction;
  /** Phantom: the message type this entry validates. */
  readonly __type?: M;
}

/** The outcome of dispatching one message: the message and its kind, or why it was refused. @public */
export type DispatchResult<M> =
  | { readonly ok: true; readonly name: string; readonly message: M }
  | { readonly ok: false; readonly error: ValidationError | UnknownMessageError };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function matches(match: DispatchEntry<unknown>['match'], value: Record<string, unknown>): boolean {
  for (const key in match) {
    const want = match[key];
    if (want === false ? key in value : value[key] !== want) return false;
  }
  return true;
}

/**
 * Builds a dispatcher over the generated table: one map lookup on `m` (or `op` for messages without
 * `m`), a check of the remaining discriminators, then the candidate schemas in table order. Runs for
 * every frame, so it allocates nothing on the way to a valid message.
 * @internal
 */
export function createDispatcher<M>(keys: readonly string[], entries: readonly DispatchEntry<M>[]) {
  const byM = new Map<unknown, DispatchEntry<M>[]>();
  const byOp = new Map<unknown, DispatchEntry<M>[]>();
  for (const entry of entries) {
    const { m, op } = entry.match;
    const index = typeof m === 'string' ? byM : typeof op === 'string' ? byOp : undefined;
    if (!index) throw new AscendexError(`dispatch entry ${entry.name} has neither m nor op`);
    const key = index === byM ? m : op;
    index.set(key, [...(index.get(key) ?? []), entry]);
  }
  return function dispatch(value: unknown): DispatchResult<M> {
    if (!isRecord(value)) {
      return {
        ok: false,
        error: new ValidationError('ServerMessage', [{ path: '', keyword: 'type', message: 'must be object' }]),
      };
    }
    const group = typeof value.m === 'string' ? byM.get(value.m) : byOp.get(value.op);
    let best: DispatchEntry<M> | undefined;
    for (const entry of group ?? []) {
      if (!matches(entry.match, value)) continue;
      if (entry.validate(value)) return { ok: true, name: entry.name, message: value as M };
      best ??= entry;
    }
    if (!best) {
      const seen: Record<string, unknown> = {};
      for (const key of keys) if (key in value) seen[key] = value[key];
      return { ok: false, error: new UnknownMessageError(seen) };
    }
    best.validate(value); // its errors were overwritten by later candidates
    return { ok: false, error: new ValidationError(best.name, toIssues(best.validate.errors, value)) };
  };
}
