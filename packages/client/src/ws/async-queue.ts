// The buffer behind a subscription handle: the socket handler pushes, a `for await` loop pulls.
// Pushing never blocks or throws (the socket handler must not), ending wakes a waiting reader.

/** @internal */
export class AsyncQueue<T> implements AsyncIterable<T> {
  private readonly items: T[] = [];
  private readonly waiting: Array<(result: IteratorResult<T>) => void> = [];
  private readonly failing: Array<(error: unknown) => void> = [];
  private done = false;
  private error: unknown;

  /** Messages received and not yet read. */
  get size(): number {
    return this.items.length;
  }

  push(item: T): void {
    if (this.done) return;
    const wake = this.waiting.shift();
    this.failing.shift();
    if (wake) wake({ value: item, done: false });
    else this.items.push(item);
  }

  /** Ends the stream: readers get what is buffered, then the end (or `error` thrown). */
  end(error?: unknown): void {
    if (this.done) return;
    this.done = true;
    this.error = error;
    const waiting = this.waiting.splice(0);
    const failing = this.failing.splice(0);
    waiting.forEach((wake, i) => (error === undefined ? wake({ value: undefined, done: true }) : failing[i]!(error)));
  }

  next(): Promise<IteratorResult<T>> {
    if (this.items.length) return Promise.resolve({ value: this.items.shift()!, done: false });
    if (this.done)
      return this.error === undefined ? Promise.resolve({ value: undefined, done: true }) : Promise.reject(this.error);
    return new Promise((resolve, reject) => {
      this.waiting.push(resolve);
      this.failing.push(reject);
    });
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    return { next: () => this.next() };
  }
}
