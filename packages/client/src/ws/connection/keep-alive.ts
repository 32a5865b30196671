// Keep-alive: the connection pings every interval, and any frame received proves the socket alive
// (a pong, data, even a frame that fails validation). A socket from which nothing at all arrived
// for `maxMissed` pings in a row is dead. Receiving costs one flag write, not a timer reset.
import { Timer, type WsScheduler } from '../scheduler.js';

/** @internal */
export interface KeepAliveOptions {
  readonly scheduler: WsScheduler;
  readonly intervalMs: number;
  /** Pings in a row with nothing received since that mean the socket is dead. */
  readonly maxMissed: number;
  readonly ping: () => void;
  readonly dead: () => void;
}

/** @internal */
export class KeepAlive {
  readonly #timer: Timer;
  #heard = false;
  #missed = 0;

  constructor(private readonly options: KeepAliveOptions) {
    this.#timer = new Timer(options.scheduler);
  }

  /** Pings unanswered in a row so far. */
  get missed(): number {
    return this.#missed;
  }

  start(): void {
    this.#heard = false;
    this.#missed = 0;
    this.#timer.start(this.options.intervalMs, () => this.#tick());
  }

  stop(): void {
    this.#timer.stop();
  }

  /** A frame arrived. */
  heard(): void {
    this.#heard = true;
  }

  #tick(): void {
    if (this.#heard) {
      this.#heard = false;
      this.#missed = 0;
    }
    if (this.#missed >= this.options.maxMissed) return this.options.dead();
    this.#missed += 1;
    this.#timer.start(this.options.intervalMs, () => this.#tick());
    this.options.ping();
  }
}
