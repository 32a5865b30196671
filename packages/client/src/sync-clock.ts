// `syncClock(client)`, the standalone form of `AscendexClient#syncClock`: the clock offset measured
// through getExchangeLatency, the only public operation that reports when the server received the
// request. It names a generated row, so it sits above the generated code.
import { measureClockOffset } from './core/clock.js';
import type { ClientCore } from './core/client-core.js';
import type { CallOptions } from './core/options.js';
import { getExchangeLatencyOperation } from './generated/operations/exchange-info.gen.js';

/**
 * Measures server time minus local time and makes the client use it. Returns the offset, ms.
 * @public
 */
export function syncClock(client: ClientCore, options?: CallOptions): Promise<number> {
  return measureClockOffset(client, getExchangeLatencyOperation, options);
}
