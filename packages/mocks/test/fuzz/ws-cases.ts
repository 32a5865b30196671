// Generated client WebSocket frames for every message kind the spec lets a client send, valid and
// hostile, and the property every session must keep: each frame is answered (or, for a `pong`,
// silently taken), every frame the server sends validates, and the session stays open.
import fc from 'fast-check';
import { expect } from 'vitest';
import { documents } from '@ascendex-toolkit/codegen-core';
import { parseJson, stringifyJson, validateServerMessage } from '@ascendex-toolkit/validators';
import { parseClientMessage } from '@ascendex-toolkit/validators/exchange';
import { sign, signedMessage } from '@ascendex-toolkit/validators/auth';
import { defaultAccount } from '../../src/backend.js';
import { anyJson, deepText, edgeNumbers, mutateObject, valueOf } from './schema-arbitrary.js';

const { asyncapi } = documents();
/** Every message a client may send: the messages of the AsyncAPI `send` operations. */
export const clientMessageNames = [
  ...new Set(
    Object.values(asyncapi.operations as Record<string, { action?: string; messages?: { $ref: string }[] }>)
      .filter((op) => op.action === 'send')
      .flatMap((op) => (op.messages ?? []).map((m) => m.$ref.split('/').pop()!)),
  ),
].sort();

/** A valid `auth` message at `now` (signed with the default account's secret). */
export async function authFrame(now: number, id = 'fuzz-auth'): Promise<Record<string, unknown>> {
  const sig = await sign(defaultAccount.secret, signedMessage(now, 'stream'));
  return { op: 'auth', id, t: now, key: defaultAccount.apiKey, sig };
}

export interface WsCase {
  /** The message kind the frame was generated from. */
  readonly kind: string;
  readonly text: string;
}

/** Frames of every client message kind: from the schema, mutated, or garbage. */
export function wsCase(validAuth: Record<string, unknown>): fc.Arbitrary<WsCase> {
  return fc.constantFrom(...clientMessageNames).chain((kind) => {
    const schema = asyncapi.components.schemas[kind];
    const valid =
      kind === 'WsAuthRequest'
        ? fc.oneof(fc.constant(validAuth), valueOf(asyncapi, schema))
        : valueOf(asyncapi, schema);
    const frame = (value: unknown) => ({ kind, text: stringifyJson(value) });
    return fc.oneof(
      { weight: 6, arbitrary: valid.map(frame) },
      {
        weight: 3,
        arbitrary: valid.chain((v) =>
          v !== null && typeof v === 'object' && !Array.isArray(v)
            ? mutateObject(v as Record<string, unknown>).map(frame)
            : anyJson.map(frame),
        ),
      },
      {
        weight: 1,
        arbitrary: fc
          .oneof(
            fc.constantFrom('', 'not json', '[1,2]', 'null', '{"op":"sub"}', '{"op":"req","action":"nope","id":"x"}'),
            fc
              .integer({ min: 60, max: 20_000 })
              .chain((d) => fc.constantFrom(deepText(d, 'array'), deepText(d, 'object'))),
            edgeNumbers.map((n) => `{"op":"auth","t":${String(n)},"key":"k","sig":"s"}`),
            fc.constant(`{"op":"sub","id":"big","ch":"${'x'.repeat(70_000)}"}`),
          )
          .map((text) => ({ kind, text })),
      },
    );
  });
}

/** How many `pong` frames a frame's answer holds (a valid `ping` is answered with one). */
export function pongsFor(text: string): number {
  const parsed = parseClientMessage(text);
  return parsed.ok && parsed.name === 'WsPingRequest' ? 1 : 0;
}

/** Whether a frame is answered at all (a valid `pong` is taken silently). */
export function answered(text: string): boolean {
  const parsed = parseClientMessage(text);
  return !(parsed.ok && parsed.name === 'WsPongRequest');
}

/**
 * The properties of one exchange: `frames` are what the server sent after `c` up to and including
 * the liveness `pong`; each validates, and there is an answer besides the liveness pong when due.
 */
export function checkWsFrames(c: WsCase, frames: readonly string[]): void {
  const label = `${c.kind} ${c.text.slice(0, 200)} answered ${JSON.stringify(frames.map((f) => f.slice(0, 200)))}`;
  for (const text of frames) {
    let frame: unknown;
    expect(() => (frame = parseJson(text)), label).not.toThrow();
    const result = validateServerMessage(frame);
    expect(result.ok, `${label}: ${result.ok ? '' : result.error.message}`).toBe(true);
  }
  const pongs = frames.filter((f) => f.includes('"m":"pong"')).length;
  expect(pongs, label).toBe(1 + pongsFor(c.text));
  if (answered(c.text) && pongsFor(c.text) === 0) expect(frames.length, label).toBeGreaterThanOrEqual(2);
}

/** A liveness probe: the `ping` sent after every case. */
export const PING = '{"op":"ping"}';
