// MSW `ws` handlers bridged to the mocks' sessions (createWsSession, their public API) with one
// thing the mocks' own handlers do not offer: every frame a session sends passes through
// `rewrite`, so a test can play an exchange that sends pongs without their fields.
import { ws } from 'msw';
import { createWsSession, streamPath, type WsSession, type WsSessionOptions } from '@ascendex-toolkit/mocks';

export function rewritingHandlers(
  options: Omit<WsSessionOptions, 'send' | 'close' | 'drop' | 'accountGroup' | 'headers'> & {
    /** The frame to send instead of `text`. */
    readonly rewrite: (text: string) => string;
  },
) {
  const { rewrite, ...sessionOptions } = options;
  const sessions: WsSession[] = [];
  const link = (url: string) =>
    ws.link(url).addEventListener('connection', ({ client, params }) => {
      const session = createWsSession({
        ...sessionOptions,
        accountGroup: typeof params.accountGroup === 'string' ? params.accountGroup : undefined,
        send: (text) => client.send(rewrite(text)),
        close: (code, reason) => queueMicrotask(() => client.close(code, reason)),
      });
      sessions.push(session);
      client.addEventListener('message', (event) => void session.receive(String(event.data)));
      client.addEventListener('close', () => session.close());
      void session.open();
    });
  return {
    handlers: [link(`wss://ascendex.com${streamPath}`), link(`wss://ascendex.com/:accountGroup${streamPath}`)],
    sessions,
  };
}
