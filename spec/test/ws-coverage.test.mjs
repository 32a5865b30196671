// Every channel of the docs' channel table, every action of the supported-action table and every
// `m` value shown in a sample maps to something in the AsyncAPI document.
import { describe, it, expect } from 'vitest';
import { refName, resolveRef } from '@ascendex-toolkit/codegen-core';
import { asyncapi } from './load.mjs';
import { docsPresent, docsFiles, SKIP_REASON } from './docs.mjs';

const file = (name) => docsFiles().find((f) => f.file === name)?.text ?? '';
const schemaOf = (node) => resolveRef(asyncapi, node);

/** const values of a top-level payload field across all server messages. */
function serverConsts(field) {
  const values = new Set();
  for (const message of Object.values(asyncapi.components.messages)) {
    const payload = schemaOf(message.payload);
    const c = schemaOf(payload?.properties?.[field])?.const;
    if (c !== undefined) values.add(c);
  }
  return values;
}

describe('WebSocket coverage against the docs', () => {
  const channelTable = [...file('_ws_sub.md').matchAll(/^\s*(?:public|Private)\s*\|\s*`([a-z-]+):/gim)].map(
    (m) => m[1],
  );
  const realtime = /`depth-realtime:/.test(file('misc/real_time_orderbook_feed.md')) ? ['depth-realtime'] : [];
  // The supported-action table: from its heading to the next heading.
  const actionSection =
    file('_ws_req.md')
      .split(/^#+\s*Supported action\s*$/im)[1]
      ?.split(/^#/m)[0] ?? '';
  const actionTable = [...actionSection.matchAll(/^\*\*([a-z0-9-]+)\*\*\s*\|/gim)].map((m) => m[1]);
  const orderStatus = /"action"\s*:\s*"order-status"/.test(file('_ws_req_order_status_expr.md'))
    ? ['order-status']
    : [];
  const wsFiles = () => docsFiles().filter((f) => /^(_ws_|_expr|misc\/(real_time|ws_order))/.test(f.file));
  const mValues = [...new Set(wsFiles().flatMap((f) => [...f.text.matchAll(/"m"\s*:\s*"([^"]+)"/g)].map((m) => m[1])))];

  it.skipIf(!docsPresent)('reads the tables and samples', () => {
    expect(channelTable).toEqual(expect.arrayContaining(['depth', 'bbo', 'trades', 'bar', 'ref-px', 'order']));
    expect(actionTable.length).toBeGreaterThanOrEqual(9);
    expect(mValues.length).toBeGreaterThan(10);
  });

  it.skipIf(!docsPresent).each([...channelTable, ...realtime].map((c) => [c]))(
    'channel %s has a topic channel',
    (name) => {
      const addresses = Object.values(asyncapi.channels)
        .map((c) => c.address)
        .filter(Boolean);
      expect(
        addresses.some((a) => a.startsWith(`${name}:`)),
        `no channel address ${name}:...`,
      ).toBe(true);
    },
  );

  it.skipIf(!docsPresent).each([...actionTable, ...orderStatus].map((a) => [a]))(
    'action %s has a request operation',
    (action) => {
      const ops = Object.values(asyncapi.operations).filter((o) => o['x-ascendex-request']?.action === action);
      expect(ops).toHaveLength(1);
      expect(ops[0].action).toBe('send');
      expect(ops[0].reply?.messages?.length).toBeGreaterThan(0);
    },
  );

  it.skipIf(!docsPresent).each(mValues.map((m) => [m]))('server message m=%s is modelled', (m) => {
    expect(serverConsts('m').has(m), `no message with m: ${m}`).toBe(true);
  });

  it.skipIf(docsPresent)(`is skipped: ${SKIP_REASON}`, () => {
    expect(docsPresent).toBe(false);
  });
});

describe('server message dispatch metadata', () => {
  const listed = asyncapi['x-ascendex-server-messages'] ?? [];

  it('lists every message the server sends, once', () => {
    const received = new Set();
    for (const op of Object.values(asyncapi.operations)) {
      const names = op.action === 'receive' ? op.messages : (op.reply?.messages ?? []);
      for (const ref of names) received.add(refName(ref.$ref));
    }
    const names = [...received].map((key) => {
      for (const ch of Object.values(asyncapi.channels)) {
        if (ch.messages?.[key]) return refName(ch.messages[key].$ref);
      }
      return key;
    });
    expect(new Set(listed).size).toBe(listed.length);
    expect([...new Set(names)].sort()).toEqual([...listed].sort());
  });

  it('names the discriminating fields', () => {
    expect(asyncapi['x-ascendex-discriminators']).toEqual(['op', 'm', 'action', 'status', 'ac']);
  });
});
