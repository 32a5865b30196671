// The one implementation behind every generated assertX function, and its inverse for callers that
// want the error as a value.
import { ValidationError } from './errors.js';
import { toIssues, type ValidateFunction } from './ajv-issues.js';

/**
 * Throws a {@link ValidationError} naming `schema` unless `validate` accepts `value`.
 * @internal generated guards call this; use the generated `assertX` functions instead.
 */
export function assertValid(validate: ValidateFunction, value: unknown, schema: string): void {
  if (!validate(value)) throw new ValidationError(schema, toIssues(validate.errors, value));
}

/**
 * Runs a generated `assertX` check and returns its {@link ValidationError} instead of throwing it:
 * `undefined` when the value is valid. The generated checks throw nothing else (see assertValid).
 * @public
 */
export function validationErrorOf(check: () => void): ValidationError | undefined {
  try {
    check();
    return undefined;
  } catch (error) {
    return error as ValidationError;
  }
}
