// Answers of the `exchange-info` tag that need only a clock: the latency measurement, which
// echoes the client's `requestTime` beside the server's time of receipt (so `syncClock()` against
// the mock measures the mock's clock). They answer with or without an engine.
import type { RestRequest } from '../../backend.js';
import type { RestAnswer } from '../../backend.js';

/** The latency answer: the request's time echoed, the clock's time of receipt, their difference. */
export function exchangeLatency(request: RestRequest<'getExchangeLatency'>, now: number): RestAnswer {
  const requestTimeEcho = Number(request.params.requestTime);
  return { body: { code: 0, data: { requestTimeEcho, requestReceiveAt: now, latency: now - requestTimeEcho } } };
}

/** Operations answered from the clock alone. */
export const clockAnswers: {
  readonly [Op in 'getExchangeLatency']: (request: RestRequest<Op>, now: number) => RestAnswer;
} = { getExchangeLatency: exchangeLatency };
