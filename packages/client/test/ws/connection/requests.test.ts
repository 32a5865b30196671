// Request correlation alone, on simulated time: ids, replies matched by id or by symbol (oldest
// first), failure replies as typed errors, timeouts, everything settled by rejectAll; the gate.
import { describe, expect, it } from 'vitest';
import type { ServerMessage } from '@ascendex-toolkit/types';
import { AscendexApiError, AscendexTimeoutError } from '../../../src/index.js';
import { AscendexWsAuthError, AscendexWsClosedError } from '../../../src/ws/connection-index.js';
import { PendingRequests, ReadyGate, failureOf } from '../../../src/ws/connection/requests.js';
import { FakeScheduler } from '../support/fake-scheduler.js';

const reply = (value: Record<string, unknown>) => value as unknown as ServerMessage;

describe('PendingRequests', () => {
  it('gives each request an id and settles it with the reply that echoes it', async () => {
    const requests = new PendingRequests(new FakeScheduler());
    const a = requests.open('open-order', { op: 'req', action: 'open-order', account: 'cash' }, 1_000);
    const b = requests.open('balance', { op: 'req', action: 'balance', account: 'cash' }, 1_000);
    expect(a.message.id).not.toBe(b.message.id);
    expect(requests.settle(reply({ m: 'balance', id: b.message.id, data: [] }), ['balance'])).toBe(true);
    expect(requests.settle(reply({ m: 'balance', id: a.message.id }), ['balance'])).toBe(false); // not its action
    expect(await b.reply).toEqual({ m: 'balance', id: b.message.id, data: [] });
    expect(requests.size).toBe(1);
  });

  it('matches depth snapshots, whose replies echo no id, by symbol, oldest first', async () => {
    const requests = new PendingRequests(new FakeScheduler());
    const open = (symbol: string) =>
      requests.open('depth-snapshot', { op: 'req', action: 'depth-snapshot', args: { symbol } }, 1_000).reply;
    const [btc1, eth, btc2] = [open('BTC/USDT'), open('ETH/USDT'), open('BTC/USDT')];
    for (const [symbol, n] of [
      ['BTC/USDT', 1],
      ['ETH/USDT', 2],
      ['BTC/USDT', 3],
    ] as const)
      requests.settle(reply({ m: 'depth-snapshot', symbol, data: { n } }), ['depth-snapshot']);
    expect([await btc1, await eth, await btc2].map((r) => (r as unknown as { data: { n: number } }).data.n)).toEqual([
      1, 2, 3,
    ]);
  });

  it('a failure reply rejects with the catalog class; a refused auth with AscendexWsAuthError', async () => {
    const requests = new PendingRequests(new FakeScheduler());
    const place = requests.open('place-order', { op: 'req', action: 'place-order' }, 1_000);
    const auth = requests.open('auth', { op: 'auth' }, 1_000);
    requests.settle(
      reply({
        m: 'order',
        id: place.message.id,
        status: 'Err',
        info: { code: 300011, reason: 'INVALID_BALANCE', message: 'no' },
      }),
      ['place-order'],
    );
    requests.settle(reply({ m: 'auth', id: auth.message.id, code: 200006, err: 'Unable to find User Account Data' }), [
      'auth',
    ]);
    const placeError = await place.reply.catch((e: unknown) => e);
    expect(placeError).toBeInstanceOf(AscendexApiError);
    expect(placeError).toMatchObject({ code: 300011, reason: 'INVALID_BALANCE', operationId: 'wsPlaceOrder' });
    const authError = await auth.reply.catch((e: unknown) => e);
    expect(authError).toBeInstanceOf(AscendexWsAuthError);
    expect(authError).toMatchObject({ code: 200006 });
  });

  it('times out on the scheduler, and rejectAll settles everything left', async () => {
    const fake = new FakeScheduler();
    const requests = new PendingRequests(fake);
    const slow = requests
      .open('market-trades', { op: 'req', action: 'market-trades' }, 500)
      .reply.catch((e: unknown) => e);
    const lost = requests.open('open-order', { op: 'req', action: 'open-order' }, 5_000).reply.catch((e: unknown) => e);
    await fake.advance(500);
    expect(await slow).toBeInstanceOf(AscendexTimeoutError);
    requests.rejectAll((operationId) => new AscendexWsClosedError(operationId, 'connection-lost'));
    expect(await lost).toMatchObject({ name: 'AscendexWsClosedError', operationId: 'wsRequestOpenOrders' });
    expect(requests.size).toBe(0);
    expect(fake.pending).toBe(0); // no timer outlives its request
  });
});

describe('failureOf', () => {
  it('reads every failure shape and nothing else', () => {
    expect(failureOf({ m: 'sub', code: 0 })).toBeUndefined();
    expect(failureOf({ m: 'order', status: 'Ack', info: {} })).toBeUndefined();
    expect(failureOf({ m: 'error', code: 100005, reason: 'INVALID_WS_REQUEST_DATA', info: 'bad' })).toEqual({
      code: 100005,
      reason: 'INVALID_WS_REQUEST_DATA',
      message: 'bad',
      info: 'bad',
    });
    expect(failureOf({ m: 'sub', code: 100008, reason: 'SYMBOL_ERROR' })).toMatchObject({ code: 100008 });
  });
});

describe('ReadyGate', () => {
  it('opens, fails, or times out each waiter on its own', async () => {
    const fake = new FakeScheduler();
    const gate = new ReadyGate(fake);
    const timeout = () => new AscendexTimeoutError('wsRequestBalance', 100);
    const early = gate.wait(100, timeout).catch((e: unknown) => e);
    const patient = gate.wait(1_000, timeout);
    await fake.advance(100);
    expect(await early).toBeInstanceOf(AscendexTimeoutError);
    gate.open();
    await expect(patient).resolves.toBeUndefined();
    const failed = gate.wait(1_000, timeout);
    gate.fail(new AscendexWsClosedError('close', 'closed'));
    await expect(failed).rejects.toBeInstanceOf(AscendexWsClosedError);
    expect(fake.pending).toBe(0);
  });
});
