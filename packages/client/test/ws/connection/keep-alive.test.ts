// Keep-alive alone, on simulated time: pings on the interval, any frame counts as proof of life,
// silence for maxMissed pings in a row is death.
import { describe, expect, it } from 'vitest';
import { KeepAlive } from '../../../src/ws/connection/keep-alive.js';
import { FakeScheduler } from '../support/fake-scheduler.js';

function rig(maxMissed = 2) {
  const fake = new FakeScheduler();
  const log: string[] = [];
  const keepAlive = new KeepAlive({
    scheduler: fake,
    intervalMs: 15_000,
    maxMissed,
    ping: () => log.push(`ping@${fake.now() - 1_700_000_000_000}`),
    dead: () => log.push(`dead@${fake.now() - 1_700_000_000_000}`),
  });
  return { fake, log, keepAlive };
}

describe('KeepAlive', () => {
  it('a silent socket is dead after maxMissed unanswered pings (45 s with the defaults)', async () => {
    const { fake, log, keepAlive } = rig();
    keepAlive.start();
    await fake.advance(60_000);
    expect(log).toEqual(['ping@15000', 'ping@30000', 'dead@45000']);
    expect(fake.pending).toBe(0); // no timer left after death
  });

  it('any frame resets the count: a socket that streams is never dead, whatever its pongs look like', async () => {
    const { fake, log, keepAlive } = rig();
    keepAlive.start();
    for (let t = 0; t < 5 * 60_000; t += 1_000) {
      keepAlive.heard(); // data, or a pong that failed validation: a frame all the same
      await fake.advance(1_000);
    }
    expect(log.filter((l) => l.startsWith('dead'))).toEqual([]);
    expect(log).toHaveLength(20); // it still pings every 15 s
    expect(keepAlive.missed).toBe(1);
  });

  it('a frame between pings saves it; silence after that counts again from zero', async () => {
    const { fake, log, keepAlive } = rig();
    keepAlive.start();
    await fake.advance(40_000);
    keepAlive.heard();
    await fake.advance(50_000);
    expect(log).toEqual(['ping@15000', 'ping@30000', 'ping@45000', 'ping@60000', 'dead@75000']);
  });

  it('stop() cancels its timer; start() begins a fresh count', async () => {
    const { fake, log, keepAlive } = rig(1);
    keepAlive.start();
    await fake.advance(15_000);
    keepAlive.stop();
    await fake.advance(60_000);
    expect(log).toEqual(['ping@15000']);
    keepAlive.start();
    await fake.advance(30_000);
    expect(log).toEqual(['ping@15000', 'ping@90000', 'dead@105000']);
  });
});
