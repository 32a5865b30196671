// The server side of the keep-alive: every `pingIntervalMs` a quiet client gets a `ping` with its
// health points; each ping it leaves unanswered costs one, and at zero the session is
// disconnected. Any client frame counts as life; a client `ping` spares it server pings for
// `clientPingGraceMs`.
import { wsRefusals } from './frames.js';
import type { WsFaultState } from './faults.js';

export interface KeepAliveOptions {
  readonly pingIntervalMs: number;
  readonly healthPoints: number;
  readonly clientPingGraceMs: number;
  readonly faultState: WsFaultState;
  readonly now: () => number;
  readonly later: (ms: number, callback: () => void) => void;
  readonly isOpen: () => boolean;
  readonly send: (frame: unknown) => void;
  readonly close: (code: number, reason: string) => void;
}

export function createKeepAlive(o: KeepAliveOptions) {
  let hp = o.healthPoints;
  let awaitingPong = false;
  let heardFromClient = false;
  let quietUntil = 0;

  function check(): void {
    if (!o.isOpen()) return;
    o.later(o.pingIntervalMs, check);
    if (heardFromClient) {
      heardFromClient = false;
      awaitingPong = false;
      hp = o.healthPoints;
      return;
    }
    if (o.faultState.stopServerPings || o.now() < quietUntil) return;
    if (awaitingPong) hp -= 1;
    if (hp <= 0) {
      o.send({
        m: 'disconnected',
        code: wsRefusals.invalid.code,
        reason: wsRefusals.invalid.reason,
        info: 'Session is disconnected due to missing pong message from the client',
      });
      o.close(1000, 'missing pong');
      return;
    }
    awaitingPong = true;
    o.send({ m: 'ping', hp });
  }

  return {
    /** Starts the checks (once the session is open). */
    start: () => o.later(o.pingIntervalMs, check),
    /** The client sent something. */
    heard: () => void (heardFromClient = true),
    /** The client pinged: it is spared server pings for a while. */
    clientPinged: () => void (quietUntil = o.now() + o.clientPingGraceMs),
    /** The client answered a ping. */
    pong: () => {
      awaitingPong = false;
      hp = o.healthPoints;
    },
    get hp() {
      return hp;
    },
  };
}
