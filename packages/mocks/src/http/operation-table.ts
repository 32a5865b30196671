// The shape of the generated operation table (src/generated/operations.gen.ts) and the types derived
// from it per operation. The types derived from the table's values (which error scenarios each
// operation has) are generated beside it: this runtime module never imports generated code.
import type { KnownErrorCode, operations } from '@ascendex-toolkit/types';
import type { PayloadKind } from '@ascendex-toolkit/validators';
import type { RestOperationId } from '@ascendex-toolkit/validators/exchange';
import type { ExchangeErrorFields } from '../backend.js';

export type { PayloadKind };

/** How the mocks answer one REST operation. @public */
export interface MockOperation {
  readonly id: RestOperationId;
  readonly tag: string;
  /** Lower-case HTTP methods the exchange answers, the documented one first. */
  readonly methods: readonly string[];
  /** MSW path patterns, with the account group first where the route has one. */
  readonly paths: readonly string[];
  /** The route starts with `/{accountGroup}` (and is answered without it too). */
  readonly accountGroup: boolean;
  readonly signed: boolean;
  /** The prehashes a valid signature may be made over; `{accountCategory}` is filled like the URL. */
  readonly prehashes: readonly string[];
  readonly payload: PayloadKind;
  /** The default success body (the spec's first success example). */
  readonly example: unknown;
  /** The error scenarios by reason: the spec's error examples as they are, else the catalog code
   * whose entry (code, reason, description as the message) is answered. */
  readonly errors: Readonly<Record<string, KnownErrorCode | (ExchangeErrorFields & Readonly<Record<string, unknown>>)>>;
}

/** The generated table: every REST operation. @public */
export type MockOperationTable = { readonly [Op in RestOperationId]: MockOperation };

/** The whole 200 body of an operation: its success envelope or an error envelope (`<Op>Response`). @public */
export type OperationResponse<Op extends RestOperationId> =
  operations[Op]['responses'][200]['content']['application/json'];
