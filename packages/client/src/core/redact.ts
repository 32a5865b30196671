// What the client removes from any text it puts into an error or a hook event: its API key, its
// secret and the signatures it made. A hostile or broken server can echo them anywhere (an error
// message, a header, a redirect URL, a body the parser quotes), and fetch implementations quote
// request header values in their own errors, so every such text goes through one Redactor.
import { JsonParseError, ValidationError, type AscendexError } from '@ascendex-toolkit/validators';

/** Shorter values cannot be told apart from ordinary text; a real key or secret is far longer. */
const MIN_LENGTH = 6;
/** Signatures kept to redact (the most recent ones): a signature is valid for 30 s, so an echo of
 * a much older one would be a replay nobody can use, and the memory of a week-long client stays bounded. */
const MAX_SIGNATURES = 256;
/** How deep `value()` and `cause()` walk: answers and error chains deeper than this are cut. */
const MAX_DEPTH = 16;
/** Properties of Node's system errors worth keeping on a cause (what failed, and where). */
const CAUSE_FIELDS = ['code', 'errno', 'syscall', 'address', 'port'] as const;

/** The forms a value can take in text: as is, URL-encoded, JSON-escaped, and the pieces around a
 * control character (undici quotes an invalid header value with its control characters replaced). */
function formsOf(value: string): string[] {
  const forms = [value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1)];
  // eslint-disable-next-line no-control-regex -- control characters are what undici replaces
  forms.push(...value.split(/[\s\x00-\x1f\x7f]+/));
  return forms.filter((form) => form.length >= MIN_LENGTH);
}

/**
 * Removes the client's credentials and signatures from text, values and errors.
 * @internal
 */
export class Redactor {
  /** Form of a key or secret -> what replaces it; longest first, so a key inside a longer echo goes whole. */
  #replacements: [string, string][] = [];
  /** The forms of each remembered signature, oldest first (Map keeps insertion order). */
  readonly #signatures = new Map<string, string[]>();
  /** The redactor this one extends (`with()`): applied after this one's own replacements. */
  #parent: Redactor | undefined;

  constructor(credentials: { readonly apiKey?: string | undefined; readonly secret?: string | undefined } = {}) {
    if (credentials.apiKey !== undefined) this.#add(credentials.apiKey, '[api key]');
    if (credentials.secret !== undefined) this.#add(credentials.secret, '[secret]');
  }

  #add(value: string, label: string): void {
    for (const form of formsOf(value)) this.#replacements.push([form, label]);
    this.#replacements.sort((a, b) => b[0].length - a[0].length);
  }

  /** A redactor that removes `values` (the auth header values of one request), then what this one does. */
  with(values: readonly [string, string][]): Redactor {
    const child = new Redactor();
    for (const [value, label] of values) child.#add(value, label);
    child.#parent = this;
    return child;
  }

  /** Remembers a signature the client made (the most recent MAX_SIGNATURES are kept). */
  remember(signature: string): void {
    this.#signatures.delete(signature);
    this.#signatures.set(
      signature,
      formsOf(signature).sort((a, b) => b.length - a.length),
    );
    if (this.#signatures.size > MAX_SIGNATURES) this.#signatures.delete(this.#signatures.keys().next().value!);
  }

  /** `text` without any credential. */
  text(text: string): string {
    let out = text;
    for (const [form, label] of this.#replacements) if (out.includes(form)) out = out.split(form).join(label);
    for (const forms of this.#signatures.values())
      for (const form of forms) if (out.includes(form)) out = out.split(form).join('[signature]');
    return this.#parent ? this.#parent.text(out) : out;
  }

  /** A copy of a parsed JSON value with every string (and key) redacted. */
  value(value: unknown, depth = 0): unknown {
    if (typeof value === 'string') return this.text(value);
    if (typeof value !== 'object' || value === null) return value;
    if (depth >= MAX_DEPTH) return '[too deep]';
    if (Array.isArray(value)) return value.map((item) => this.value(item, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[this.text(key)] = this.value(item, depth + 1);
    return out;
  }

  /** Response headers as an error keeps them: a copy with every value redacted. */
  headers(headers: Headers): Headers {
    const out = new Headers();
    headers.forEach((value, name) => out.append(name, this.text(value)));
    return out;
  }

  /**
   * An error to keep as `cause`: a copy with the name, the redacted message and stack, the system
   * error fields (`code`, `syscall`, ...) and the redacted cause chain. The original is not kept:
   * it may quote a credential (undici quotes an invalid header value).
   */
  cause(error: unknown, depth = 0): unknown {
    if (typeof error === 'string') return this.text(error);
    if (!(error instanceof Error)) return error;
    const copy = new Error(this.text(String(error.message)));
    Object.defineProperty(copy, 'name', { value: error.name, enumerable: false, configurable: true });
    copy.stack = this.text(String(error.stack ?? `${error.name}: ${error.message}`));
    const fields = error as unknown as Record<string, unknown>;
    for (const field of CAUSE_FIELDS) {
      const item = fields[field];
      if (item !== undefined) (copy as unknown as Record<string, unknown>)[field] = this.value(item);
    }
    if (error.cause !== undefined && depth < MAX_DEPTH) copy.cause = this.cause(error.cause, depth + 1);
    return copy;
  }

  /** The error a parser or validator threw, with its messages redacted. */
  detail(error: AscendexError): AscendexError {
    if (error instanceof ValidationError)
      return new ValidationError(
        error.schema,
        error.issues.map((issue) => ({ ...issue, path: this.text(issue.path), message: this.text(issue.message) })),
      );
    if (error instanceof JsonParseError) return new JsonParseError(this.text(error.message), error.length);
    return error;
  }
}

/** `https://host/path` of a URL: what an error names of a request (never the query, which may
 * carry anything the caller put there). @internal */
export function urlForError(url: string): string {
  try {
    const { origin, pathname } = new URL(url);
    return `${origin}${pathname}`;
  } catch {
    return '(an invalid URL)';
  }
}

/** The origin of a URL, or undefined when it is not one. @internal */
export function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
