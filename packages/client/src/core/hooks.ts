// The hooks of ClientOptions (`onRequest`, `onResponse`): what they see of each HTTP exchange.
// They see a request as it goes out, signed, with the API key and the signature redacted, and they
// are observers: an exception or a rejected promise from one is swallowed, so that a logging hook
// can never break or change a call.

/** A request about to go out (each attempt and each redirect hop). @public */
export interface RequestEvent {
  readonly operationId: string;
  readonly method: string;
  /** The full URL, query included (credentials redacted). */
  readonly url: string;
  /** The headers as sent, `x-auth-key` and `x-auth-signature` redacted. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | undefined;
  /** 1 for the first attempt, 2 for the first retry, ... */
  readonly attempt: number;
  /** Redirects followed before this request within the attempt (0 for the first). */
  readonly redirects: number;
}

/** An answer's status and headers, as they arrive (before the body is read). @public */
export interface ResponseEvent {
  readonly operationId: string;
  readonly method: string;
  readonly url: string;
  readonly status: number;
  /** The answer's headers (credentials redacted). */
  readonly headers: Headers;
  readonly attempt: number;
  readonly redirects: number;
}

/** Calls `hook` with `event`, ignoring what it throws or rejects with. @internal */
export function notify<E>(hook: ((event: E) => void) | undefined, event: () => E): void {
  if (!hook) return;
  try {
    const result: unknown = hook(event());
    if (result instanceof Promise) result.catch(() => {});
  } catch {
    // An observer's failure is not the call's.
  }
}
