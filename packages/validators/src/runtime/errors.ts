/**
 * Typed errors of the validators package. Every error the toolkit throws derives from
 * {@link AscendexError}, so `catch (e) { if (e instanceof AscendexError) ... }` catches them all.
 * @public
 */
export class AscendexError extends Error {
  override readonly name: string = 'AscendexError';
}

/** One reason a value does not match its schema. @public */
export interface ValidationIssue {
  /** JSON pointer to the offending field (for a missing field: where it should be), `''` for the value itself. */
  readonly path: string;
  /** What is wrong, e.g. `must be string`. */
  readonly message: string;
  /** The schema keyword that failed (`type`, `required`, `pattern`, `enum`, ...). */
  readonly keyword: string;
}

/** A value that does not match its schema. @public */
export class ValidationError extends AscendexError {
  override readonly name = 'ValidationError';
  constructor(
    /** The schema the value was checked against, e.g. `DepthMessage` or `PlaceOrderBody`. */
    readonly schema: string,
    readonly issues: readonly ValidationIssue[],
  ) {
    super(`${schema} is invalid: ${issues.map((i) => `${i.path || '(root)'} ${i.message}`).join('; ')}`);
  }
}

/** Text that is not JSON. The text itself is not kept (it may carry credentials). @public */
export class JsonParseError extends AscendexError {
  override readonly name = 'JsonParseError';
  constructor(
    message: string,
    /** Length of the text that failed to parse. */
    readonly length: number,
  ) {
    super(message);
  }
}

/**
 * A value that has no JSON text: `undefined`, a function or symbol at the top level, or a structure
 * that refers to itself. @public
 */
export class JsonStringifyError extends AscendexError {
  override readonly name = 'JsonStringifyError';
}

/** A WebSocket message whose discriminating fields (`op`, `m`, ...) match no message of the spec. @public */
export class UnknownMessageError extends AscendexError {
  override readonly name = 'UnknownMessageError';
  constructor(
    /** The discriminating fields as received, e.g. `{ m: 'summary' }`. */
    readonly discriminators: Readonly<Record<string, unknown>>,
  ) {
    super(`unknown server message ${JSON.stringify(discriminators)}`);
  }
}
