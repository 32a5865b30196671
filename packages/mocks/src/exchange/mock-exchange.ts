// The stateful mock exchange the transports put behind themselves: the engine, plus its answers to
// REST requests (../http/answers) and WebSocket requests (../ws/answers.ts), and its events as the
// exchange publishes them (../ws/events.ts). Arrows point down: this file knows the layers, the
// engine knows none of them.
import type { ExchangeClientMessage } from '@ascendex-toolkit/validators/exchange';
import type { ExchangeEvent, MockAccount, MockBackend, RestAnswer, RestRequest, WsSessionInfo } from '../backend.js';
import { ExchangeEngine, type MockExchangeOptions } from '../engine/engine.js';
import { answerRest } from '../http/answers/index.js';
import { answerWsRequest } from '../ws/answers.js';
import { exchangeEvents } from '../ws/events.js';
import { cashBalances, marginBalances, marginRisk, marginRiskData } from '../wire/balances.js';

/** The stateful mock exchange. @public */
export class MockExchange extends ExchangeEngine implements MockBackend {
  handleRest(request: RestRequest): RestAnswer | undefined {
    return answerRest(this, request);
  }

  handleWsRequest(request: ExchangeClientMessage, session: WsSessionInfo): readonly unknown[] | undefined {
    return answerWsRequest(this, request, session);
  }

  /** Listens to everything the exchange publishes, as WebSocket events; returns the function that stops listening. */
  subscribe(listener: (event: ExchangeEvent) => void): () => void {
    return this.onEvent((event) => {
      for (const published of exchangeEvents(event)) listener(published);
    });
  }

  cashBalances(account: MockAccount) {
    return cashBalances(this, account);
  }

  marginBalances(account: MockAccount) {
    return marginBalances(this, account);
  }

  marginRisk(account: MockAccount) {
    return marginRisk(this, account);
  }

  marginRiskData(account: MockAccount) {
    return marginRiskData(this, account);
  }
}

/** Builds a stateful mock exchange. @public */
export function createMockExchange(options: MockExchangeOptions = {}): MockExchange {
  return new MockExchange(options);
}
