// Reading frames alone: the size limit before parsing, validation, keep-alive kinds of frames the
// schema refuses, binary frames decoded in order.
import { describe, expect, it } from 'vitest';
import type { AscendexError } from '@ascendex-toolkit/validators';
import { AscendexWsFrameError } from '../../../src/ws/connection-index.js';
import { FrameReader, readFrame } from '../../../src/ws/connection/frames.js';
import { settle } from '../support/fake-scheduler.js';

const options = { validate: true, maxFrameSize: 1_000 };

describe('readFrame', () => {
  it('reads a valid frame, integers above 2^53 exact', () => {
    const outcome = readFrame(
      '{"m":"trades","symbol":"BTC/USDT","data":[{"p":"1","q":"2","ts":1,"bm":false,"seqnum":180143985094819841}]}',
      options,
    );
    expect(outcome.ok && outcome.named.name).toBe('TradesMessage');
    expect(outcome.ok && (outcome.named.message as { data: { seqnum: unknown }[] }).data[0]!.seqnum).toBe(
      180143985094819841n,
    );
  });

  it('refuses a frame over the limit without parsing it', () => {
    const text = `{"m":"ping","hp":3,"pad":"${'x'.repeat(2_000)}"}`;
    const outcome = readFrame(text, options);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error).toBeInstanceOf(AscendexWsFrameError);
    expect(outcome.length).toBe(text.length);
    expect(outcome.keepAlive).toBeUndefined(); // not read, so not even a ping
  });

  it('a ping or pong the schema refuses is still recognised as one', () => {
    for (const [text, kind] of [
      ['{"m":"pong"}', 'pong'],
      ['{"m":"ping"}', 'ping'],
      ['{"op":"ping"}', 'ping'],
      ['{"m":"summary"}', undefined],
      ['not json', undefined],
    ] as const) {
      const outcome = readFrame(text, options);
      expect(outcome.ok).toBe(false);
      expect(!outcome.ok && outcome.keepAlive).toBe(kind);
    }
  });

  it('validate: false still names a known kind with bad fields', () => {
    const outcome = readFrame('{"m":"pong"}', { ...options, validate: false });
    expect(outcome.ok && outcome.named.name).toBe('ServerPongMessage');
  });
});

describe('FrameReader', () => {
  it('keeps the order of text and binary frames, and refuses an oversized binary frame undecoded', async () => {
    const texts: string[] = [];
    const refused: [AscendexError, number][] = [];
    const reader = new FrameReader(
      10,
      (text) => texts.push(text),
      (error, length) => refused.push([error, length]),
    );
    const bytes = (s: string) => new TextEncoder().encode(s);
    reader.receive(bytes('"a"'));
    reader.receive('"b"');
    reader.receive(new Blob(['"c"']));
    reader.receive(bytes('"far too long"'));
    reader.receive('"d"');
    await settle();
    expect(texts).toEqual(['"a"', '"b"', '"c"', '"d"']);
    expect(refused.map(([e, n]) => [e.name, n])).toEqual([['AscendexWsFrameError', 14]]);
  });
});
