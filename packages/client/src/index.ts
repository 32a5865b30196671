// Public entry of @ascendex-toolkit/client: one standalone function per REST operation (tree-shakable:
// import only what you call, with `ClientCore`), the `AscendexClient` class with every operation as a
// method, the typed errors and the order helpers. No Node built-ins: Node 20+ and browsers.
export * from './core/errors.js';
export type { ClientOptions, CallOptions } from './core/options.js';
export type { RetryPolicy, HttpRequest } from './core/transport.js';
export type { Timers } from './core/timers.js';
export type { RequestEvent, ResponseEvent } from './core/hooks.js';
export * from './operations.js';
export * from './errors-and-helpers.js';
