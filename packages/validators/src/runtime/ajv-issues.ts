// Turns ajv's error objects into ValidationIssues whose paths name the field and whose messages say
// what a reader needs: a too-large integer is called that (not "must be integer"), a number that
// lost digits in an int64 field is called that, and a discriminated union names its tag.
import type { ValidationIssue } from './errors.js';

/** The part of an ajv ErrorObject we read (the generated validators produce these). @internal */
export interface AjvErrorLike {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/** A compiled validator: the generated `validateX` functions have this shape. @public */
export interface ValidateFunction {
  (data: unknown): boolean;
  errors?: AjvErrorLike[] | null;
}

const escape = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');
const unescape = (segment: string) => segment.replace(/~1/g, '/').replace(/~0/g, '~');
/** Combinators whose own error only repeats what their branches already said. */
const SUMMARY_KEYWORDS = new Set(['oneOf', 'anyOf', 'if', 'allOf', 'not']);
/** Marks "no value found" apart from a field that holds `undefined`. */
const ABSENT = Symbol('absent');

/** The value at a JSON pointer of `root`, or ABSENT. */
function valueAt(root: unknown, pointer: string): unknown {
  let value = root;
  if (pointer === '') return value;
  for (const segment of pointer.slice(1).split('/')) {
    if (typeof value !== 'object' || value === null) return ABSENT;
    const key = unescape(segment);
    if (!Object.prototype.hasOwnProperty.call(value, key)) return ABSENT;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

const isIntegerType = (type: unknown) =>
  type === 'integer' ||
  type === 'number' ||
  (Array.isArray(type) && (type.includes('integer') || type.includes('number')));

/** The path and message of one ajv error, read against the value that failed when there is one. */
function describe(e: AjvErrorLike, root: unknown): { path: string; message: string } {
  let path = e.instancePath;
  if (e.keyword === 'required') path += `/${escape(String(e.params.missingProperty))}`;
  if (e.keyword === 'additionalProperties') path += `/${escape(String(e.params.additionalProperty))}`;
  if (e.keyword === 'discriminator') {
    // ajv checks only the branch the tag selects; the issue is about the tag itself.
    path += `/${escape(String(e.params.tag))}`;
    if (e.params.error === 'mapping')
      return {
        path,
        message: `must be a value that selects one of the union's shapes (got ${JSON.stringify(e.params.tagValue)})`,
      };
    return { path, message: e.params.tagValue === undefined ? 'is required (it selects the shape)' : 'must be string' };
  }
  const data = root === ABSENT ? ABSENT : valueAt(root, e.instancePath);
  if (e.keyword === 'type' && typeof data === 'bigint' && isIntegerType(e.params.type))
    return {
      path,
      message: `must be an integer within ±(2^53 − 1); got ${data}, which only sequence numbers (int64) may exceed`,
    };
  if (e.keyword === 'x-ascendex-bigint' && typeof data === 'number' && Number.isInteger(data))
    return {
      path,
      message:
        `must be an exact int64: ${data} lies beyond ±(2^53 − 1) as a number, so it was written with a ` +
        'fraction or an exponent and its digits cannot be trusted',
    };
  const allowed =
    e.keyword === 'enum' ? ` (${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')})` : '';
  const message =
    e.keyword === 'const' ? `must be ${JSON.stringify(e.params.allowedValue)}` : `${e.message ?? e.keyword}${allowed}`;
  return { path, message };
}

/**
 * The issues of ajv's errors. With `value` (what was validated) the messages can say what the value
 * holds where that explains the refusal (an integer above 2^53, a rounded int64).
 * @internal
 */
export function toIssues(
  errors: readonly AjvErrorLike[] | null | undefined,
  value: unknown = ABSENT,
): ValidationIssue[] {
  const all = (errors ?? []).map((e): ValidationIssue => ({ ...describe(e, value), keyword: e.keyword }));
  const specific = all.filter((i) => !SUMMARY_KEYWORDS.has(i.keyword));
  const chosen = specific.length ? specific : all;
  const seen = new Set<string>();
  return chosen.filter((i) => {
    const key = `${i.path} ${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
