// Waiting: every wait of a call (retry backoff, `Retry-After`, a shared account-group lookup)
// listens to the call's AbortSignal and ends the moment it aborts. Timers are injected
// (ClientOptions.timers), so tests run on fake time.
import { AscendexAbortError } from './errors.js';

/** The timers the REST client schedules with: the global ones by default. @public */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The global timers, looked up at each call (so that a test's fake timers are seen too). @internal */
export const systemTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** The error of a call aborted through `signal`, with the signal's reason as `cause`. @internal */
export const abortError = (operationId: string, signal: AbortSignal): AscendexAbortError =>
  new AscendexAbortError(operationId, { cause: signal.reason });

/** Throws the abort error when `signal` is already aborted. @internal */
export function throwIfAborted(operationId: string, signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError(operationId, signal);
}

/** Resolves after `ms`, or rejects with the abort error as soon as `signal` aborts. @internal */
export function wait(operationId: string, ms: number, signal: AbortSignal | undefined, timers: Timers): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(operationId, signal));
    const onAbort = () => {
      timers.clearTimeout(handle);
      reject(abortError(operationId, signal!));
    };
    const handle = timers.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * `promise`, or the abort error as soon as `signal` aborts, whichever comes first. For a promise
 * shared with other calls (the account-group lookup): one caller's abort leaves it running for
 * the others. Its outcome is always handled, so an abandoned rejection is never unhandled.
 * @internal
 */
export function abortable<T>(operationId: string, promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) {
      promise.catch(() => {});
      return reject(abortError(operationId, signal));
    }
    const onAbort = () => reject(abortError(operationId, signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
