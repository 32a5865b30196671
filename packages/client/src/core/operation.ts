// What the request core needs to know about one REST operation: the shape of the rows of the
// generated operation table (src/generated/operations/<tag>.gen.ts). Data plus the operation's own
// strict validators; signing and account-group discovery are referenced only by the rows that need
// them, so an app that calls public operations only never bundles them.
import type { CallOptions } from './options.js';
import type { PayloadKind } from '@ascendex-toolkit/validators';
import type { ApiErrorTable } from './api-error.js';

export type { PayloadKind };

/** Signs `<timestamp>+<prehash>` with a secret: base64 HMAC-SHA256 (core/signing.ts). */
export type RequestSigner = (secret: string, timestamp: string, prehash: string) => Promise<string>;

/** One row of the operation table. @public */
export interface OperationSpec {
  readonly id: string;
  readonly method: 'GET' | 'POST' | 'DELETE' | 'PUT';
  /** The path template, e.g. `/{accountGroup}/api/pro/v1/{accountCategory}/order`. */
  readonly path: string;
  /** Path parameters the caller gives (never `accountGroup`, which the client fills in). */
  readonly pathParams: readonly string[];
  readonly queryParams: readonly string[];
  /** True when the operation takes a JSON body: the caller's other fields go there. */
  readonly hasBody: boolean;
  /** Writes the JSON body (integers above 2^53 exact); set on rows with a body only, so that an app
   * calling GET operations only does not bundle the serializer. */
  readonly stringifyBody: ((body: unknown) => string) | undefined;
  readonly accountGroup: boolean;
  readonly accountCategory: boolean;
  readonly payload: PayloadKind;
  /** The parameter that decides between one object and a list (`x-ascendex.singleOrList`). */
  readonly singleOrList: string | undefined;
  /** Where `time` is filled in from the clock when absent: the body itself, or each of `orders`. */
  readonly fillTime: 'body' | 'orders' | undefined;
  readonly assertParams: (value: unknown) => void;
  readonly assertBody: ((value: unknown) => void) | undefined;
  /** Checks a whole answer: the success body or an error envelope. */
  readonly assertResponse: (value: unknown) => void;
  /** Checks a success body only (`code` 0 or absent): what the client validates, so that a refusal
   * names the success shape's fields rather than the error envelope's `code`. */
  readonly assertSuccess: (value: unknown) => void;
  /** Signed operations: the prehash (may hold `{accountCategory}`) and the signer. */
  readonly auth: { readonly prehash: string; readonly sign: RequestSigner } | undefined;
  /** Operations under `/{accountGroup}`: the operation the group is discovered through. */
  readonly discoverAccountGroup: OperationSpec | undefined;
  /** The error classes of the catalog, which an answer's error envelope becomes (generated/errors.gen.ts). */
  readonly errors: ApiErrorTable;
}

/** The payload of a `singleOrList` operation: one item for one id without a comma, else a list. @public */
export type SingleOrList<S, Data> = [S] extends [undefined]
  ? Extract<Data, readonly unknown[]>
  : string extends S
    ? Data
    : S extends `${string},${string}`
      ? Extract<Data, readonly unknown[]>
      : Exclude<Data, readonly unknown[]>;

/**
 * `T` written out as one object type (each member of a union on its own), so that an editor shows
 * an input's fields rather than the intersection it is built from. @public
 */
export type Expand<T> = T extends unknown ? { [K in keyof T]: T[K] } : never;

/** `T` with `time` optional (the client fills it in from its clock). @public */
export type WithOptionalTime<T> = T extends { time: unknown } ? Omit<T, 'time'> & { time?: T['time'] } : T;

/** A batch body whose orders may leave `time` out. @public */
export type OrdersWithOptionalTime<T> = T extends { orders: readonly (infer O)[] }
  ? Omit<T, 'orders'> & { orders: WithOptionalTime<O>[] }
  : T;

/** The arguments of a call: the input (optional when nothing in it is required) and call options. */
export type CallArgs<Input, Optional extends boolean> = Optional extends true
  ? [params?: Input, options?: CallOptions]
  : [params: Input, options?: CallOptions];
