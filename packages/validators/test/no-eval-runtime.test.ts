// Runtime proof of CSP safety: with code generation from strings disabled (what a
// Content-Security-Policy without 'unsafe-eval' does in a browser), the built package still
// validates, while Ajv's own runtime compiler fails under the same restriction.
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist/index.js');

const script = `
  const v = await import(${JSON.stringify(pathToFileURL(dist).href)});
  const depth = { m: 'depth', symbol: 'BTC/USDT', data: { ts: 1, seqnum: 2, asks: [['1', '2']], bids: [] } };
  const result = {
    valid: v.isDepthMessage(depth) && v.validateServerMessage(depth).ok,
    invalid: v.isDepthMessage({ ...depth, symbol: 7 }),
    parsed: v.parseServerMessage('{"m":"ping","hp":3}').name,
    // The frame readers of the high-rate messages (generated code, no RegExp for the decimals).
    read: v.readServerMessage(JSON.stringify(depth)).name,
  };
  try {
    const { default: Ajv } = await import('ajv');
    new Ajv({ logger: false }).compile({ type: 'string' });
    result.ajvRuntime = 'compiled';
  } catch (e) {
    result.ajvRuntime = e.name;
  }
  console.log(JSON.stringify(result));
`;

describe('validators with code generation from strings disabled', () => {
  it.skipIf(!existsSync(dist))('validate, while a runtime compiler cannot', () => {
    const run = spawnSync(
      process.execPath,
      ['--disallow-code-generation-from-strings', '--input-type=module', '-e', script],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      valid: true,
      invalid: false,
      parsed: 'ServerPingMessage',
      read: 'DepthMessage',
      ajvRuntime: 'EvalError',
    });
  });
});
