// A static server on 127.0.0.1 for the browser page: the bundled page script, its HTML, and MSW's
// service worker script at the page's origin (a service worker must come from the origin it
// controls). The page is bundled in memory with esbuild for the browser.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

const html = `<!doctype html>
<html>
  <head><meta charset="utf-8" /><title>AscendEX toolkit in the browser</title></head>
  <body><script type="module" src="/main.js"></script></body>
</html>
`;

/** Bundles page/main.mjs (client, client/ws, msw/browser, mocks) as one browser ES module. */
export async function bundlePage() {
  const result = await build({
    entryPoints: [path.join(here, '../page/main.mjs')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  const [file] = result.outputFiles;
  if (!file) throw new Error('esbuild produced no output for the page');
  return file.text;
}

/**
 * Serves the page on 127.0.0.1 at a free port.
 * @returns {Promise<{ url: string, close(): Promise<void> }>}
 */
export async function startPageServer() {
  const [script, worker] = await Promise.all([
    bundlePage(),
    readFile(require.resolve('msw/mockServiceWorker.js'), 'utf8'),
  ]);
  /** @type {Record<string, [string, string]>} */
  const files = {
    '/': ['text/html', html],
    '/main.js': ['text/javascript', script],
    '/mockServiceWorker.js': ['text/javascript', worker],
  };
  const server = createServer((req, res) => {
    const file = files[new URL(req.url ?? '/', 'http://127.0.0.1').pathname];
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': `${file[0]}; charset=utf-8`, 'cache-control': 'no-store' }).end(file[1]);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the page server has no port');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => new Promise((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
