// The docs and the AsyncAPI document list the same topic channels and request actions, and every
// `m` value shown in a sample maps to a message of the document.
import { describe, it, expect } from 'vitest';
import { refName, resolveRef } from '@ascendex-toolkit/codegen-core';
import { asyncapi } from './load.mjs';
import { docsFiles, docsFile, itWithDocs, eachDocsRow } from './docs.mjs';

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

/** The `ch` name of every topic channel of the spec (`depth:{symbol}` -> `depth`). */
const specChannels = Object.values(asyncapi.channels)
  .map((c) => c.address)
  .filter(Boolean)
  .map((a) => a.split(':')[0]);
/** The `action` of every request operation of the spec. */
const specActions = Object.values(asyncapi.operations)
  .map((o) => o['x-ascendex-request']?.action)
  .filter(Boolean);
/** `m` values the spec models that no docs sample shows: the docs only describe these messages. */
const UNSAMPLED_M = ['depth-snapshot-top100', 'ref-px'];

describe('WebSocket coverage against the docs', () => {
  const channelTable = [...docsFile('_ws_sub.md').matchAll(/^\s*(?:public|Private)\s*\|\s*`([a-z-]+):/gim)].map(
    (m) => m[1],
  );
  // The real-time order book article adds a channel and a request of its own.
  const realtimeArticle = docsFile('misc/real_time_orderbook_feed.md');
  const realtimeChannels = [...new Set([...realtimeArticle.matchAll(/"ch"\s*:\s*"([a-z-]+):/g)].map((m) => m[1]))];
  const realtimeActions = [...new Set([...realtimeArticle.matchAll(/"action"\s*:\s*"([a-z-]+)"/g)].map((m) => m[1]))];
  // The supported-action table: from its heading to the next heading.
  const actionSection =
    docsFile('_ws_req.md')
      .split(/^#+\s*Supported action\s*$/im)[1]
      ?.split(/^#/m)[0] ?? '';
  const actionTable = [...actionSection.matchAll(/^\*\*([a-z0-9-]+)\*\*\s*\|/gim)].map((m) => m[1]);
  const orderStatus = [
    ...new Set([...docsFile('_ws_req_order_status_expr.md').matchAll(/"action"\s*:\s*"([a-z-]+)"/g)].map((m) => m[1])),
  ];
  const documentedChannels = [...new Set([...channelTable, ...realtimeChannels])];
  const documentedActions = [...new Set([...actionTable, ...realtimeActions, ...orderStatus])];
  const wsFiles = () => docsFiles().filter((f) => /^(_ws_|_expr|misc\/(real_time|ws_order))/.test(f.file));
  const mValues = [...new Set(wsFiles().flatMap((f) => [...f.text.matchAll(/"m"\s*:\s*"([^"]+)"/g)].map((m) => m[1])))];

  itWithDocs("documents exactly the spec's topic channels (the channel table and the real-time article)", () => {
    expect(documentedChannels.sort()).toEqual([...specChannels].sort());
  });

  itWithDocs(
    "documents exactly the spec's request actions (the action table, the order-status page, the real-time article)",
    () => {
      expect(documentedActions.sort()).toEqual([...specActions].sort());
    },
  );

  itWithDocs('shows in its samples every server message kind of the spec, but those it only describes', () => {
    expect([...serverConsts('m')].filter((m) => !mValues.includes(m)).sort()).toEqual(UNSAMPLED_M);
  });

  eachDocsRow(
    documentedChannels.map((c) => [c]),
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

  eachDocsRow(
    documentedActions.map((a) => [a]),
    'action %s has a request operation',
    (action) => {
      const ops = Object.values(asyncapi.operations).filter((o) => o['x-ascendex-request']?.action === action);
      expect(ops).toHaveLength(1);
      expect(ops[0].action).toBe('send');
      expect(ops[0].reply?.messages ?? [], 'no reply message').not.toEqual([]);
    },
  );

  eachDocsRow(
    mValues.map((m) => [m]),
    'server message m=%s is modelled',
    (m) => {
      expect(serverConsts('m').has(m), `no message with m: ${m}`).toBe(true);
    },
  );
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
