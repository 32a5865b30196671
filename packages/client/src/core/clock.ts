// The clock offset. The exchange refuses signatures more than 30 s from its own time, so a machine
// whose clock drifts can measure the difference once and apply it to every signature and order
// time. The measurement is given the operation that reports when the server received the request
// (`requestReceiveAt`: getExchangeLatency's row, see sync-clock.ts); half the round trip is taken
// as the one-way delay, as NTP does.
import { clientState, type ClientCore } from './client-core.js';
import { call } from './request.js';
import type { CallOptions } from './options.js';
import type { OperationSpec } from './operation.js';

/**
 * Measures server time minus local time through `latency` (an operation answering
 * `{ requestReceiveAt }` for a `requestTime`) and makes the client use it. Returns the offset, ms.
 * @internal `syncClock` and `AscendexClient#syncClock` call this with getExchangeLatency's row.
 */
export async function measureClockOffset(
  client: ClientCore,
  latency: OperationSpec,
  options?: CallOptions,
): Promise<number> {
  const state = clientState(client);
  const sent = state.clock();
  const answer = await call<{ requestReceiveAt: number }>(client, latency, { requestTime: Math.round(sent) }, options);
  const received = state.clock();
  state.clockOffsetMs = Math.round(answer.requestReceiveAt - (sent + received) / 2);
  return state.clockOffsetMs;
}
