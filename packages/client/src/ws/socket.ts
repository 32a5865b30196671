// The WebSocket implementation the connection runs on. Browsers and Node 22+ have a global
// `WebSocket`; on Node 20 pass the `ws` package's class (or run with `--experimental-websocket`).
// Only the standard surface is used (addEventListener, send, close, readyState), which `ws`
// implements too; `ws` also takes `{ headers }` as its second constructor argument, which is how
// header authentication reaches the upgrade request.

/** The events the connection listens to, as both the standard WebSocket and `ws` deliver them. @public */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'open', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'close', listener: (event: { code: number; reason: string }) => void): void;
  addEventListener(type: 'error', listener: (event: unknown) => void): void;
}

/**
 * A WebSocket class: the global `WebSocket`, or `ws`'s `WebSocket` (whose second argument may be
 * `{ headers }`; the connection passes it only with `auth: 'headers'`).
 * @public
 */
export type WebSocketConstructor = new (url: string, options?: { headers: Record<string, string> }) => WebSocketLike;

/** The implementation to use when none is given: the global one, if the runtime has it. */
export function globalWebSocket(): WebSocketConstructor | undefined {
  return (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
}
