// Public entry of @ascendex-toolkit/client.
export * from './core/errors.js';
export type { ClientOptions, CallOptions } from './core/options.js';
export type { RetryPolicy } from './core/transport.js';
