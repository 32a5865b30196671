// How long `ascendex-mock` takes to exit after SIGTERM with open sockets and requests in flight,
// over 5 starts; prints each and the worst. `node bench/sigterm.mjs` after `pnpm build`.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';

const cli = fileURLToPath(new URL('../dist/server/cli.js', import.meta.url));
const times = [];
for (let run = 0; run < 5; run++) {
  const child = spawn(process.execPath, [cli, '--port', '0', '--market-interval', '100'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (c) => (output += c));
  while (!/^WebSocket URL: (\S+)/m.test(output)) await once(child.stdout, 'data');
  const restUrl = /REST base URL: (\S+)/.exec(output)[1];
  const wsUrl = /^WebSocket URL: (\S+)/m.exec(output)[1];
  const sockets = await Promise.all(
    Array.from({ length: 20 }, async () => {
      const s = new WebSocket(wsUrl.replace('/6/', '/'));
      s.on('error', () => {});
      await once(s, 'open');
      s.send(JSON.stringify({ op: 'sub', id: 'd', ch: 'depth:BTC/USDT' }));
      return s;
    }),
  );
  for (let i = 0; i < 20; i++)
    request(`${restUrl}/api/pro/v1/depth?symbol=BTC/USDT`)
      .on('error', () => {})
      .end();
  const started = performance.now();
  child.kill('SIGTERM');
  const [code] = await once(child, 'exit');
  times.push(performance.now() - started);
  console.log(`sigterm: run ${run + 1}: exit code ${code} after ${Math.round(times.at(-1))} ms`);
  for (const s of sockets) s.terminate();
}
console.log(`sigterm: worst ${Math.round(Math.max(...times))} ms over ${times.length} runs (bound: 1000 ms)`);
