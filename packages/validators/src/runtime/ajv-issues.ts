// Turns ajv's error objects into ValidationIssues whose paths name the field.
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
/** Combinators whose own error only repeats what their branches already said. */
const SUMMARY_KEYWORDS = new Set(['oneOf', 'anyOf', 'if', 'allOf', 'not']);

/** @internal */
export function toIssues(errors: readonly AjvErrorLike[] | null | undefined): ValidationIssue[] {
  const all = (errors ?? []).map((e): ValidationIssue => {
    let path = e.instancePath;
    if (e.keyword === 'required') path += `/${escape(String(e.params.missingProperty))}`;
    if (e.keyword === 'additionalProperties') path += `/${escape(String(e.params.additionalProperty))}`;
    const allowed =
      e.keyword === 'enum'
        ? ` (${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')})`
        : '';
    const message =
      e.keyword === 'const'
        ? `must be ${JSON.stringify(e.params.allowedValue)}`
        : `${e.message ?? e.keyword}${allowed}`;
    return { path, keyword: e.keyword, message };
  });
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
