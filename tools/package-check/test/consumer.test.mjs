// The consumer test: the packed packages installed into a fresh project outside the workspace,
// a script type-checked with tsc (strict, NodeNext) and run against the standalone mock server of
// the installed mocks package, on this Node (20) and on Node 22 and 24 from the registry.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createConsumerProject } from '../src/consumer-project.mjs';
import { nodeBinary, nodeVersions } from '../src/node-binaries.mjs';
import { run } from '../src/run.mjs';

const tarballs = inject('tarballs');

describe('a consumer project outside the workspace', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ascendex-consumer-'));
  /** @type {Record<string, string>} Node version -> binary */
  const nodes = { [process.versions.node]: process.execPath };

  beforeAll(async () => {
    // The install and the Node downloads overlap.
    const [{ installMs }, ...binaries] = await Promise.all([
      createConsumerProject(dir, tarballs),
      ...nodeVersions.map((version) => nodeBinary(version)),
    ]);
    nodeVersions.forEach((version, i) => (nodes[version] = /** @type {string} */ (binaries[i])));
    console.log(`consumer: npm install ${Math.round(installMs)} ms`);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('type-checks and compiles with tsc (strict, NodeNext, library declarations checked)', async () => {
    const tsc = await run(process.execPath, [path.join(dir, 'node_modules/typescript/bin/tsc'), '-p', dir]);
    expect(tsc.status, `${tsc.stdout}${tsc.stderr}`).toBe(0);
  });

  it('type-checks a client-only app without the DOM lib', async () => {
    const project = path.join(dir, 'tsconfig.client-only.json');
    const tsc = await run(process.execPath, [path.join(dir, 'node_modules/typescript/bin/tsc'), '-p', project]);
    expect(tsc.status, `${tsc.stdout}${tsc.stderr}`).toBe(0);
  });

  it.each([process.versions.node, ...nodeVersions])('runs against the mock server on Node %s', async (version) => {
    const node = /** @type {string} */ (nodes[version]);
    const result = await run(node, [path.join(dir, 'out/consumer.js')], { cwd: dir, timeoutMs: 60_000 });
    console.log(`consumer: Node ${version} ${Math.round(result.ms)} ms`);
    const output = `${result.stdout}${result.stderr}`;
    expect(result.status, output).toBe(0);
    expect(result.stdout).toMatch(version.startsWith('20.') ? /^websocket: ws package$/m : /^websocket: global$/m);
    expect(result.stdout).toMatch(/^spec: openapi \d+\.\d+\.\d+, asyncapi.yaml resolved$/m);
    expect(result.stdout).toMatch(/^public: depth BTC\/USDT best bid \d+(\.\d+)? x \d+(\.\d+)?$/m);
    expect(result.stdout).toMatch(/^signed: account group 6, \d+ balances$/m);
    expect(result.stdout).toMatch(/^refused: [A-Z_]+$/m);
    expect(result.stdout).toMatch(/^websocket: depth BTC\/USDT seqnum \d+$/m);
    expect(result.stdout).toMatch(/^consumer: ok$/m);
  });

  it('has the ascendex-mock bin, which serves the public REST API', async () => {
    const bin = path.join(dir, 'node_modules/.bin/ascendex-mock');
    const child = spawn(bin, ['--port', '0', '--market-interval', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const restUrl = await new Promise((resolve, reject) => {
        let seen = '';
        child.stdout.on('data', (chunk) => {
          seen += chunk;
          const match = /^REST base URL: (\S+)$/m.exec(seen);
          if (match) resolve(match[1]);
        });
        child.on('exit', (code) => reject(new Error(`ascendex-mock exited with ${code}: ${seen}`)));
      });
      const answer = await fetch(`${restUrl}/api/pro/v1/spot/ticker?symbol=BTC/USDT`);
      expect(answer.status).toBe(200);
      expect(await answer.json()).toMatchObject({ code: 0, data: { symbol: 'BTC/USDT' } });
    } finally {
      child.kill();
    }
  });
});
