// Test support: valid requests per operation built from the spec, signed as the docs sign them.
import { documents, restOperations, operationParams, resolveRef, type Operation } from '@ascendex-toolkit/codegen-core';
import { parseJson, stringifyJson } from '@ascendex-toolkit/validators';
import type { RestOperationId } from '@ascendex-toolkit/validators/exchange';
import { sign, signedMessage } from '@ascendex-toolkit/validators/auth';
import { defaultAccount, type MockAccount } from '../../src/backend.js';
import { mockOperations } from '../../src/http/index.js';

/** The docs' signature sample: the time it was made at and what it signs. */
export const DOCS_TIME = 1608133910000;
export const DOCS_SIGNATURE = '/pwaAgWZQ1Xd/J4yZ4ReHSPQxd3ORP/YR8TvAttqqYM=';
export const BASE = 'https://ascendex.com';

export const operationIds = Object.keys(mockOperations) as RestOperationId[];

const { openapi } = documents();
const specOperations = new Map(restOperations(openapi).map((o) => [o.op.operationId, o]));

/** A value the spec gives for a parameter: its example, its schema's example, or its first enum value. */
function parameterValue(schema: Record<string, unknown>, example: unknown): unknown {
  if (example !== undefined) return example;
  const s = resolveRef<Record<string, any>>(openapi, schema);
  return s.examples?.[0] ?? s.default ?? s.enum?.[0] ?? s.const;
}

export interface BuiltRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Record<string, string>;
  readonly body: unknown;
  readonly prehash: string | undefined;
}

/**
 * Bodies for operations whose spec gives no request example, and for getSubuserTransferHistory, whose
 * example (filters sent as null) the exchange-side profile refuses today: coercion turns null into ""
 * in the first `oneOf` branch (reported to the validators' owners).
 */
const BODIES: Partial<Record<RestOperationId, unknown>> = {
  cancelOrder: { orderId: '16e85b4d9b9a8bXHbAwwoqDoc3d66830', symbol: 'BTC/USDT', time: DOCS_TIME },
  cancelAllOrders: {},
  cancelBatchOrders: { orders: [{ orderId: '16e85b4d9b9a8bXHbAwwoqDoc3d66830', symbol: 'BTC/USDT', time: DOCS_TIME }] },
  getSubuserTransferHistory: { page: 1, pageSize: 10 },
};

/** A request the spec says is valid: example or first-enum values, the first request-body example. */
export function validRequest(operationId: RestOperationId): BuiltRequest {
  const { route, method, op } = specOperations.get(operationId) as { route: string; method: string; op: Operation };
  const params: Record<string, unknown> = {};
  for (const p of operationParams(openapi, op)) {
    if (p.name === 'accountGroup') params[p.name] = defaultAccount.accountGroup;
    else if (p.name === 'accountCategory') params[p.name] = 'cash';
    else if (p.required || p.example !== undefined) params[p.name] = parameterValue(p.schema, p.example);
  }
  const path = route.replace(/\{(\w+)\}/g, (_m, name: string) => String(params[name]));
  const query: Record<string, string> = {};
  for (const p of operationParams(openapi, op))
    if (p.in === 'query' && params[p.name] !== undefined) query[p.name] = String(params[p.name]);
  const content = op.requestBody ? resolveRef<any>(openapi, op.requestBody).content['application/json'] : undefined;
  const body =
    BODIES[operationId] ?? (content ? Object.values<{ value: unknown }>(content.examples ?? {})[0]?.value : undefined);
  const prehash = mockOperations[operationId].prehashes[0]?.replace('{accountCategory}', 'cash');
  return { method: method.toUpperCase(), path, query, body, prehash };
}

export interface SendOptions {
  readonly account?: MockAccount;
  readonly timestamp?: number;
  /** Replaces the computed signature (or removes it with null). */
  readonly signature?: string | null;
  readonly signed?: boolean;
  readonly base?: string;
}

/** Sends a request with plain fetch, signed with the account's secret unless told otherwise. */
export async function send(request: BuiltRequest, options: SendOptions = {}): Promise<{ status: number; body: any }> {
  const { account = defaultAccount, timestamp = DOCS_TIME, base = BASE } = options;
  const url = new URL(base + request.path);
  for (const [k, v] of Object.entries(request.query)) url.searchParams.set(k, v);
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (request.prehash !== undefined && options.signed !== false) {
    headers['x-auth-key'] = account.apiKey;
    headers['x-auth-timestamp'] = String(timestamp);
    const signature =
      options.signature === undefined
        ? await sign(account.secret, signedMessage(timestamp, request.prehash))
        : options.signature;
    if (signature !== null) headers['x-auth-signature'] = signature;
  }
  const response = await fetch(url, {
    method: request.method,
    headers,
    ...(request.body === undefined ? {} : { body: stringifyJson(request.body) }),
  });
  const text = await response.text();
  return { status: response.status, body: parseJson(text) };
}
