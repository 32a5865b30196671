// The one implementation behind every generated assertX function.
import { ValidationError } from './errors.js';
import { toIssues, type ValidateFunction } from './ajv-issues.js';

/**
 * Throws a {@link ValidationError} naming `schema` unless `validate` accepts `value`.
 * @internal generated guards call this; use the generated `assertX` functions instead.
 */
export function assertValid(validate: ValidateFunction, value: unknown, schema: string): void {
  if (!validate(value)) throw new ValidationError(schema, toIssues(validate.errors));
}
