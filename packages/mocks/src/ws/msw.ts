// MSW `ws` handlers for the stream endpoint: each intercepted client connection is bridged to a
// session of ./session.ts. MSW intercepts the global `WebSocket` only (on Node 20, run with
// `--experimental-websocket`); it cannot read connection headers, so header authentication is for
// the standalone server, and sessions here authenticate with the `auth` message.
import { ws, type WebSocketHandler } from 'msw';
import { frameText, streamPath } from '@ascendex-toolkit/validators';
import type { ExchangeEvent } from '../backend.js';
import { broadcastFaults, type WsFaults } from './session/faults.js';
import { createWsSession } from './session/session.js';
import type { WsSession, WsSessionOptions } from './session/options.js';

/** The stream path under the base URL (public) or under `/{accountGroup}` (account group). @public */
export { streamPath };

/** @public */
export interface WsHandlersOptions extends Omit<
  WsSessionOptions,
  'send' | 'close' | 'drop' | 'accountGroup' | 'headers' | 'faults'
> {
  /** The WebSocket origin to intercept. Default `wss://ascendex.com`. */
  readonly baseUrl?: string;
  /**
   * Rewrites every frame a session sends before the client gets it, e.g. to play an exchange that
   * answers pings with pongs lacking fields. Default: frames as the session writes them.
   */
  readonly rewriteOutgoing?: (text: string) => string;
}

/** @public */
export interface WsMocks {
  /** For `setupServer(...handlers)` / `setupWorker(...handlers)`: the public and the account-group stream URLs. */
  readonly handlers: readonly WebSocketHandler[];
  /** The sessions open now. */
  sessions(): readonly WsSession[];
  /** Sends an event to every open session subscribed to its topic (for tests without a backend that publishes). */
  publish(event: ExchangeEvent): void;
  /** Faults for every open session; the lasting ones (`ignoreClientPings`, `stopServerPings`, `delayReplies`) also for sessions opened later. */
  readonly faults: WsFaults;
}

/**
 * Creates the MSW WebSocket handlers of the stream endpoint, each connection bridged to a mock
 * exchange session.
 * @public
 */
export function createWsHandlers(options: WsHandlersOptions = {}): WsMocks {
  const { baseUrl = 'wss://ascendex.com', rewriteOutgoing = (text: string) => text, ...sessionOptions } = options;
  const origin = baseUrl.replace(/\/+$/, '');
  const live = new Set<WsSession>();
  const { faults, lasting } = broadcastFaults(() => live);

  function link(url: string): WebSocketHandler {
    return ws.link(url).addEventListener('connection', ({ client, params }) => {
      const group = params.accountGroup;
      const session = createWsSession({
        ...sessionOptions,
        accountGroup: typeof group === 'string' ? group : undefined,
        faults: { ...lasting },
        send: (text) => client.send(rewriteOutgoing(text)),
        // MSW delivers sends in a microtask and drops them once closing: close after them.
        close: (code, reason) => queueMicrotask(() => client.close(code, reason)),
      });
      live.add(session);
      // Frames are handled in arrival order by the session's own queue.
      client.addEventListener('message', (event) => {
        void frameText(event.data).then((text) => session.receive(text));
      });
      client.addEventListener('close', () => {
        session.close();
        live.delete(session);
      });
      void session.open().then(() => {
        if (session.state === 'closed') live.delete(session);
      });
    });
  }

  return {
    handlers: [link(`${origin}${streamPath}`), link(`${origin}/:accountGroup${streamPath}`)],
    sessions: () => [...live].filter((s) => s.state === 'open'),
    publish: (event) => {
      for (const session of live) session.deliver(event);
    },
    faults,
  };
}
