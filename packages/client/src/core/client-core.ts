// The state every operation runs against: options, the credentials, the cached account group and
// the clock offset. It is kept in a module-private WeakMap, not on the client object, so that
// logging, inspecting or serialising a client shows neither the API key nor the secret; the secret
// itself lives only in the closure of `credentials.signature`.
import { AscendexError } from '@ascendex-toolkit/validators';
import type { ClientOptions } from './options.js';
import type { RetryPolicy } from './transport.js';
import type { RequestSigner } from './operation.js';
import type { RequestEvent, ResponseEvent } from './hooks.js';
import { Redactor } from './redact.js';
import { systemTimers, type Timers } from './timers.js';

/** API key and a signer closed over the secret. */
interface Credentials {
  readonly apiKey: string;
  signature(sign: RequestSigner, timestamp: string, prehash: string): Promise<string>;
}

/** @internal */
export interface ClientState {
  readonly baseUrl: string;
  readonly fetch: typeof fetch;
  readonly timeoutMs: number;
  readonly retry: RetryPolicy | false;
  readonly validate: boolean;
  readonly clock: () => number;
  readonly timers: Timers;
  readonly maxResponseBytes: number | undefined;
  readonly maxRedirects: number | undefined;
  readonly onRequest: ((event: RequestEvent) => void) | undefined;
  readonly onResponse: ((event: ResponseEvent) => void) | undefined;
  readonly credentials: Credentials | undefined;
  /** Keeps the key, the secret and the signatures made out of errors and hook events. */
  readonly redactor: Redactor;
  /** Server time minus local time, ms (0 until `syncClock`). */
  clockOffsetMs: number;
  accountGroup: number | undefined;
  /** The discovery in flight, shared by concurrent first calls. */
  discovery: Promise<number> | undefined;
}

const states = new WeakMap<ClientCore, ClientState>();

function credentials(apiKey: string, secret: string): Credentials {
  return { apiKey, signature: (sign, timestamp, prehash) => sign(secret, timestamp, prehash) };
}

/**
 * The client without its operation methods: what the standalone operation functions
 * (`getDepth(client, params)`) take. `AscendexClient` extends it with one method per operation.
 * @public
 */
export class ClientCore {
  constructor(options: ClientOptions = {}) {
    const { apiKey, secret } = options;
    states.set(this, {
      baseUrl: (options.baseUrl ?? 'https://ascendex.com').replace(/\/+$/, ''),
      // Bound, so that a browser's fetch is not called with the state as `this`.
      fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
      timeoutMs: options.timeoutMs ?? 10_000,
      retry: options.retry ?? { retries: 2 },
      validate: options.validate ?? true,
      clock: options.clock ?? Date.now,
      timers: options.timers ?? systemTimers,
      maxResponseBytes: options.maxResponseBytes,
      maxRedirects: options.maxRedirects,
      onRequest: options.onRequest,
      onResponse: options.onResponse,
      credentials: apiKey !== undefined && secret !== undefined ? credentials(apiKey, secret) : undefined,
      redactor: new Redactor({ apiKey, secret }),
      clockOffsetMs: 0,
      accountGroup: options.accountGroup,
      discovery: undefined,
    });
  }

  /** The account group in use, once known (from the options or discovered). */
  get accountGroup(): number | undefined {
    return clientState(this).accountGroup;
  }

  /** Server time minus local time, ms, as last measured by `syncClock` (0 before). */
  get clockOffsetMs(): number {
    return clientState(this).clockOffsetMs;
  }

  /** What a log line may show of a client: no key, no secret. */
  toJSON(): { baseUrl: string; accountGroup: number | undefined; signed: boolean } {
    const state = clientState(this);
    return { baseUrl: state.baseUrl, accountGroup: state.accountGroup, signed: state.credentials !== undefined };
  }

  /** Node's `util.inspect` (and so `console.log`) shows the same safe summary. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `${this.constructor.name} ${JSON.stringify(this.toJSON())}`;
  }
}

/** @internal */
export function clientState(client: ClientCore): ClientState {
  const state = states.get(client);
  if (!state) throw new AscendexError('not a client: construct it with new AscendexClient(options)');
  return state;
}

/** The client's clock corrected by the measured offset: what signatures and order times use. @internal */
export function now(state: ClientState): number {
  return Math.round(state.clock() + state.clockOffsetMs);
}
