// The clock offset. The exchange refuses signatures more than 30 s from its own time, so a machine
// whose clock drifts can measure the difference once and apply it to every signature and order
// time. The measurement uses getExchangeLatency, the only public operation that reports when the
// server received the request (`requestReceiveAt`); half the round trip is taken as the one-way
// delay, as NTP does.
import type { GetExchangeLatencyData } from '@ascendex-toolkit/types';
import { getExchangeLatencyOperation } from '../generated/operations/exchange-info.gen.js';
import { clientState, type ClientCore } from './client-core.js';
import { call } from './request.js';
import type { CallOptions } from './options.js';

/**
 * Measures server time minus local time and makes the client use it. Returns the offset, ms.
 * @public
 */
export async function syncClock(client: ClientCore, options?: CallOptions): Promise<number> {
  const state = clientState(client);
  const sent = state.clock();
  const latency = await call<GetExchangeLatencyData>(
    client,
    getExchangeLatencyOperation,
    { requestTime: Math.round(sent) },
    options,
  );
  const received = state.clock();
  state.clockOffsetMs = Math.round(latency.requestReceiveAt - (sent + received) / 2);
  return state.clockOffsetMs;
}
