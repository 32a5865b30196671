// The whole check: REST first (it finds the symbol and, with keys, the account group), then the
// WebSocket stream; one report, one exit code.
import { AscendexError } from '@ascendex-toolkit/validators';
import { DifferenceLog, formatDifference, type Difference } from './difference.js';
import { formatFailures } from './failure.js';
import { checkRest, type RestOutcome } from './rest-check.js';
import { checkWs, type WsOutcome } from './ws-check.js';

/** @public */
export interface ContractCheckOptions {
  /** REST origin (default `https://ascendex.com`). */
  readonly baseUrl?: string;
  /** WebSocket origin (default: the REST origin with `ws:`/`wss:`). */
  readonly wsUrl?: string;
  /** Read-only keys: the private GET operations and the authenticated channels are checked too. */
  readonly apiKey?: string | undefined;
  readonly secret?: string | undefined;
  /** How long to listen to the WebSocket channels, seconds (default 10); 0 skips listening but not the requests. */
  readonly wsSeconds?: number;
  /** Timeout of each request, ms (default 10 000). */
  readonly timeoutMs?: number;
}

/** @public */
export interface ContractReport {
  /** Where the wire differs from the spec. */
  readonly differences: readonly Difference[];
  readonly rest: RestOutcome;
  /** Undefined when REST could not be reached (the stream is not tried then). */
  readonly ws: WsOutcome | undefined;
  /** False when the REST API or the stream could not be reached. */
  readonly reached: boolean;
  /** The REST origin checked. */
  readonly baseUrl: string;
}

/** Exit codes of `ascendex-contract`. @public */
export const ExitCode = { Clean: 0, Differences: 1, Usage: 2, Unreachable: 3 } as const;

export const DEFAULT_BASE_URL = 'https://ascendex.com';

/** A `baseUrl` or `wsUrl` the check cannot use: not a URL, or not of the protocols it takes. @public */
export class ContractUsageError extends AscendexError {
  override readonly name = 'ContractUsageError';
}

/**
 * Why `value` is no URL of the given protocols (`--base-url`: http or https; `--ws-url`: ws or
 * wss), or undefined when it is one. `127.0.0.1:8080` (no scheme) is refused rather than read as
 * an unreachable server, as is `localhost:8080` (which `URL` reads as the scheme `localhost:`).
 */
export function originProblem(name: string, value: string, protocols: readonly string[]): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `${name} must be a URL such as ${protocols[1] ?? protocols[0]}//127.0.0.1:8080, not ${JSON.stringify(value)}`;
  }
  if (!protocols.includes(url.protocol))
    return `${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}, not ${JSON.stringify(value)}`;
  return undefined;
}

export const REST_PROTOCOLS = ['http:', 'https:'] as const;
export const WS_PROTOCOLS = ['ws:', 'wss:'] as const;

/** The stream origin of a REST origin: `https://x` → `wss://x`, `http://x` → `ws://x`. */
export function wsOrigin(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '').replace(/^http(s?):/, 'ws$1:');
}

/**
 * Runs the check. Never throws for what the server does: that is in the report. Throws
 * `ContractUsageError` for a `baseUrl` or `wsUrl` that is no http(s) or ws(s) URL.
 * @public
 */
export async function runContractCheck(options: ContractCheckOptions = {}): Promise<ContractReport> {
  const baseUrl = options.baseUrl ?? DEFAULT_BASE_URL;
  const problem =
    originProblem('baseUrl', baseUrl, REST_PROTOCOLS) ??
    (options.wsUrl === undefined ? undefined : originProblem('wsUrl', options.wsUrl, WS_PROTOCOLS));
  if (problem) throw new ContractUsageError(problem);
  const log = new DifferenceLog();
  const keys = { apiKey: options.apiKey, secret: options.secret };
  const rest = await checkRest({ baseUrl, ...keys, timeoutMs: options.timeoutMs }, log);
  if (!rest.reached) return { differences: log.all, rest, ws: undefined, reached: false, baseUrl };
  const ws = await checkWs(
    {
      wsUrl: options.wsUrl ?? wsOrigin(baseUrl),
      symbol: rest.context.symbol,
      asset: rest.context.asset,
      listenMs: (options.wsSeconds ?? 10) * 1000,
      ...keys,
      accountGroup: rest.accountGroup,
      timeoutMs: options.timeoutMs,
    },
    log,
  );
  return { differences: log.all, rest, ws, reached: ws.reached, baseUrl };
}

/** The exit code a report stands for: unreachable, else any difference or failed call, else clean. @public */
export function exitCodeOf(report: ContractReport): number {
  if (!report.reached) return ExitCode.Unreachable;
  const failures = report.rest.failures.length + (report.ws?.failures.length ?? 0);
  return report.differences.length > 0 || failures > 0 ? ExitCode.Differences : ExitCode.Clean;
}

/**
 * The report as printed: one line per difference, then failures (one line per cause, with the calls
 * it failed), skips, silent channels, why a server could not be reached, and a summary.
 * @public
 */
export function formatReport(report: ContractReport): string[] {
  const lines = report.differences.map(formatDifference);
  const { rest, ws } = report;
  lines.push(...formatFailures([...rest.failures, ...(ws?.failures ?? [])]));
  for (const { subject, reason } of rest.skipped) lines.push(`skipped REST ${subject}: ${reason}`);
  for (const { subject, reason } of ws?.skipped ?? []) lines.push(`skipped WS ${subject}: ${reason}`);
  for (const label of ws?.silent ?? []) lines.push(`note: nothing arrived on ${label} while listening`);
  if (!rest.reached)
    lines.push(`could not reach the REST API at ${report.baseUrl}: ${rest.unreachable ?? 'no answer'}`);
  else if (ws && !ws.reached) lines.push(`could not reach the WebSocket stream at ${ws.unreachable ?? 'its URL'}`);
  const frames = Object.values(ws?.messages ?? {}).reduce((a, b) => a + b, 0);
  lines.push(
    `summary: ${report.differences.length} difference(s); REST ${rest.checked.length} operation(s) checked, ` +
      `${rest.skipped.length} skipped, ${rest.failures.length} failed; WebSocket ${ws?.checked.length ?? 0} ` +
      `subscription(s)/request(s), ${frames} valid frame(s), ${ws?.failures.length ?? 0} failed`,
  );
  return lines;
}
