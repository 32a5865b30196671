// A call the check made that failed, and how failures are shown: the error without the operation
// it names (that is the failure's subject), so that the same cause reads the same for every call
// it broke; failures with one cause are printed as one group (a wrong secret fails every signed
// call, each through the account-group lookup: one line, not fourteen).

/** @public */
export interface CallFailure {
  /** What was called: a REST operationId (`getCashBalance`), `sub depth:BTC/USDT`, `req depth-snapshot`, `ws auth`. */
  readonly subject: string;
  /** What went wrong: the error's class and message (`AuthError: 200001 AUTHENTICATION_FAILED: ...`). */
  readonly problem: string;
}

/**
 * An error as one line: its class and message, without the `<operationId>: ` the toolkit's errors
 * start with, and with the cause's code where the message lacks it.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return `unexpected failure: ${String(error)}`;
  const operationId = (error as { operationId?: unknown }).operationId;
  const message =
    typeof operationId === 'string' && error.message.startsWith(`${operationId}: `)
      ? error.message.slice(operationId.length + 2)
      : error.message;
  return `${error.name}: ${message}`;
}

/** Failures grouped by their problem, in the order each problem was first seen. */
export function groupFailures(failures: readonly CallFailure[]): { problem: string; subjects: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const { subject, problem } of failures) groups.set(problem, [...(groups.get(problem) ?? []), subject]);
  return [...groups].map(([problem, subjects]) => ({ problem, subjects }));
}

/** The printed lines of the failures: one per problem, its calls listed when there are several. */
export function formatFailures(failures: readonly CallFailure[]): string[] {
  return groupFailures(failures).flatMap(({ problem, subjects }) => {
    const lines =
      subjects.length === 1
        ? [`FAILED ${subjects[0]}: ${problem}`]
        : [`FAILED ${subjects.length} calls: ${problem}`, `  ${subjects.join(', ')}`];
    if (/^(AuthError|AscendexWsAuthError): /.test(problem))
      lines.push('  the server refused the API key or its signature: check the key and the secret');
    return lines;
  });
}
