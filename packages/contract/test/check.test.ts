// The check as a function against the standalone mock server: a clean mock passes with every
// read-only operation and every public channel checked; injected differences are each reported
// with their operation or message, JSON pointer and the value seen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationTable, type OperationSpec } from '@ascendex-toolkit/client';
import { startMockServer, type MockServer } from '@ascendex-toolkit/mocks/server';
import {
  ContractUsageError,
  exitCodeOf,
  formatReport,
  runContractCheck,
  type ContractReport,
  type Difference,
} from '../src/index.js';
import { differingServer } from './support.js';

const getOperations = (Object.values(operationTable) as OperationSpec[]).filter((op) => op.method === 'GET');
const ids = (ops: OperationSpec[]) => ops.map((op) => op.id).sort();

describe('a clean mock', () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await startMockServer({ marketIntervalMs: 50 });
    // An open order, so that getOrderStatus has an id to ask about.
    server.exchange.placeOrder(
      server.account,
      'cash',
      {
        symbol: 'BTC/USDT',
        orderType: 'limit',
        side: 'buy',
        orderPrice: '20000',
        orderQty: '0.01',
        time: Date.now(),
      } as never,
      'rest',
    );
  });
  afterAll(() => server.close());

  it('passes without keys: every public GET operation and every public channel and request, no difference', async () => {
    const report = await runContractCheck({ baseUrl: server.restUrl, wsSeconds: 0.5 });
    expect(report.differences).toEqual([]);
    expect(exitCodeOf(report)).toBe(0);
    expect(report.rest.checked.sort()).toEqual(ids(getOperations.filter((op) => op.auth === undefined)));
    expect(report.ws?.checked).toEqual([
      'sub depth:BTC/USDT',
      'sub bbo:BTC/USDT',
      'sub trades:BTC/USDT',
      'sub bar:1:BTC/USDT',
      'sub ref-px:BTC',
      'req depth-snapshot',
      'req depth-snapshot-top100',
      'req market-trades',
    ]);
    expect(report.ws?.messages.DepthMessage).toBeGreaterThan(0);
    expect(formatReport(report).at(-1)).toMatch(/^summary: 0 difference\(s\)/);
  });

  it('passes with keys: every GET operation (signed ones too, none skipped) and the authenticated channels', async () => {
    const report = await runContractCheck({
      baseUrl: server.restUrl,
      apiKey: server.account.apiKey,
      secret: server.account.secret,
      wsSeconds: 0.3,
    });
    expect(report.differences).toEqual([]);
    expect(report.rest.skipped).toEqual([]);
    expect(report.rest.failures).toEqual([]);
    expect(report.rest.checked.sort()).toEqual(ids(getOperations));
    expect(report.ws?.checked).toEqual(expect.arrayContaining(['sub depth-realtime:BTC/USDT', 'sub order:cash']));
    expect(exitCodeOf(report)).toBe(0);
    expect(formatReport(report).join('\n')).not.toContain(server.account.secret);
  });
});

describe('a mock that differs from the spec', () => {
  let server: Awaited<ReturnType<typeof differingServer>>;
  let report: ContractReport;
  beforeAll(async () => {
    server = await differingServer();
    report = await runContractCheck({ baseUrl: server.restUrl, wsSeconds: 0.5 });
  });
  afterAll(async () => {
    server.stopFaults();
    await server.close();
  });

  const find = (subject: string, pointer: string): Difference | undefined =>
    report.differences.find((d) => d.subject === subject && d.pointer === pointer);

  it('reports a price sent as a number, with the value seen', () => {
    expect(find('getDepth', '/data/data/asks/0/0')).toMatchObject({ transport: 'rest', value: '30000.5' });
  });

  it('reports a missing required field as absent', () => {
    expect(find('getDepth', '/data/data/ts')).toMatchObject({ value: '(absent)' });
    expect(find('getDepth', '/data/data/ts')?.problem).toMatch(/required/);
  });

  it('reports an enum value the spec does not have', () => {
    expect(find('listBarIntervals', '/data/0/name')).toMatchObject({ value: '"2h"' });
    expect(find('listBarIntervals', '/data/0/name')?.problem).toMatch(/allowed values/);
  });

  it('reports a WebSocket message with a bad field, counting repeats', () => {
    const bbo = find('BboMessage', '/data/bid');
    expect(bbo).toMatchObject({ transport: 'ws', value: '42' });
    expect(bbo!.count).toBeGreaterThan(1);
  });

  it('reports a message kind the spec does not have', () => {
    expect(find('unknown message', '/m')).toMatchObject({ transport: 'ws', value: '"summary"' });
  });

  it('reports nothing else and exits with the differences code', () => {
    expect(report.differences.map((d) => `${d.subject} ${d.pointer}`).sort()).toEqual([
      'BboMessage /data/bid',
      'getDepth /data/data/asks/0/0',
      'getDepth /data/data/ts',
      'listBarIntervals /data/0/name',
      'unknown message /m',
    ]);
    expect(exitCodeOf(report)).toBe(1);
    expect(formatReport(report)).toContain('REST getDepth /data/data/asks/0/0: must be string; seen 30000.5');
  });
});

describe('a server that cannot be reached', () => {
  it('says so with the URL and the cause, with its own exit code', async () => {
    const server = await startMockServer({ marketIntervalMs: 0 });
    const baseUrl = server.restUrl;
    await server.close();
    const report = await runContractCheck({ baseUrl, wsSeconds: 0, timeoutMs: 1_000 });
    expect(report.reached).toBe(false);
    expect(exitCodeOf(report)).toBe(3);
    expect(report.rest.unreachable).toBe(
      `AscendexNetworkError: GET ${baseUrl}/api/pro/v1/cash/products network failure: fetch failed: connect ECONNREFUSED ${new URL(baseUrl).host} (ECONNREFUSED)`,
    );
    expect(formatReport(report)).toContain(`could not reach the REST API at ${baseUrl}: ${report.rest.unreachable}`);
  });

  it('says which stream URL could not be reached, and why', async () => {
    const server = await startMockServer({ marketIntervalMs: 0 });
    const gone = await startMockServer({ marketIntervalMs: 0 });
    const wsUrl = gone.restUrl.replace(/^http/, 'ws');
    await gone.close();
    try {
      const report = await runContractCheck({ baseUrl: server.restUrl, wsUrl, wsSeconds: 0, timeoutMs: 1_000 });
      expect(exitCodeOf(report)).toBe(3);
      expect(report.ws?.unreachable).toMatch(
        new RegExp(`^${wsUrl}/api/pro/v1/stream: AscendexWsConnectError: .*ECONNREFUSED`),
      );
      expect(formatReport(report)).toContain(`could not reach the WebSocket stream at ${report.ws?.unreachable}`);
    } finally {
      await server.close();
    }
  });
});

describe('a wrong secret', () => {
  let server: MockServer;
  let report: ContractReport;
  beforeAll(async () => {
    server = await startMockServer({ marketIntervalMs: 50 });
    report = await runContractCheck({
      baseUrl: server.restUrl,
      apiKey: server.account.apiKey,
      secret: 'not-the-secret',
      wsSeconds: 0.2,
    });
  });
  afterAll(() => server.close());

  it('fails every signed call with one cause, printed once with the calls it failed', () => {
    const signed = getOperations.filter((op) => op.auth !== undefined).map((op) => op.id);
    const failed = report.rest.failures.map((f) => f.subject);
    // Every signed GET that was called (two are skipped for want of an earlier answer).
    expect(failed.sort()).toEqual(signed.filter((id) => !['getBalanceHistory', 'getOrderStatus'].includes(id)).sort());
    const problem = 'AuthError: 200001 AUTHENTICATION_FAILED: signature does not match';
    expect(new Set(report.rest.failures.map((f) => f.problem))).toEqual(new Set([problem]));
    const lines = formatReport(report);
    expect(lines.filter((l) => l.startsWith('FAILED'))).toEqual([`FAILED ${failed.length} calls: ${problem}`]);
    const at = lines.indexOf(`FAILED ${failed.length} calls: ${problem}`);
    expect(lines[at + 1]).toBe(`  ${report.rest.failures.map((f) => f.subject).join(', ')}`);
    expect(lines[at + 2]).toBe('  the server refused the API key or its signature: check the key and the secret');
    expect(exitCodeOf(report)).toBe(1);
  });

  it('says which channels it could not check without a session, rather than checking fewer silently', () => {
    expect(report.ws?.skipped).toEqual([
      {
        subject: 'depth-realtime:BTC/USDT',
        reason: 'no authenticated session: the account group is unknown (getAccountInfo failed)',
      },
      {
        subject: 'order:cash',
        reason: 'no authenticated session: the account group is unknown (getAccountInfo failed)',
      },
    ]);
    expect(formatReport(report)).toContain(
      'skipped WS order:cash: no authenticated session: the account group is unknown (getAccountInfo failed)',
    );
    expect(report.ws?.checked).toContain('sub depth:BTC/USDT');
  });
});

// Two mock servers and two sessions: about 1.5 s on an idle machine, past 15 s on a loaded two-core one.
describe('a stream that refuses the key the REST API accepts', { timeout: 60_000 }, () => {
  it('reports the refused authentication, checks the public channels and lists the others as skipped', async () => {
    const rest = await startMockServer({ marketIntervalMs: 50 });
    // The same key with another secret: the REST calls are signed right, the stream's auth is refused.
    const stream = await startMockServer({
      marketIntervalMs: 50,
      apiKey: rest.account.apiKey,
      secret: 'another-secret',
    });
    try {
      const report = await runContractCheck({
        baseUrl: rest.restUrl,
        wsUrl: stream.restUrl.replace(/^http/, 'ws'),
        apiKey: rest.account.apiKey,
        secret: rest.account.secret,
        wsSeconds: 0.2,
      });
      expect(report.rest.failures).toEqual([]);
      expect(report.reached).toBe(true);
      expect(report.ws?.failures).toEqual([
        {
          subject: 'ws auth',
          problem: expect.stringMatching(/^AscendexWsAuthError: wsAuthenticate: authentication failed \(200001\)/),
        },
      ]);
      expect(report.ws?.skipped.map((s) => `${s.subject}: ${s.reason}`)).toEqual([
        'depth-realtime:BTC/USDT: authentication was refused',
        'order:cash: authentication was refused',
      ]);
      expect(report.ws?.checked).toEqual(expect.arrayContaining(['sub depth:BTC/USDT', 'req depth-snapshot']));
      expect(exitCodeOf(report)).toBe(1);
      const lines = formatReport(report).join('\n');
      expect(lines).toMatch(/^FAILED ws auth: AscendexWsAuthError: /m);
      expect(lines).not.toContain(rest.account.secret);
    } finally {
      await stream.close();
      await rest.close();
    }
  });
});

describe('a URL without its scheme', () => {
  it.each([
    [
      'baseUrl',
      { baseUrl: '127.0.0.1:8080' },
      'baseUrl must be a URL such as https://127.0.0.1:8080, not "127.0.0.1:8080"',
    ],
    ['baseUrl', { baseUrl: 'localhost:8080' }, 'baseUrl must start with http:// or https://, not "localhost:8080"'],
    ['wsUrl', { wsUrl: 'http://127.0.0.1:8080' }, 'wsUrl must start with ws:// or wss://, not "http://127.0.0.1:8080"'],
  ])('%s %j is refused before anything is sent', async (_, options, message) => {
    await expect(runContractCheck(options)).rejects.toThrow(new ContractUsageError(message));
  });
});
