// The REST half of the check: every read-only operation of the client's operation table, called
// through the client itself (validation off, so that whatever comes back reaches us), its raw body
// kept by a recording `fetch` and validated here with the strict validators: the success schema
// when the body says `code: 0`, the whole response schema (success or error envelope) otherwise.
import {
  AscendexClient,
  AscendexNetworkError,
  AscendexTimeoutError,
  operationTable,
  type OperationSpec,
} from '@ascendex-toolkit/client';
import * as validators from '@ascendex-toolkit/validators';
import { parseJson, validationErrorOf } from '@ascendex-toolkit/validators';
import type { DifferenceLog } from './difference.js';
import { describeError, type CallFailure } from './failure.js';
import { restPlan, type RestContext } from './rest-plan.js';

/** @public */
export interface RestCheckOptions {
  readonly baseUrl: string;
  readonly apiKey?: string | undefined;
  readonly secret?: string | undefined;
  readonly timeoutMs?: number | undefined;
}

/** What the REST half found besides differences. */
export interface RestOutcome {
  /** False when the first request could not reach the server (nothing else was tried). */
  readonly reached: boolean;
  readonly checked: string[];
  readonly skipped: { readonly subject: string; readonly reason: string }[];
  /** Calls that failed (error envelope, HTTP error, timeout), each with what went wrong. */
  readonly failures: CallFailure[];
  /** Why the server could not be reached (the first request's error: method, URL and cause), when it could not. */
  readonly unreachable?: string;
  /** What was learnt (the symbol the WebSocket half uses too). */
  readonly context: RestContext;
  /** The account group, when keys were given and getAccountInfo answered. */
  readonly accountGroup: number | undefined;
}

type Fields = Record<string, unknown>;
const isObject = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Operations the check may call: GET only (nothing that changes state), private ones only with keys. */
export function readOnlyOperations(signed: boolean): OperationSpec[] {
  return Object.values(operationTable as Record<string, OperationSpec>).filter(
    (op) => op.method === 'GET' && (signed || op.auth === undefined),
  );
}

/** The strict validator of the success body of an operation (`assertGetDepthSuccess`), else of its whole response. */
function successAssert(op: OperationSpec): (value: unknown) => void {
  const name = `assert${op.id[0]!.toUpperCase()}${op.id.slice(1)}Success`;
  const found = (validators as unknown as Record<string, unknown>)[name];
  return typeof found === 'function' ? (found as (value: unknown) => void) : op.assertResponse;
}

/** What the answers teach: a symbol, an order id, a snapshot sequence number. */
function learn(op: string, body: unknown, ctx: RestContext): void {
  const data = isObject(body) ? body.data : undefined;
  if (op === 'listProducts' && Array.isArray(data)) {
    const products = data.filter(isObject);
    const chosen =
      products.find((p) => p.symbol === 'BTC/USDT') ?? products.find((p) => p.status === 'Normal') ?? products[0];
    if (typeof chosen?.symbol === 'string') {
      ctx.symbol = chosen.symbol;
      ctx.asset = typeof chosen.baseAsset === 'string' ? chosen.baseAsset : chosen.symbol.split('/')[0]!;
    }
  }
  if ((op === 'listOpenOrders' || op === 'listCurrentHistoryOrders') && Array.isArray(data) && !ctx.orderId) {
    const order = data.find((o) => isObject(o) && typeof o.orderId === 'string') as Fields | undefined;
    if (order) ctx.orderId = order.orderId as string;
  }
  if (op === 'getBalanceSnapshot' && isObject(body) && isObject(body.meta)) {
    const sn = body.meta.sn;
    if (typeof sn === 'number' || typeof sn === 'bigint') ctx.snapshotSn = sn;
  }
}

/** Runs the REST half; differences go to `log`. */
export async function checkRest(options: RestCheckOptions, log: DifferenceLog): Promise<RestOutcome> {
  // The body of the last answer: calls run one after another, so one slot is enough.
  let last: { status: number; text: string } | undefined;
  const recordingFetch: typeof fetch = async (input, init) => {
    const response = await globalThis.fetch(input, init);
    last = { status: response.status, text: await response.clone().text() };
    return response;
  };
  const signed = options.apiKey !== undefined && options.secret !== undefined;
  const client = new AscendexClient({
    baseUrl: options.baseUrl,
    fetch: recordingFetch,
    validate: false,
    timeoutMs: options.timeoutMs ?? 10_000,
    ...(signed ? { apiKey: options.apiKey, secret: options.secret } : {}),
  });
  const methods = client as unknown as Record<string, (params: object) => Promise<unknown>>;
  const ctx: RestContext = { symbol: 'BTC/USDT', asset: 'BTC' };
  const outcome: RestOutcome = {
    reached: true,
    checked: [],
    skipped: [],
    failures: [],
    context: ctx,
    accountGroup: undefined,
  };
  const operations = readOnlyOperations(signed);
  const planned = Object.keys(restPlan).flatMap((id) => operations.filter((op) => op.id === id));
  for (const op of operations)
    if (!(op.id in restPlan)) outcome.skipped.push({ subject: op.id, reason: 'no parameters known for it' });

  for (const op of planned) {
    const plan = restPlan[op.id]!(ctx);
    if ('skip' in plan) {
      outcome.skipped.push({ subject: op.id, reason: plan.skip });
      continue;
    }
    last = undefined;
    let error: unknown;
    try {
      await methods[op.id]!.call(client, plan.params);
    } catch (e) {
      error = e;
    }
    if (last === undefined) {
      // No answer at all: the server cannot be reached (or the request was refused before sending).
      if (
        outcome.checked.length === 0 &&
        (error instanceof AscendexNetworkError || error instanceof AscendexTimeoutError)
      )
        return { ...outcome, reached: false, unreachable: describeError(error) };
      outcome.failures.push({ subject: op.id, problem: describeError(error) });
      continue;
    }
    const answer: { status: number; text: string } = last;
    outcome.checked.push(op.id);
    let body: unknown;
    try {
      body = parseJson(answer.text);
    } catch {
      log.add({
        transport: 'rest',
        subject: op.id,
        pointer: '',
        problem: 'must be JSON',
        value: `(HTTP ${answer.status}, ${answer.text.length} characters that are not JSON)`,
      });
      continue;
    }
    // Some bodies carry no `code` at all (the balance snapshot and history): those are successes too.
    const success = isObject(body) && (body.code === 0 || body.code === undefined);
    const issues = validationErrorOf(() => (success ? successAssert(op) : op.assertResponse)(body));
    if (issues) log.addIssues('rest', op.id, issues, body);
    if (success) learn(op.id, body, ctx);
    else if (error) outcome.failures.push({ subject: op.id, problem: describeError(error) });
  }
  return { ...outcome, accountGroup: client.accountGroup };
}
