// `redocly lint` with the committed ruleset (redocly.yaml) reports nothing for openapi.yaml.
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { specDir } from '@ascendex-toolkit/codegen-core';

describe('redocly lint', () => {
  it('finds no errors or warnings in openapi.yaml', () => {
    const run = spawnSync(
      path.join(specDir, 'node_modules/.bin/redocly'),
      ['lint', 'openapi.yaml', '--config', 'redocly.yaml', '--format', 'json', '--max-problems', '1000'],
      {
        cwd: specDir,
        encoding: 'utf8',
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      },
    );
    const json = run.stdout.slice(run.stdout.indexOf('{'));
    const report = JSON.parse(json);
    const problems = report.problems.map(
      (p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location?.[0]?.pointer}`,
    );
    expect(problems).toEqual([]);
    expect(run.status).toBe(0);
  });
});
