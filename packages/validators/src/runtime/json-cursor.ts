// What the generated frame readers (generated/ws/readers.gen.ts) stand on: a position in a JSON
// text and the few token reads they need. A reader reads one message kind in one pass, checking
// its schema as it goes, and gives up (returns undefined) on anything it does not read exactly as
// JSON.parse plus the strict validator would: a string with an escape, a number with a fraction or
// an exponent, an unknown or repeated key, a value its schema refuses. Giving up is never an
// answer, only a hand-over to the general path (parseJson, then the dispatching validator), which
// has the last word on the frame.

/** JSON's four whitespace characters. */
const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 13 || c === 9;

/**
 * Integers of at most this many digits are exact as doubles (below 10^15 < 2^53) and are summed
 * digit by digit; longer ones go through Number and, for int64 fields, BigInt, as parseJson does.
 */
const EXACT_DIGITS = 15;

/** V8's shortest sliced string (SlicedString::kMinLength): shorter slices are copies. */
const SLICE_MIN = 13;

/** A read position in one JSON text. @internal */
export class JsonCursor {
  text = '';
  pos = 0;
  /** Where the last {@link stringEnd} string's characters start (after its opening quote). */
  start = 0;

  /** Starts reading `text` from its beginning. */
  reset(text: string): this {
    this.text = text;
    this.pos = 0;
    return this;
  }

  /** Skips whitespace; the code of the next character, or NaN at the end of the text. */
  peek(): number {
    const text = this.text;
    let pos = this.pos;
    let c = text.charCodeAt(pos);
    while (isSpace(c)) c = text.charCodeAt(++pos);
    this.pos = pos;
    return c;
  }

  /** Skips whitespace and the character `code`; false (nothing consumed but whitespace) when another comes. */
  eat(code: number): boolean {
    if (this.peek() !== code) return false;
    this.pos++;
    return true;
  }

  /** True when only whitespace is left. */
  atEnd(): boolean {
    return Number.isNaN(this.peek());
  }

  /**
   * After a member or an element: 1 when a comma follows (another one comes), 0 when `close`
   * (`}` or `]`) does, -1 for anything else. Consumes what it found.
   */
  next(close: number): number {
    const c = this.peek();
    if (c === 44 /* , */) {
      this.pos++;
      return 1;
    }
    if (c === close) {
      this.pos++;
      return 0;
    }
    return -1;
  }

  /**
   * Reads up to the closing quote of a string with no escape and no control character (JSON.parse
   * would refuse the latter); its characters are `text.slice(start, end)` for the returned end,
   * and `pos` is after the closing quote. -1 when the next token is not such a string.
   */
  stringEnd(): number {
    if (!this.eat(34 /* " */)) return -1;
    const text = this.text;
    const start = this.pos;
    let pos = start;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 34) break;
      // A backslash starts an escape; below 32 is a control character; NaN is the end of the text.
      if (c === 92 || !(c >= 32)) return -1;
      pos++;
    }
    this.start = start;
    this.pos = pos + 1;
    return pos;
  }

  /**
   * The string {@link stringEnd} found, ending at `end`, as a string of its own. V8 makes a slice of
   * 13 characters or more a view into the whole text, which would keep every frame alive whose
   * price a book still holds; those are copied (JSON.parse of the quoted characters, which hold
   * no escape, gives an independent string of the same value).
   */
  take(end: number): string {
    const start = this.start;
    return end - start < SLICE_MIN
      ? this.text.slice(start, end)
      : (JSON.parse(this.text.slice(start - 1, end + 1)) as string);
  }

  /** Reads a string (see {@link stringEnd}); undefined when the next token is not one. */
  string(): string | undefined {
    const end = this.stringEnd();
    return end < 0 ? undefined : this.take(end);
  }

  /** Reads an object member's key and its colon; undefined when they are not there. */
  key(): string | undefined {
    const key = this.string();
    return key !== undefined && this.eat(58 /* : */) ? key : undefined;
  }

  /** Reads `true` or `false`; undefined for anything else. */
  boolean(): boolean | undefined {
    const c = this.peek();
    const text = this.text;
    const pos = this.pos;
    if (c === 116 && text.startsWith('true', pos)) {
      this.pos = pos + 4;
      return true;
    }
    if (c === 102 && text.startsWith('false', pos)) {
      this.pos = pos + 5;
      return false;
    }
    return undefined;
  }

  /**
   * Reads an integer written as digits only (an optional minus, no leading zero, no fraction, no
   * exponent): the number JSON.parse gives, or for a token beyond ±(2^53 − 1) the bigint parseJson
   * gives when `bigint`, else undefined. Undefined too for any other number token (the general
   * path reads `5.0` or `1e3`).
   */
  integer(bigint: boolean): number | bigint | undefined {
    const text = this.text;
    let c = this.peek();
    let pos = this.pos;
    const start = pos;
    const negative = c === 45; /* - */
    if (negative) c = text.charCodeAt(++pos);
    const first = pos;
    let n = 0;
    while (c >= 48 && c <= 57) {
      n = n * 10 + (c - 48);
      c = text.charCodeAt(++pos);
    }
    const digits = pos - first;
    // No digits, a leading zero, or a fraction or exponent follows.
    if (digits === 0 || (digits > 1 && text.charCodeAt(first) === 48) || c === 46 || c === 101 || c === 69) {
      return undefined;
    }
    this.pos = pos;
    if (digits <= EXACT_DIGITS) return negative ? -n : n;
    const token = text.slice(start, pos);
    const value = Number(token);
    if (Number.isSafeInteger(value)) return value;
    return bigint ? BigInt(token) : undefined;
  }
}
