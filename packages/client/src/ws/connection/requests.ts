// Request correlation: every request frame gets an `id`; its reply is found by the echoed `id`, or
// by the value the generated table names when the reply echoes none (depth snapshots: the symbol).
// Every request settles: with its reply, a typed error (a failure reply, no reply in time), or
// AscendexWsClosedError when the socket goes; nothing waits forever. The gate is where requests
// made before the connection is ready wait for it, within their own timeout.
import type { ServerMessage } from '@ascendex-toolkit/types';
import type { AscendexError } from '@ascendex-toolkit/validators';
import { apiErrorFrom } from '../../core/api-error.js';
import { apiErrors } from '../../generated/errors.gen.js';
import { AscendexTimeoutError } from '../../core/errors.js';
import { wsRequests, type WsRequestKey } from '../../generated/ws/requests.gen.js';
import { AscendexWsAuthError } from '../errors.js';
import { Timer, type WsScheduler } from '../scheduler.js';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** A failure reply's code, reason and message, or undefined for a success. @internal */
export function failureOf(
  message: Record<string, unknown>,
): { code: number; reason?: string; message?: string; info?: unknown } | undefined {
  if (message.status === 'Err' && isRecord(message.info)) {
    const info = message.info;
    return {
      code: typeof info.code === 'number' ? info.code : 0,
      ...(typeof info.reason === 'string' ? { reason: info.reason } : {}),
      ...(typeof info.message === 'string' ? { message: info.message } : {}),
      info,
    };
  }
  if (message.m === 'error' || (typeof message.code === 'number' && message.code !== 0)) {
    const detail =
      typeof message.err === 'string' ? message.err : typeof message.info === 'string' ? message.info : undefined;
    return {
      code: typeof message.code === 'number' ? message.code : 0,
      ...(typeof message.reason === 'string' ? { reason: message.reason } : {}),
      ...(detail === undefined ? {} : { message: detail }),
      ...(message.info === undefined ? {} : { info: message.info }),
    };
  }
  return undefined;
}

/** The value at a one- or two-step JSON pointer (`/id`, `/args/symbol`). */
function pointer(value: unknown, path: string): unknown {
  let at = value;
  for (const step of path.split('/').slice(1)) at = isRecord(at) ? at[step] : undefined;
  return at;
}

interface Pending {
  readonly key: WsRequestKey;
  readonly operationId: string;
  /** The value of the correlation pointer when it is not `/id` (depth snapshots: the symbol). */
  readonly correlation: string | undefined;
  readonly resolve: (message: ServerMessage) => void;
  readonly reject: (error: unknown) => void;
}

/** The requests waiting for their reply. @internal */
export class PendingRequests {
  readonly #pending = new Map<string, Pending>();
  #nextId = 0;

  constructor(private readonly scheduler: WsScheduler) {}

  get size(): number {
    return this.#pending.size;
  }

  /**
   * Gives `frame` an id and registers it; `reply` settles with the reply, or rejects after
   * `timeoutMs`. The caller sends `message`.
   */
  open(
    key: WsRequestKey,
    frame: Record<string, unknown>,
    timeoutMs: number,
  ): { message: Record<string, unknown>; reply: Promise<ServerMessage> } {
    const spec = wsRequests[key];
    const id = `c${(++this.#nextId).toString(36)}`;
    const message = { ...frame, id };
    const correlation =
      spec.correlation && spec.correlation.request !== '/id'
        ? String(pointer(message, spec.correlation.request))
        : undefined;
    const reply = new Promise<ServerMessage>((resolve, reject) => {
      const timer = new Timer(this.scheduler);
      const settle = (done: () => void) => {
        timer.stop();
        this.#pending.delete(id);
        done();
      };
      this.#pending.set(id, {
        key,
        operationId: spec.operationId,
        correlation,
        resolve: (reply) => settle(() => resolve(reply)),
        reject: (error) => settle(() => reject(error)),
      });
      timer.start(timeoutMs, () => settle(() => reject(new AscendexTimeoutError(spec.operationId, timeoutMs))));
    });
    return { message, reply };
  }

  /** Settles the request a reply answers, if any: by echoed `id`, else by the correlation value (oldest first). */
  settle(message: ServerMessage, answers: readonly WsRequestKey[]): boolean {
    const record = message as unknown as Record<string, unknown>;
    let pending = typeof record.id === 'string' ? this.#pending.get(record.id) : undefined;
    if (pending && !answers.includes(pending.key)) pending = undefined;
    if (!pending) {
      for (const key of answers) {
        const correlation = wsRequests[key].correlation;
        if (!correlation || correlation.reply === '/id') continue;
        const value = String(pointer(record, correlation.reply));
        // The oldest request of that action and value (Map order is insertion order).
        for (const p of this.#pending.values()) {
          if (p.key === key && p.correlation === value) {
            pending = p;
            break;
          }
        }
        if (pending) break;
      }
    }
    if (!pending) return false;
    const failure = failureOf(record);
    if (!failure) pending.resolve(message);
    else if (pending.key === 'auth')
      pending.reject(new AscendexWsAuthError(failure.code, failure.message ?? failure.reason ?? ''));
    else pending.reject(apiErrorFrom(apiErrors, failure, { operationId: pending.operationId, status: 0 }));
    return true;
  }

  /** Rejects every waiting request with the error made for it. */
  rejectAll(errorFor: (operationId: string) => AscendexError): void {
    for (const pending of [...this.#pending.values()]) pending.reject(errorFor(pending.operationId));
  }
}

/** Where calls made before `ready` wait for it, each within its own timeout. @internal */
export class ReadyGate {
  readonly #waiters = new Set<{ resolve(): void; reject(error: unknown): void }>();

  constructor(private readonly scheduler: WsScheduler) {}

  wait(timeoutMs: number, timeout: () => AscendexError): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const timer = new Timer(this.scheduler);
      const waiter = {
        resolve: () => (timer.stop(), this.#waiters.delete(waiter), resolve()),
        reject: (error: unknown) => (timer.stop(), this.#waiters.delete(waiter), reject(error)),
      };
      this.#waiters.add(waiter);
      timer.start(timeoutMs, () => waiter.reject(timeout()));
    });
  }

  open(): void {
    for (const waiter of [...this.#waiters]) waiter.resolve();
  }

  fail(error: unknown): void {
    for (const waiter of [...this.#waiters]) waiter.reject(error);
  }
}

/** A promise with its settling functions. @internal */
export interface Deferred {
  readonly promise: Promise<void>;
  resolve(): void;
  reject(error: unknown): void;
}

/** @internal */
export function deferred(): Deferred {
  let resolve!: () => void, reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  promise.catch(() => undefined); // rejections reach whoever awaits it; unawaited, they are no crash
  return { promise, resolve, reject };
}
