// Authentication pieces alone: the signature over `<t>+stream` at the corrected clock, the header
// form, and `time` filled into order requests as REST fills it.
import { describe, expect, it } from 'vitest';
import { sign, signedMessage } from '@ascendex-toolkit/validators/auth';
import { correctedClock, createAuth, withTime } from '../../../src/ws/connection/auth.js';
import { FakeScheduler } from '../support/fake-scheduler.js';

const secret = 'not-a-real-secret';

describe('correctedClock', () => {
  it('adds a fixed offset, or reads the current one from an object (the REST client) at each call', () => {
    const fake = new FakeScheduler(1_000.4);
    expect(correctedClock(fake, undefined)()).toBe(1_000);
    expect(correctedClock(fake, 250)()).toBe(1_250);
    const client = { clockOffsetMs: 0 };
    const now = correctedClock(fake, client);
    expect(now()).toBe(1_000);
    client.clockOffsetMs = -400; // syncClock() measured again
    expect(now()).toBe(600);
  });
});

describe('createAuth', () => {
  it('signs `<t>+stream` with the secret at the corrected time, in the message and in the headers', async () => {
    let t = 1_700_000_000_000;
    const auth = createAuth({ apiKey: 'key', secret, ack: 'ready', now: () => t });
    const message = await auth.message();
    expect(message).toEqual({
      op: 'auth',
      t,
      key: 'key',
      sig: await sign(secret, signedMessage(t, 'stream')),
      ack: 'ready',
    });
    t += 5;
    expect(await auth.headers()).toEqual({
      'x-auth-key': 'key',
      'x-auth-timestamp': String(t),
      'x-auth-signature': await sign(secret, signedMessage(t, 'stream')),
    });
    expect(JSON.stringify(auth)).not.toContain(secret);
  });
});

describe('withTime', () => {
  it('fills `time` of place-order, cancel-order and cancel-all when left out, and only there', () => {
    const now = () => 42;
    expect(withTime('place-order', { symbol: 'BTC/USDT' }, now)).toEqual({ symbol: 'BTC/USDT', time: 42 });
    expect(withTime('cancel-order', { orderId: 'x' }, now)).toEqual({ orderId: 'x', time: 42 });
    expect(withTime('cancel-all', {}, now)).toEqual({ time: 42 });
    expect(withTime('place-order', { time: 7 }, now)).toEqual({ time: 7 }); // the caller's wins
    expect(withTime('open-order', {}, now)).toEqual({});
    expect(withTime('depth-snapshot', { symbol: 'BTC/USDT' }, now)).toEqual({ symbol: 'BTC/USDT' });
  });
});
