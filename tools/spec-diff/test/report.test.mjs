import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatReport, readAcknowledgements, unacknowledgedBreaking } from '../src/report.mjs';

/** @type {import('../src/classify.mjs').SpecChanges} */
const changes = {
  openapi: [
    { type: 'breaking', action: 'remove', pointer: '/paths/~1order/post', description: 'removed POST /order' },
    { type: 'non-breaking', action: 'add', pointer: '/paths/~1ping/get', description: 'added GET /ping' },
  ],
  asyncapi: [{ type: 'breaking', action: 'remove', pointer: '/channels/trades', description: 'removed trades' }],
};

/** @param {string} text */
function file(text) {
  const name = path.join(mkdtempSync(path.join(tmpdir(), 'spec-diff-ack-')), 'ack.yaml');
  writeFileSync(name, text);
  return name;
}

describe('report', () => {
  it('groups changes per document and type, with pointers', () => {
    const report = formatReport(changes, 'main');
    expect(report).toContain('openapi: 1 breaking, 1 non-breaking, 0 annotation');
    expect(report).toMatch(/breaking:\n {4}\/paths\/~1order\/post\n {6}removed POST \/order/);
    expect(report).toContain('asyncapi: 1 breaking');
  });
  it('a breaking change counts until it is acknowledged for its document and pointer', () => {
    expect(unacknowledgedBreaking(changes, []).map((c) => c.change.pointer)).toEqual([
      '/paths/~1order/post',
      '/channels/trades',
    ]);
    const ack = readAcknowledgements(
      file(
        '- { document: openapi, pointer: /paths/~1order/post, reason: the exchange retired it }\n' +
          '- { document: openapi, pointer: /channels/trades, reason: wrong document }\n',
      ),
    );
    expect(unacknowledgedBreaking(changes, ack).map((c) => c.document)).toEqual(['asyncapi']);
  });
  it('refuses an acknowledgement without a reason', () => {
    expect(() => readAcknowledgements(file('- { document: openapi, pointer: /x }\n'))).toThrow(/entry 0 needs/);
    expect(() => readAcknowledgements(file('document: openapi\n'))).toThrow(/expected a list/);
  });
});
