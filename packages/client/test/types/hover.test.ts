// What an editor shows on hover, asked of TypeScript's language service the way an editor asks it:
// a consumer file importing the built packages by name (@ascendex-toolkit/client, its /ws entry,
// @ascendex-toolkit/types). Hovers read the spec's type names (`Decimal`, `DepthData`,
// `TimestampMs`), never openapi-typescript's `components["schemas"]["Decimal"]`, and an input type
// shows its fields, not the intersection it is built from.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
// In the package's own folder, so that `@ascendex-toolkit/client` resolves to this package's
// `exports` (a self-reference, as for a user: dist/*.d.ts) and the types package to its dependency.
const consumer = path.join(here, 'hover-consumer.ts');

// Each `/*N*/` marks the identifier right before it.
const source = `
import { AscendexClient, type GetBarHistoryInput, type PlaceOrderInput } from '@ascendex-toolkit/client';
import { WsConnection } from '@ascendex-toolkit/client/ws';
import type { AccountInfo, Decimal, DepthMessage, GetOrderStatusParams, PlaceOrderBody, TimestampMs } from '@ascendex-toolkit/types';

type T1 = Decimal/*decimal*/;
type T2 = TimestampMs/*timestamp*/;
type T3 = AccountInfo/*account*/;
type T4 = DepthMessage/*depthMessage*/;
type T5 = GetOrderStatusParams/*orderStatusParams*/;
type T6 = PlaceOrderBody/*placeOrderBody*/;
type T7 = GetBarHistoryInput/*barInput*/;
type T8 = PlaceOrderInput/*placeInput*/;

declare const client: AscendexClient;
declare const ws: WsConnection;
const depth = await client.getDepth({ symbol: 'BTC/USDT' });
const bids/*bids*/ = depth.data.bids;
const ack/*ack*/ = await client.placeOrder({ accountCategory: 'cash', symbol: 'BTC/USDT', orderType: 'limit', side: 'buy', orderPrice: '1', orderQty: '1' });
const stream = await ws.subscribe('depth', 'BTC/USDT');
for await (const update/*update*/ of stream) console.log(update);
const snapshot/*snapshot*/ = await ws.request('depth-snapshot', { symbol: 'BTC/USDT' });
export {};
`;

const options: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
  types: ['node'],
  strict: true,
  noEmit: true,
};

let service: ts.LanguageService;
beforeAll(() => {
  const host: ts.LanguageServiceHost = {
    getScriptFileNames: () => [consumer],
    getScriptVersion: () => '1',
    getScriptSnapshot: (file) =>
      file === consumer
        ? ts.ScriptSnapshot.fromString(source)
        : ts.sys.fileExists(file)
          ? ts.ScriptSnapshot.fromString(ts.sys.readFile(file) ?? '')
          : undefined,
    getCurrentDirectory: () => here,
    getCompilationSettings: () => options,
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: (file) => file === consumer || ts.sys.fileExists(file),
    readFile: (file) => (file === consumer ? source : ts.sys.readFile(file)),
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
    realpath: ts.sys.realpath,
  };
  service = ts.createLanguageService(host);
});

/** The hover text of the identifier before `/*marker*\/`. */
function hover(marker: string): string {
  const at = source.indexOf(`/*${marker}*/`);
  if (at < 0) throw new Error(`no marker ${marker}`);
  const info = service.getQuickInfoAtPosition(consumer, at - 1);
  return ts.displayPartsToString(info?.displayParts);
}

// The first question (in whichever order the tests run) makes the service load and check every
// declaration the consumer reaches: about a second on an idle machine, more than vitest's default
// 5 s on a loaded two-core one.
it('the consumer compiles against the built packages', { timeout: 60_000 }, () => {
  const diagnostics = service.getSemanticDiagnostics(consumer).concat(service.getSyntacticDiagnostics(consumer));
  expect(diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
});

describe('hovers name the spec types', { timeout: 60_000 }, () => {
  it.each([
    ['decimal', 'type Decimal = string'],
    ['timestamp', 'type TimestampMs = number'],
    ['bids', 'const bids: PriceLevel[]'],
    ['ack', 'const ack: PlaceOrderAckResult | PlaceOrderExecResult'],
    ['update', 'const update: DepthMessage'],
    ['snapshot', 'const snapshot: DepthSnapshot'],
    [
      'placeOrderBody',
      'type PlaceOrderBody = MarketOrderArgs | LimitOrderArgs | StopMarketOrderArgs | StopLimitOrderArgs',
    ],
  ])('%s: %s', (marker, expected) => {
    expect(hover(marker)).toContain(expected);
  });

  it('shows the fields of a schema with their types by name', () => {
    const account = hover('account');
    expect(account).toContain('expireTime?: TimestampMsOrNever;');
    expect(account).toContain('cashAccount: AccountId[];');
    expect(hover('depthMessage')).toContain(
      'type DepthMessage = {\n    m: "depth";\n    symbol: Symbol;\n    data: DepthData;\n}',
    );
  });

  it('shows the path and query parameters of an operation as one object', () => {
    expect(hover('orderStatusParams')).toContain(
      'type GetOrderStatusParams = {\n    accountGroup: number;\n    accountCategory: AccountCategory;\n    orderId?: string;\n}',
    );
  });

  it('never shows components["schemas"] or components["parameters"]', () => {
    const markers = [...source.matchAll(/\/\*(\w+)\*\//g)].map((m) => m[1] ?? '');
    const all = markers.map((m) => `${m}: ${hover(m)}`).join('\n');
    expect(all).not.toMatch(/components\[/);
  });
});

describe("hovers show an input's fields", { timeout: 60_000 }, () => {
  it('GetBarHistoryInput', () => {
    expect(hover('barInput')).toContain(
      'type GetBarHistoryInput = {\n    symbol: Symbol;\n    interval: BarInterval;\n    to?: TimestampMs;\n    from?: TimestampMs;\n    n?: number;\n}',
    );
  });

  it('PlaceOrderInput: each order type written out, the path field and the body fields side by side', () => {
    const input = hover('placeInput');
    expect(input).not.toMatch(/Omit<|WithOptionalTime<|&/);
    expect(input).toMatch(
      /^\(alias\) type PlaceOrderInput = \{\n {4}accountCategory: AccountCategory;\n {4}symbol: Symbol;/,
    );
    expect(input).toContain('orderType: "market";');
    expect(input).toContain('time?: number | undefined;');
  });
});
