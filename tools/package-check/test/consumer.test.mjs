// The consumer test: the packed packages installed into a fresh project outside the workspace,
// a script type-checked with tsc (strict, NodeNext) and run against the standalone mock server of
// the installed mocks package, on this Node (20) and on Node 22 and 24 from the registry.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createRequire } from 'node:module';
import { repositoryBlocks } from '@ascendex-toolkit/docs-check/markdown-files';
import { startMockServerProcess } from '@ascendex-toolkit/docs-check/mock-server';
import { consumerManifest, createConsumerProject } from '../src/consumer-project.mjs';
import { nodeBinary, nodeVersions } from '../src/node-binaries.mjs';
import { readmeInstalls, writeReadmeApps } from '../src/readme-apps.mjs';
import { cleanEnv, run } from '../src/run.mjs';

const tarballs = inject('tarballs');

/**
 * `fn`'s promise, made on the first call and shared by the later ones.
 * @template T
 * @param {() => Promise<T>} fn
 * @returns {() => Promise<T>}
 */
const once = (fn) => {
  /** @type {Promise<T> | undefined} */
  let made;
  return () => (made ??= fn());
};

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

  it('installs only what the READMEs tell a user to install', () => {
    const manifest = consumerManifest(tarballs);
    const installed = [...Object.keys(manifest.dependencies), ...Object.keys(manifest.devDependencies)];
    const told = readmeInstalls(repositoryBlocks());
    expect(installed.filter((name) => !told.has(name))).toEqual([]);
  });

  // The compile is what the run tests execute: it runs once, for whichever of them comes first
  // (the suite also runs with its tests shuffled).
  const compile = once(() => run(process.execPath, [path.join(dir, 'node_modules/typescript/bin/tsc'), '-p', dir]));

  it('type-checks and compiles with tsc (strict, NodeNext, library declarations checked)', async () => {
    const tsc = await compile();
    expect(tsc.status, `${tsc.stdout}${tsc.stderr}`).toBe(0);
  });

  it('type-checks a client-only app without the DOM lib', async () => {
    const project = path.join(dir, 'tsconfig.client-only.json');
    const tsc = await run(process.execPath, [path.join(dir, 'node_modules/typescript/bin/tsc'), '-p', project]);
    expect(tsc.status, `${tsc.stdout}${tsc.stderr}`).toBe(0);
  });

  it.each([process.versions.node, ...nodeVersions])('runs against the mock server on Node %s', async (version) => {
    const node = /** @type {string} */ (nodes[version]);
    expect((await compile()).status, 'the consumer does not compile').toBe(0);
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

  describe('the README apps: every ts run and ts vitest block, as the READMEs say to build and run them', () => {
    // A folder of the project with the root README's tsconfig.json and one file per block.
    const appsDir = path.join(dir, 'readme-apps');
    /** @type {ReturnType<typeof writeReadmeApps>} */
    let apps;
    beforeAll(() => {
      apps = writeReadmeApps(appsDir);
    });

    const compileApps = once(() =>
      run(process.execPath, [path.join(dir, 'node_modules/typescript/bin/tsc'), '-p', appsDir]),
    );

    it('compile with tsc and the README tsconfig.json (strict, NodeNext, the libraries checked)', async () => {
      expect(apps.runs.map((r) => r.block.file)).toEqual(
        expect.arrayContaining(['packages/client/README.md', 'packages/contract/README.md']),
      );
      const tsc = await compileApps();
      expect(tsc.status, `${tsc.stdout}${tsc.stderr}`).toBe(0);
    });

    it.each([process.versions.node, ...nodeVersions])(
      'run against ascendex-mock and pass with vitest on Node %s',
      async (version) => {
        const node = /** @type {string} */ (nodes[version]);
        expect((await compileApps()).status, 'the README apps do not compile').toBe(0);
        const mocks = path.join(dir, 'node_modules/@ascendex-toolkit/mocks');
        const bin = path.join(
          mocks,
          createRequire(import.meta.url)(path.join(mocks, 'package.json')).bin['ascendex-mock'],
        );
        const server = await startMockServerProcess(bin, { node });
        try {
          for (const { block, script } of apps.runs) {
            const result = await run(node, [script], {
              cwd: appsDir,
              env: { ...cleanEnv(), ...server.env },
              timeoutMs: 60_000,
            });
            expect(
              result.status,
              `${block.file}:${block.line} on Node ${version}\n${result.stdout}${result.stderr}`,
            ).toBe(0);
          }
        } finally {
          await server.stop();
        }
        // As each block's first line says to run it (`npx vitest run --exclude 'dist/**'`).
        const args = [...new Set(apps.tests.map((t) => JSON.stringify(t.args)))];
        expect(args).toHaveLength(1);
        const vitest = await run(
          node,
          [path.join(dir, 'node_modules/vitest/vitest.mjs'), ...(apps.tests[0]?.args ?? [])],
          {
            cwd: appsDir,
            timeoutMs: 120_000,
          },
        );
        const output = stripVTControlCharacters(`${vitest.stdout}${vitest.stderr}`);
        expect(vitest.status, output).toBe(0);
        expect(output).toMatch(new RegExp(`Test Files +${apps.tests.length} passed \\(${apps.tests.length}\\)`));
        console.log(
          `consumer: ${apps.runs.length} README apps and ${apps.tests.length} vitest file(s) on Node ${version}`,
        );
      },
    );
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
