// The dispatching validator tells server messages apart by op/m/action/status/ac, validates them
// against the right schema, and reports unknown kinds distinctly from invalid known kinds.
import { describe, it, expect } from 'vitest';
import {
  validateServerMessage,
  parseServerMessage,
  isServerMessage,
  assertServerMessage,
  UnknownMessageError,
  ValidationError,
  JsonParseError,
} from '../src/index.js';
import { asyncapi } from './spec.js';

// Hand-written frames in the shape the exchange sends (not copied from the spec's examples).
const frames: Record<string, unknown> = {
  ConnectedMessage: { op: 'connected', type: 'unauth' },
  ServerPingMessage: { m: 'ping', hp: 3 },
  DepthMessage: {
    m: 'depth',
    symbol: 'BTC/USDT',
    data: { ts: 1700000000000, seqnum: 42, asks: [['1.5', '0']], bids: [] },
  },
  BboMessage: { m: 'bbo', symbol: 'ETH/USDT', data: { ts: 1700000000000, bid: ['1800.1', '2'], ask: ['1800.2', '3'] } },
  PlaceOrderAckMessage: {
    m: 'order',
    accountId: 'cshX',
    ac: 'CASH',
    action: 'place-order',
    status: 'Ack',
    info: { symbol: 'ETH/USDT', orderType: 'Limit', timestamp: 1700000000000, id: 'req1', orderId: 's18bc' },
  },
  PlaceOrderErrMessage: {
    m: 'order',
    accountId: 'cshX',
    ac: 'CASH',
    action: 'place-order',
    status: 'Err',
    info: {
      id: 'req1',
      symbol: 'ETH/USDT',
      code: 300011,
      message: 'Not Enough Account Balance',
      reason: 'INVALID_BALANCE',
    },
  },
  OrderUpdateMessage: {
    m: 'order',
    accountId: 'cshX',
    ac: 'CASH',
    data: {
      s: 'ETH/USDT',
      sn: 7,
      sd: 'Buy',
      ap: '0',
      cf: '0',
      cfq: '0',
      err: '',
      fa: 'USDT',
      orderId: 's18bc',
      ot: 'Limit',
      p: '1800',
      q: '1',
      sp: '',
      st: 'Ready',
      t: 1700000000000,
      ei: 'Post',
    },
  },
  CashBalanceUpdateMessage: {
    m: 'balance',
    accountId: 'cshX',
    ac: 'CASH',
    data: { a: 'USDT', sn: 8, tb: '10', ab: '10' },
  },
  MarginBalanceUpdateMessage: {
    m: 'balance',
    accountId: 'marX',
    ac: 'MARGIN',
    data: { a: 'USDT', sn: 9, tb: '10', ab: '10', brw: '0', int: '0' },
  },
};

describe('server message dispatch', () => {
  it.each(Object.entries(frames))('recognises %s', (name, frame) => {
    const result = validateServerMessage(frame);
    expect(result.ok ? result.name : result.error.message).toBe(name);
    expect(isServerMessage(frame)).toBe(true);
  });

  it('dispatches the greeting to one kind whether it carries m (recorded) or op (printed)', () => {
    for (const frame of [
      { m: 'connected', type: 'unauth' },
      { op: 'connected', type: 'auth' },
    ]) {
      const result = parseServerMessage(JSON.stringify(frame));
      expect(result.name).toBe('ConnectedMessage');
    }
    const both = validateServerMessage({ m: 'connected', op: 'connected', type: 'auth' });
    expect(!both.ok && both.error).toBeInstanceOf(UnknownMessageError);
    const bad = validateServerMessage({ m: 'connected', type: 'guest' });
    expect(!bad.ok && bad.error).toBeInstanceOf(ValidationError);
  });

  it('recognises every message example of the spec as its own message', () => {
    const mismatches: string[] = [];
    for (const message of Object.values(asyncapi.components.messages ?? {})) {
      if (!(asyncapi['x-ascendex-server-messages'] as string[]).includes(message.name)) continue;
      for (const example of message.examples ?? []) {
        const result = validateServerMessage(example.payload);
        const got = result.ok ? result.name : `${result.error.name}: ${result.error.message}`;
        if (got !== message.name) mismatches.push(`${message.name} "${example.name}" -> ${got}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('narrows on the result name', () => {
    const result = parseServerMessage(JSON.stringify(frames.DepthMessage));
    if (result.name !== 'DepthMessage') throw new Error(`got ${result.name}`);
    expect(result.message.data.asks[0]).toEqual(['1.5', '0']);
  });

  it('reports an unknown m as UnknownMessageError with what it saw', () => {
    const result = validateServerMessage({ m: 'summary', symbol: 'BTC/USDT' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBeInstanceOf(UnknownMessageError);
    expect((result.error as UnknownMessageError).discriminators).toEqual({ m: 'summary' });
  });

  it('reports an unknown action of a known m as UnknownMessageError', () => {
    const frame = { ...(frames.PlaceOrderAckMessage as object), action: 'teleport-order' };
    const result = validateServerMessage(frame);
    expect(!result.ok && result.error).toBeInstanceOf(UnknownMessageError);
  });

  it('reports a known kind with a bad field as ValidationError naming the field', () => {
    const bad = {
      m: 'depth',
      symbol: 'BTC/USDT',
      data: { ts: 1700000000000, seqnum: 42, asks: [[1.5, '0']], bids: [] },
    };
    const result = validateServerMessage(bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBeInstanceOf(ValidationError);
    expect((result.error as ValidationError).schema).toBe('DepthMessage');
    expect((result.error as ValidationError).issues.map((i) => i.path)).toContain('/data/asks/0/0');
  });

  it('rejects what is not an object, and malformed text, without throwing from validate', () => {
    for (const value of [null, 42, 'depth', [frames.DepthMessage]]) {
      const result = validateServerMessage(value);
      expect(!result.ok && result.error).toBeInstanceOf(ValidationError);
    }
    expect(() => parseServerMessage('{"m":"depth",')).toThrow(JsonParseError);
    expect(() => assertServerMessage({ m: 'nope' })).toThrow(UnknownMessageError);
  });
});
