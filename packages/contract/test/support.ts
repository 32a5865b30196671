// A standalone mock server made to differ from the spec: REST answers replaced through the server's
// `httpHandlers` hook, and, while a check listens, a bad bbo event published and the mocks' unknown
// message fault sent, over and over (a check that subscribes late still sees them).
import { handleGetDepth, handleListBarIntervals } from '@ascendex-toolkit/mocks';
import { startMockServer, type MockServer } from '@ascendex-toolkit/mocks/server';
import type { ServerMessage } from '@ascendex-toolkit/types';

/** getDepth with a price as a number and the required `ts` missing. */
export const badDepth = {
  code: 0,
  data: {
    m: 'depth-snapshot',
    symbol: 'BTC/USDT',
    data: { seqnum: 5, asks: [[30000.5, '1.5']], bids: [['29999.5', '2']] },
  },
};

/** listBarIntervals with an interval name the spec's enum does not have. */
export const badIntervals = { code: 0, data: [{ name: '2h', intervalInMillis: 7_200_000 }] };

/** A bbo message whose bid is a number where the spec has a [price, size] pair of strings. */
export const badBbo = {
  m: 'bbo',
  symbol: 'BTC/USDT',
  data: { ts: 1_700_000_000_000, bid: 42, ask: ['30001', '1'] },
} as unknown as ServerMessage;

export async function differingServer(): Promise<MockServer & { stopFaults(): void }> {
  const server = await startMockServer({
    marketIntervalMs: 50,
    httpHandlers: [
      handleGetDepth({ response: badDepth as never }, { baseUrl: '*' }),
      handleListBarIntervals({ response: badIntervals as never }, { baseUrl: '*' }),
    ],
  });
  const timer = setInterval(() => {
    server.publish({ kind: 'market', topic: 'bbo:BTC/USDT', message: badBbo });
    server.faults.sendUnknownMessage();
  }, 50);
  return Object.assign(server, { stopFaults: () => clearInterval(timer) });
}
