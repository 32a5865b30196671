// Drives one WebSocket (the global one or the `ws` package's, through the small interface they
// share) for the fuzz runs: sends a case and the liveness ping, and collects what the server sent
// until the pong(s) that close the case arrive, or fails after 10 s.
import { pongsFor, PING, type WsCase } from './ws-cases.js';

export interface SocketLike {
  send(text: string): void;
  close(): void;
  readonly readyState: number;
}

export interface Driver {
  /** The frames answering `c`, through the liveness pong. */
  exchange(c: WsCase): Promise<string[]>;
  readonly socket: SocketLike;
  /** Close code, once closed. */
  readonly closed: Promise<number>;
}

/** Wraps a socket whose frames `onFrame` receives; resolves once `ready` is. */
export function driver(
  socket: SocketLike,
  subscribe: (onFrame: (text: string) => void, onClose: (code: number) => void) => void,
): Driver {
  const frames: string[] = [];
  let wake: (() => void) | undefined;
  let resolveClosed!: (code: number) => void;
  const closed = new Promise<number>((resolve) => (resolveClosed = resolve));
  subscribe(
    (text) => {
      frames.push(text);
      wake?.();
    },
    (code) => {
      resolveClosed(code);
      wake?.();
    },
  );
  return {
    socket,
    closed,
    async exchange(c) {
      const start = frames.length;
      const wanted = 1 + pongsFor(c.text);
      socket.send(c.text);
      socket.send(PING);
      const pongs = () => frames.slice(start).filter((f) => f.includes('"m":"pong"')).length;
      const deadline = Date.now() + 10_000;
      while (pongs() < wanted) {
        if (socket.readyState > 1) throw new Error(`the server closed the socket after ${c.text.slice(0, 200)}`);
        if (Date.now() > deadline) throw new Error(`no answer within 10 s to ${c.text.slice(0, 200)}`);
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, 50);
        });
      }
      return frames.slice(start);
    },
  };
}
