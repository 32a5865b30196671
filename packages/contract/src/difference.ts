// One place where the wire differs from the spec, and how it is shown: the operation or message,
// the JSON pointer, what the validator says, and the value seen (truncated). The same difference
// seen again (every depth frame with the same bad field) is counted, not repeated.
import { stringifyJson, type ValidationError } from '@ascendex-toolkit/validators';

/** @public */
export interface Difference {
  readonly transport: 'rest' | 'ws';
  /** The REST operationId (`getDepth`) or the WebSocket message (`DepthMessage`, `unknown message`). */
  readonly subject: string;
  /** JSON pointer into the body or frame (`''` is the whole of it). */
  readonly pointer: string;
  /** What the spec expects there, as the validator words it. */
  readonly problem: string;
  /** The value seen at the pointer as JSON, truncated; `(absent)` when nothing is there. */
  readonly value: string;
  /** How many times it was seen. */
  readonly count: number;
}

/** Longest value shown, in characters. */
export const VALUE_WIDTH = 80;

const unescape = (segment: string) => segment.replace(/~1/g, '/').replace(/~0/g, '~');

/** The value at a JSON pointer, or `absent`. */
export function valueAt(root: unknown, pointer: string): { readonly found: boolean; readonly value?: unknown } {
  let at: unknown = root;
  for (const segment of pointer.split('/').slice(1).map(unescape)) {
    if (typeof at !== 'object' || at === null || !Object.prototype.hasOwnProperty.call(at, segment))
      return { found: false };
    at = (at as Record<string, unknown>)[segment];
  }
  return { found: true, value: at };
}

/** A value as short JSON text (lossless for int64, ellipsis past `width` characters). */
export function showValue(value: unknown, width = VALUE_WIDTH): string {
  let text: string;
  try {
    text = stringifyJson(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}

/** Collects differences, counting repeats. */
export class DifferenceLog {
  readonly #seen = new Map<string, { -readonly [K in keyof Difference]: Difference[K] }>();

  /** Records one difference (or counts it again). */
  add(difference: Omit<Difference, 'count'>): void {
    const key = [difference.transport, difference.subject, difference.pointer, difference.problem].join('\u0000');
    const seen = this.#seen.get(key);
    if (seen) seen.count += 1;
    else this.#seen.set(key, { ...difference, count: 1 });
  }

  /** Records every issue of a validation error, with the value each points at in `root`. */
  addIssues(transport: Difference['transport'], subject: string, error: ValidationError, root: unknown): void {
    for (const issue of error.issues) {
      const at = valueAt(root, issue.path);
      this.add({
        transport,
        subject,
        pointer: issue.path,
        problem: issue.message,
        value: at.found ? showValue(at.value) : '(absent)',
      });
    }
  }

  get all(): readonly Difference[] {
    return [...this.#seen.values()];
  }
}

/** One line: `REST getDepth /data/asks/0/0: must be string; seen 30000.5`. @public */
export function formatDifference(d: Difference): string {
  const times = d.count > 1 ? ` (${d.count} times)` : '';
  return `${d.transport.toUpperCase()} ${d.subject} ${d.pointer || '(root)'}: ${d.problem}; seen ${d.value}${times}`;
}
