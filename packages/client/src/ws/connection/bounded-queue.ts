// The buffer between the socket handler (which pushes) and a `for await` loop (which pulls). It is
// bounded: when the reader does not keep up and `limit` messages wait, the oldest is dropped to
// make room (the newest data is what a market-data reader wants; a book notices the hole in the
// sequence numbers and resynchronises). Pushing never blocks or throws. Its iterator's `return()`
// acts at once, even while a `next()` waits: the waiting call resolves as done.

/** @internal */
export interface BoundedQueueOptions {
  /** Items kept for the reader (1 or more); beyond it the oldest is dropped. */
  readonly limit: number;
  /** An item was dropped; `first` is true for the first drop since the reader last emptied the queue. */
  readonly onDrop?: (first: boolean) => void;
  /** The reader called `return()` (broke out of its loop). */
  readonly onReturn?: () => void;
}

/** The storage a queue starts with, and returns to once a burst has been read. */
const SMALL = 16;

/** @internal */
export class BoundedQueue<T> implements AsyncIterator<T> {
  #ring: (T | undefined)[] = new Array<T | undefined>(SMALL);
  #head = 0;
  #size = 0;
  #dropped = 0;
  #dropping = false;
  readonly #waiting: { resolve(result: IteratorResult<T>): void; reject(error: unknown): void }[] = [];
  #done = false;
  #error: unknown;

  constructor(private readonly options: BoundedQueueOptions) {}

  /** Items received and not yet read. */
  get size(): number {
    return this.#size;
  }

  /** Items dropped because the reader did not keep up. */
  get dropped(): number {
    return this.#dropped;
  }

  /** False once ended. */
  get open(): boolean {
    return !this.#done;
  }

  push(item: T): void {
    if (this.#done) return;
    const waiter = this.#waiting.shift();
    if (waiter) return waiter.resolve({ value: item, done: false });
    if (this.#size >= this.options.limit) {
      // Drop the oldest to make room.
      this.#ring[this.#head] = undefined;
      this.#head = (this.#head + 1) % this.#ring.length;
      this.#size -= 1;
      this.#dropped += 1;
      const first = !this.#dropping;
      this.#dropping = true;
      this.options.onDrop?.(first);
    }
    if (this.#size === this.#ring.length) this.#grow();
    this.#ring[(this.#head + this.#size) % this.#ring.length] = item;
    this.#size += 1;
  }

  #grow(): void {
    const capacity = Math.min(Math.max(SMALL, this.#ring.length * 2), Math.max(SMALL, this.options.limit));
    const ring = new Array<T | undefined>(capacity);
    for (let i = 0; i < this.#size; i++) ring[i] = this.#ring[(this.#head + i) % this.#ring.length];
    this.#ring = ring;
    this.#head = 0;
  }

  /** Ends the stream: the reader gets what is buffered, then the end (or `error` thrown). */
  end(error?: unknown): void {
    if (this.#done) return;
    this.#done = true;
    this.#error = error;
    for (const waiter of this.#waiting.splice(0)) {
      if (error === undefined) waiter.resolve({ value: undefined, done: true });
      else waiter.reject(error);
    }
  }

  next(): Promise<IteratorResult<T>> {
    if (this.#size > 0) {
      const value = this.#ring[this.#head] as T;
      this.#ring[this.#head] = undefined;
      this.#head = (this.#head + 1) % this.#ring.length;
      this.#size -= 1;
      if (this.#size === 0) {
        this.#dropping = false;
        // A burst is over: let its storage go.
        if (this.#ring.length > SMALL * 64) this.#ring = new Array<T | undefined>(SMALL);
        this.#head = 0;
      }
      return Promise.resolve({ value, done: false });
    }
    if (this.#done) {
      return this.#error === undefined
        ? Promise.resolve({ value: undefined, done: true })
        : Promise.reject(this.#error);
    }
    return new Promise((resolve, reject) => this.#waiting.push({ resolve, reject }));
  }

  /** The reader is done: drops what is buffered, ends the stream, and tells the owner. */
  return(): Promise<IteratorResult<T>> {
    if (!this.#done) {
      this.#ring = new Array<T | undefined>(SMALL);
      this.#head = 0;
      this.#size = 0;
      this.end();
      this.options.onReturn?.();
    }
    return Promise.resolve({ value: undefined, done: true });
  }
}
