import { AscendexError } from '@ascendex-toolkit/validators';

/** A call of the mock exchange's own API that cannot be carried out (unknown symbol or order, a fill larger than the order). @public */
export class MockExchangeError extends AscendexError {
  override readonly name = 'MockExchangeError';
}
