// The subscription buffer alone: bounded with drop-oldest, one overflow report per episode,
// return() that ends a waiting next() at once, errors delivered after what was buffered.
import { describe, expect, it } from 'vitest';
import { BoundedQueue } from '../../../src/ws/connection/bounded-queue.js';

describe('BoundedQueue', () => {
  it('keeps at most `limit` items, dropping the oldest, and reports the first drop of each episode', async () => {
    const drops: boolean[] = [];
    const queue = new BoundedQueue<number>({ limit: 3, onDrop: (first) => drops.push(first) });
    for (let i = 1; i <= 5; i++) queue.push(i);
    expect(queue.size).toBe(3);
    expect(queue.dropped).toBe(2);
    expect(drops).toEqual([true, false]);
    const read = [];
    for (let i = 0; i < 3; i++) read.push((await queue.next()).value);
    expect(read).toEqual([3, 4, 5]); // the newest survive
    for (let i = 6; i <= 10; i++) queue.push(i); // a new episode after the reader caught up
    expect(drops).toEqual([true, false, true, false]);
    expect(queue.dropped).toBe(4);
  });

  it('hands items to a waiting reader directly, in order, across wrap-arounds of its ring', async () => {
    const queue = new BoundedQueue<number>({ limit: 1_000 });
    const waiting = [queue.next(), queue.next()];
    queue.push(1);
    queue.push(2);
    expect(await Promise.all(waiting)).toEqual([
      { value: 1, done: false },
      { value: 2, done: false },
    ]);
    const out: number[] = [];
    let n = 3;
    for (let round = 0; round < 50; round++) {
      for (let i = 0; i < 7; i++) queue.push(n++);
      for (let i = 0; i < 5; i++) out.push((await queue.next()).value as number);
    }
    while (queue.size > 0) out.push((await queue.next()).value as number);
    expect(out).toEqual(Array.from({ length: 350 }, (_, i) => i + 3));
  });

  it('return() settles a waiting next() as done at once, drops what is buffered and tells the owner', async () => {
    let returned = 0;
    const queue = new BoundedQueue<number>({ limit: 10, onReturn: () => (returned += 1) });
    const waiting = queue.next();
    expect(await queue.return()).toEqual({ value: undefined, done: true });
    expect(await waiting).toEqual({ value: undefined, done: true });
    queue.push(1); // ignored once ended
    expect(queue.size).toBe(0);
    await queue.return();
    expect(returned).toBe(1);
  });

  it('end(error): the reader gets what was buffered first, then the error, and again on later calls', async () => {
    const queue = new BoundedQueue<string>({ limit: 10 });
    queue.push('a');
    const refused = new Error('refused');
    queue.end(refused);
    expect(await queue.next()).toEqual({ value: 'a', done: false });
    await expect(queue.next()).rejects.toBe(refused);
    await expect(queue.next()).rejects.toBe(refused);
    expect(queue.open).toBe(false);
  });

  it('end() wakes every waiting reader', async () => {
    const queue = new BoundedQueue<string>({ limit: 10 });
    const waiting = [queue.next(), queue.next()];
    queue.end();
    expect(await Promise.all(waiting)).toEqual([
      { value: undefined, done: true },
      { value: undefined, done: true },
    ]);
  });
});
