// An app that reads public market data only must not bundle signing, account-group discovery, the
// JSON writer of request bodies or the validators of operations it does not call. Bundled with esbuild from the package's sources,
// as an app's bundler would (the package is side-effect free).
import { describe, it, expect } from 'vitest';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const packageRoot = fileURLToPath(new URL('../..', import.meta.url));

async function bundle(app: string): Promise<string> {
  const result = await build({
    stdin: { contents: app, resolveDir: packageRoot, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

describe('tree-shaking', () => {
  it('leaves signing and other operations out of a public market data app', async () => {
    const code = await bundle(`
      import { ClientCore, getDepth, getTicker } from './src/operations.js';
      const client = new ClientCore();
      export const run = () => Promise.all([getDepth(client, { symbol: 'BTC/USDT' }), getTicker(client)]);
    `);
    // What it calls is there (the validators name their schema in errors)...
    expect(code).toContain('GetDepthResponse');
    expect(code).toContain('GetTickerParams');
    // ...signing is not (the WebCrypto HMAC lives only behind signed operations' rows), nor the
    // JSON writer (only rows with a body carry it)...
    expect(code).not.toContain('HMAC');
    expect(code).not.toContain('cannot be serialised to JSON');
    // ...nor the validators of other operations, nor the discovery operation.
    for (const schema of [
      'GetMarketTradesResponse',
      'PlaceOrderBody',
      'GetAccountInfoResponse',
      'GetExchangeLatencyParams',
    ]) {
      expect(code).not.toContain(schema);
    }
  });

  it('brings signing in with the first signed operation', async () => {
    const code = await bundle(`
      import { ClientCore, placeOrder } from './src/operations.js';
      export const run = (client: ClientCore) => placeOrder(client, { accountCategory: 'cash', symbol: 'BTC/USDT', orderType: 'market', side: 'buy', orderQty: '1' });
    `);
    expect(code).toContain('HMAC');
    expect(code).toContain('cannot be serialised to JSON');
    expect(code).toContain('PlaceOrderBody');
    expect(code).toContain('GetAccountInfoResponse');
    expect(code).not.toContain('GetDepthResponse');
  });
});
