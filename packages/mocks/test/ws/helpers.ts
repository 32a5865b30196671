// Test helpers for the WebSocket mocks: a small fake backend that publishes events and answers
// requests, and a plain global `WebSocket` client that records every frame it receives.
import { parseJson } from '@ascendex-toolkit/validators';
import type { ExchangeEvent, MockAccount, MockBackend, WsSessionInfo } from '../../src/index.js';
import { defaultAccount } from '../../src/index.js';

export interface FakeBackend extends MockBackend {
  emit(event: ExchangeEvent): void;
  /** Listeners currently subscribed. */
  readonly listeners: number;
  /** The sessions' view at each request handled. */
  readonly seen: WsSessionInfo[];
}

/** A backend that answers `open-order` itself (an empty list) and leaves every other request to the spec's examples. */
export function fakeBackend(accounts: readonly MockAccount[] = [defaultAccount], now = () => Date.now()): FakeBackend {
  const listeners = new Set<(event: ExchangeEvent) => void>();
  const seen: WsSessionInfo[] = [];
  return {
    now,
    account: (apiKey) => accounts.find((a) => a.apiKey === apiKey),
    handleRest: () => undefined,
    handleWsRequest(request, session) {
      seen.push(session);
      if (request.name !== 'WsOpenOrderRequest') return undefined;
      const { id } = request.value;
      return [
        { m: 'open-order', ...(id ? { id } : {}), accountId: session.account!.cashAccountId, ac: 'CASH', data: [] },
      ];
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    hasSymbol: (symbol) => symbol !== 'NOPE/USDT',
    emit: (event) => listeners.forEach((l) => l(event)),
    get listeners() {
      return listeners.size;
    },
    seen,
  };
}

/** Every frame any test client received, raw, for the final "everything validates" check. */
export const allFrames: string[] = [];

export type Frame = Record<string, any>;

export interface TestClient {
  readonly socket: WebSocket;
  /** Parsed frames received so far (unparseable ones as `{ raw }`). */
  readonly frames: Frame[];
  readonly raw: string[];
  send(message: unknown): void;
  /** The first frame (from `from` on) matching, waiting up to `ms`. */
  next(match: (f: Frame) => boolean, ms?: number, from?: number): Promise<Frame>;
  /** Resolves with the close event. */
  readonly closed: Promise<CloseEvent>;
}

export function connect(url: string): Promise<TestClient> {
  const socket = new WebSocket(url);
  const frames: Frame[] = [];
  const raw: string[] = [];
  const waiters = new Set<() => void>();
  const closed = new Promise<CloseEvent>((resolve) => socket.addEventListener('close', resolve));
  socket.addEventListener('message', (event) => {
    const text = String(event.data);
    raw.push(text);
    allFrames.push(text);
    try {
      frames.push(parseJson(text) as Frame);
    } catch {
      frames.push({ raw: text });
    }
    waiters.forEach((w) => w());
  });
  const client: TestClient = {
    socket,
    frames,
    raw,
    closed,
    send: (message) => socket.send(typeof message === 'string' ? message : JSON.stringify(message)),
    next(match, ms = 2000, from = 0) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = frames.slice(from).find(match);
          if (!found) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching frame within ${ms} ms; got ${JSON.stringify(raw)}`));
        }, ms);
        if (!check()) waiters.add(check);
      });
    },
  };
  return new Promise((resolve, reject) => {
    socket.addEventListener('open', () => resolve(client));
    socket.addEventListener('error', () => reject(new Error(`cannot connect to ${url}`)));
  });
}

/** A clock whose time moves only when told: the session's timers fire in order as `advance` passes them. */
export function manualClock(start = Date.now()) {
  let now = start;
  let next = 0;
  const timers = new Map<number, { at: number; callback: () => void }>();
  return {
    now: () => now,
    setTimeout: (callback: () => void, ms: number): unknown => {
      timers.set(++next, { at: now + ms, callback });
      return next;
    },
    clearTimeout: (handle: unknown) => void timers.delete(handle as number),
    /** Moves time on by `ms`, running each timer due on the way at its own time. */
    advance(ms: number): void {
      const end = now + ms;
      for (;;) {
        const due = [...timers].filter(([, t]) => t.at <= end).sort(([, a], [, b]) => a.at - b.at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].callback();
      }
      now = end;
    },
  };
}
