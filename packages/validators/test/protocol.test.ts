// The protocol helpers the client and the mocks share: how an `unsub` pattern reads, and the text
// of a frame in every form a socket may deliver it.
import { describe, it, expect } from 'vitest';
import { frameText, streamPath, wildcardMatcher } from '../src/index.js';

describe('wildcardMatcher', () => {
  const topics = [
    'depth:BTC/USDT',
    'depth:ETH/USDT',
    'bar:1:BTC/USDT',
    'bar:5:BTC/USDT',
    'bar:1:ETH/USDT',
    'order:cash',
  ];
  const matched = (pattern: string) => topics.filter(wildcardMatcher(pattern));

  it.each([
    ['depth', ['depth:BTC/USDT', 'depth:ETH/USDT']],
    ['depth:*', ['depth:BTC/USDT', 'depth:ETH/USDT']],
    ['depth:ETH/USDT', ['depth:ETH/USDT']],
    ['depth:BTC/USDT,ETH/USDT', ['depth:BTC/USDT', 'depth:ETH/USDT']],
    ['bar:1', ['bar:1:BTC/USDT', 'bar:1:ETH/USDT']],
    ['bar:*:BTC/USDT', ['bar:1:BTC/USDT', 'bar:5:BTC/USDT']],
    ['bar:5:ETH/USDT', []],
    ['order:margin', []],
    ['trades', []],
  ])('%s names %j', (pattern, expected) => {
    expect(matched(pattern)).toEqual(expected);
  });

  it('does not read a channel name as a prefix', () => {
    expect(wildcardMatcher('depth')('depth-realtime:BTC/USDT')).toBe(false);
  });
});

describe('frameText', () => {
  const text = '{"m":"pong","hp":3}';
  const bytes = new TextEncoder().encode(text);

  it.each([
    ['a string', text],
    ['a Uint8Array', bytes],
    ['an ArrayBuffer', bytes.slice().buffer],
    ['a Blob', new Blob([text])],
    ['a list of buffers (ws, fragmented)', [bytes.slice(0, 5), bytes.slice(5)]],
  ])('reads %s', async (_kind, data) => {
    expect(await frameText(data)).toBe(text);
  });
});

it('the stream path is the exchange’s', () => {
  expect(streamPath).toBe('/api/pro/v1/stream');
});
