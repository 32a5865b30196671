// Typed events for the connection and the order book. Listeners run synchronously, in the order
// they were added; one that throws neither stops the others nor reaches the code that emitted
// (a socket handler or `book.update()` must never fail because of a listener).

/** @internal */
export class Emitter<Events extends object> {
  readonly #listeners = new Map<keyof Events, Set<(value: never) => void>>();

  /** Listens to `event`; returns the function that stops listening. */
  on<E extends keyof Events>(event: E, listener: (value: Events[E]) => void): () => void {
    let set = this.#listeners.get(event);
    if (!set) this.#listeners.set(event, (set = new Set()));
    set.add(listener as (value: never) => void);
    return () => void set.delete(listener as (value: never) => void);
  }

  /** True when someone listens to `event` (to skip building an event nobody reads). */
  has(event: keyof Events): boolean {
    const set = this.#listeners.get(event);
    return set !== undefined && set.size > 0;
  }

  emit<E extends keyof Events>(event: E, value: Events[E]): void {
    const set = this.#listeners.get(event);
    if (set === undefined || set.size === 0) return;
    for (const listener of set) {
      try {
        (listener as (value: Events[E]) => void)(value);
      } catch {
        // A listener's failure is its own; the emitter carries on.
      }
    }
  }
}
