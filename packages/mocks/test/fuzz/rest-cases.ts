// Generated REST requests for every operation of the spec, valid and hostile, and the properties
// every answer must have. Shared by the fuzz runs against the MSW handlers and the standalone server.
import fc from 'fast-check';
import { expect } from 'vitest';
import { documents, operationParams, pascal, resolveRef, restOperations } from '@ascendex-toolkit/codegen-core';
import * as validators from '@ascendex-toolkit/validators';
import { parseJson, stringifyJson } from '@ascendex-toolkit/validators';
import { checkRestParams, parseRestBody, type RestOperationId } from '@ascendex-toolkit/validators/exchange';
import { sign, signedMessage } from '@ascendex-toolkit/validators/auth';
import { defaultAccount } from '../../src/backend.js';
import { mockOperations } from '../../src/http/index.js';
import { anyJson, deepText, edgeNumbers, mutateObject, valueOf } from './schema-arbitrary.js';

const { openapi } = documents();
const operations = new Map(restOperations(openapi).map((o) => [o.op.operationId as RestOperationId, o]));
export const restOperationIds = [...operations.keys()];

/** The refusals that say a request's shape is wrong (a strict-valid request must never get one). */
const SHAPE_CODES = new Set([100004, 150001]);

/** A body over the default limit (1 MiB), built once. */
const HUGE_BODY = `{"pad":"${'x'.repeat(1024 * 1024 + 16)}"}`;

export interface RestCase {
  readonly operationId: RestOperationId;
  readonly method: string;
  readonly path: string;
  readonly query: readonly (readonly [string, string])[];
  /** The body text, if any. */
  readonly body: string | undefined;
  readonly signing: 'valid' | 'none' | 'wrong' | 'stale' | 'garbled';
  /** Path and query values before they became strings (for the strict check). */
  readonly params: Record<string, unknown>;
  /** The body value before it became text (undefined for raw text and no body). */
  readonly bodyValue: unknown;
  readonly rawBody: boolean;
}

const asQueryValue = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'bigint' ? v.toString() : (stringifyJson(v) ?? String(v));

function paramsArbitrary(id: RestOperationId): fc.Arbitrary<Record<string, unknown>> {
  const { op } = operations.get(id)!;
  const fields: Record<string, fc.Arbitrary<unknown>> = {};
  const required: string[] = [];
  for (const p of operationParams(openapi, op)) {
    if (p.name === 'accountGroup')
      fields[p.name] = fc.oneof(
        { weight: 12, arbitrary: fc.constant(defaultAccount.accountGroup) },
        fc.constantFrom(7, 0, 'abc'),
      );
    else if (p.name === 'accountCategory')
      fields[p.name] = fc.oneof({ weight: 8, arbitrary: fc.constantFrom('cash', 'margin') }, fc.constant('futures'));
    else fields[p.name] = valueOf(openapi, p.schema);
    if (p.required) required.push(p.name);
  }
  return fc.record(fields, { requiredKeys: required });
}

function bodyArbitrary(id: RestOperationId): fc.Arbitrary<{ value: unknown; text: string | undefined; raw: boolean }> {
  const { op } = operations.get(id)!;
  const content = op.requestBody ? resolveRef<any>(openapi, op.requestBody).content?.['application/json'] : undefined;
  const examples = Object.values<{ value: unknown }>(content?.examples ?? {}).map((e) => e.value);
  const valid = content
    ? examples.length > 0
      ? fc.oneof(fc.constantFrom(...examples), valueOf(openapi, content.schema))
      : valueOf(openapi, content.schema)
    : fc.constant(undefined);
  const asText = (value: unknown) => ({
    value,
    text: value === undefined ? undefined : stringifyJson(value),
    raw: false,
  });
  const raw = (text: string) => ({ value: undefined, text, raw: true });
  return fc.oneof(
    { weight: 6, arbitrary: valid.map(asText) },
    {
      weight: 3,
      arbitrary: valid.chain((v) =>
        v !== null && typeof v === 'object' && !Array.isArray(v)
          ? mutateObject(v as Record<string, unknown>).map(asText)
          : anyJson.map(asText),
      ),
    },
    {
      weight: 2,
      arbitrary: fc.oneof(
        fc
          .constantFrom('', 'null', '[null,null]', '"abc"', '{', 'not json', '{"orders":[null]}', '{"orders":[[]]}')
          .map(raw),
        fc
          .integer({ min: 60, max: 20_000 })
          .chain((d) => fc.constantFrom(deepText(d, 'array'), deepText(d, 'object')))
          .map(raw),
        edgeNumbers.map((n) => raw(`{"time":${typeof n === 'string' ? n : String(n)},"symbol":"BTC/USDT"}`)),
        fc.constant(HUGE_BODY).map(raw),
      ),
    },
  );
}

/** Requests to one operation: its own method and route mostly, odd methods and signatures sometimes. */
export function restCase(odd: readonly string[]): fc.Arbitrary<RestCase> {
  return fc.constantFrom(...restOperationIds).chain((operationId) => {
    const { route, method } = operations.get(operationId)!;
    return fc
      .record({
        params: paramsArbitrary(operationId),
        body: bodyArbitrary(operationId),
        method: fc.oneof({ weight: 10, arbitrary: fc.constant(method.toUpperCase()) }, fc.constantFrom(...odd)),
        signing: fc.oneof(
          { weight: 10, arbitrary: fc.constant('valid' as const) },
          fc.constantFrom('none' as const, 'wrong' as const, 'stale' as const, 'garbled' as const),
        ),
        extraQuery: fc.option(fc.tuple(fc.string({ minLength: 1, maxLength: 6 }), fc.string({ maxLength: 8 })), {
          freq: 5,
        }),
      })
      .map(({ params, body, method, signing, extraQuery }): RestCase => {
        const pathNames = new Set<string>();
        const path = route.replace(/\{(\w+)\}/g, (_m, name: string) => {
          pathNames.add(name);
          return encodeURIComponent(asQueryValue(params[name] ?? ''));
        });
        const query: (readonly [string, string])[] = Object.entries(params)
          .filter(([k, v]) => !pathNames.has(k) && v !== undefined)
          .map(([k, v]) => [k, asQueryValue(v)] as const);
        if (extraQuery) query.push(extraQuery);
        return {
          operationId,
          method,
          path,
          query,
          body: body.text,
          signing,
          params,
          bodyValue: body.value,
          rawBody: body.raw,
        };
      });
  });
}

/** The `x-auth-*` headers of a case at `now`. */
export async function authHeaders(c: RestCase, now: number): Promise<Record<string, string>> {
  const prehash = mockOperations[c.operationId].prehashes[0];
  if (prehash === undefined || c.signing === 'none') return {};
  const category = typeof c.params.accountCategory === 'string' ? c.params.accountCategory : '';
  const t = c.signing === 'stale' ? now - 60_000 : now;
  const message = signedMessage(t, prehash.replace('{accountCategory}', category));
  const signature =
    c.signing === 'wrong'
      ? await sign('not-the-secret', message)
      : c.signing === 'garbled'
        ? '%%%'
        : await sign(defaultAccount.secret, message);
  return { 'x-auth-key': defaultAccount.apiKey, 'x-auth-timestamp': String(t), 'x-auth-signature': signature };
}

/** Whether the case is a request the strict profile (what our client may send) accepts, sent as documented. */
export function strictValid(c: RestCase): boolean {
  const { op, method } = operations.get(c.operationId)!;
  const Op = pascal(c.operationId);
  const is = (name: string, value: unknown) =>
    ((validators as unknown as Record<string, (v: unknown) => boolean>)[name] ?? (() => false))(value);
  const bodyOk = op.requestBody
    ? !c.rawBody && c.body !== undefined && is(`is${Op}Body`, c.bodyValue)
    : c.body === undefined;
  return (
    c.method === method.toUpperCase() &&
    c.signing === 'valid' &&
    c.params.accountGroup !== 7 &&
    is(`is${Op}Params`, c.params) &&
    bodyOk &&
    !c.query.some(([k]) => !(k in c.params))
  );
}

/** The properties of one answer: never a 5xx, always JSON with the exchange's envelope, valid for its operation, and no shape refusal for a strict-valid request. */
export function checkRestAnswer(c: RestCase, status: number, text: string): void {
  const label = `${c.method} ${c.path} (${c.operationId}) answered ${status}: ${text.slice(0, 300)}`;
  expect(status, label).toBeLessThan(500);
  const valid = strictValid(c);
  if (valid) {
    // What the client may send, the exchange side reads: the profile accepts it as sent.
    const params = Object.fromEntries(c.query);
    const pathParams = Object.fromEntries(
      Object.entries(c.params)
        .filter(([k]) => ['accountGroup', 'accountCategory'].includes(k))
        .map(([k, v]) => [k, String(v)]),
    );
    expect(checkRestParams(c.operationId, { ...params, ...pathParams }).ok, label).toBe(true);
    if (c.body !== undefined) expect(parseRestBody(c.operationId, c.body).ok, label).toBe(true);
  }
  if (c.method === 'HEAD') return;
  let body: any;
  expect(() => (body = parseJson(text)), label).not.toThrow();
  if (status === 200) {
    const guard = (validators as unknown as Record<string, (v: unknown) => boolean>)[
      `is${pascal(c.operationId)}Response`
    ]!;
    expect(guard(body), label).toBe(true);
  } else {
    expect(typeof body.code === 'number' && body.code !== 0, label).toBe(true);
    expect(typeof body.message, label).toBe('string');
  }
  if (valid) {
    expect(status, label).toBe(200);
    expect(SHAPE_CODES.has(body.code), label).toBe(false);
  }
}

/** How many cases a run makes: `MOCKS_FUZZ_CASES` (the total over the four fuzz runs) scales the default 5,600. */
export function runsOf(share: number): number {
  const total = Number(process.env.MOCKS_FUZZ_CASES ?? 5600);
  return Math.max(1, Math.round((Number.isFinite(total) && total > 0 ? total : 5600) * share));
}

/** The seed of every fuzz run: `MOCKS_FUZZ_SEED`, default 15. */
export const fuzzSeed = Number(process.env.MOCKS_FUZZ_SEED ?? 15);
