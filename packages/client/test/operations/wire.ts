// Test support: what the client put on the wire, recorded from MSW's request events.
import type { SetupServer } from 'msw/node';

/** One request as it left the client. */
export interface WireRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: Headers;
  /** The body text (read from a clone, so it settles independently of the handler). */
  readonly body: Promise<string>;
}

/** Records every request `server` sees, in order. */
export function recordRequests(server: SetupServer): WireRequest[] {
  const seen: WireRequest[] = [];
  server.events.on('request:start', ({ request }) => {
    seen.push({
      method: request.method,
      url: new URL(request.url),
      headers: request.headers,
      body: request.clone().text(),
    });
  });
  return seen;
}
