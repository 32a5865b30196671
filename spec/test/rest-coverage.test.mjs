// Every REST request line of the docs maps to an operation, and every operation's auth and URL
// metadata (x-ascendex) is complete and agrees with its path.
import { describe, it, expect } from 'vitest';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { restOperations, pascal, refName, METHODS, specDir, readYaml } from '@ascendex-toolkit/codegen-core';
import { openapi } from './load.mjs';
import { docsFiles, itWithDocs, eachDocsRow } from './docs.mjs';

const operations = restOperations(openapi).map((o) => ({ ...o, method: o.method.toUpperCase() }));
/** Method and route pairs the exchange answers: each operation's own, plus `x-ascendex.alsoAccepts.methods`. */
const answered = operations.flatMap((o) => [
  o,
  ...(o.op['x-ascendex'].alsoAccepts?.methods ?? []).map((m) => ({ ...o, method: m.toUpperCase() })),
]);

/** `METHOD path` lines and curl URLs of the docs, normalised to `/api/...` templates. */
function docRequests() {
  const found = [];
  const add = (file, method, raw) => {
    let p = raw.replace(/^https:\/\/ascendex\.com/, '').split('?')[0];
    p = p.replace(/^<account-group>/, '/{accountGroup}').replace(/\{account-category\}/g, '{accountCategory}');
    if (!p.startsWith('/')) p = '/' + p;
    if (p.endsWith('/stream')) return; // WebSocket endpoint
    found.push({ file, method, path: p, line: `${method} ${raw}` });
  };
  for (const { file, text } of docsFiles()) {
    for (const m of text.matchAll(/\b(GET|POST|DELETE|PUT)\s+(<account-group>\/api\/[^\s`"']+|\/?api\/[^\s`"']+)/g))
      add(file, m[1], m[2]);
    for (const m of text.matchAll(/curl\s+-X\s+(GET|POST|DELETE|PUT)[^\n]*?["']?(https:\/\/ascendex\.com\/[^\s"']+)/g))
      add(file, m[1], m[2]);
  }
  return found;
}

/** Does a docs path (template or concrete) denote this spec route? */
function routeMatches(route, docPath) {
  const pattern = route
    .split(/(\{accountGroup\}|\{accountCategory\})/)
    .map((part) =>
      part === '{accountGroup}'
        ? '(?:\\{accountGroup\\}|\\d+)'
        : part === '{accountCategory}'
          ? '(?:\\{accountCategory\\}|cash|margin)'
          : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^${pattern}$`).test(docPath);
}

/**
 * Operations no request line of the docs shows, each with the discrepancy-log entry that says where
 * the route is known from (a release note, production traffic).
 */
const NOT_IN_REQUEST_LINES = {
  listProductsLegacy: 'products-legacy-route',
  listHistoryOrdersV2Legacy: 'history-v2-legacy-prehash',
};
const discrepancies = readdirSync(path.join(specDir, 'discrepancies'))
  .filter((f) => f.endsWith('.yaml'))
  .flatMap((f) => readYaml(path.join(specDir, 'discrepancies', f)));

/** The operation a docs request line denotes. */
const operationOf = (r) => answered.find((o) => o.method === r.method && routeMatches(o.route, r.path));

describe('REST coverage against the docs', () => {
  const requests = docRequests();

  itWithDocs(
    'request lines reach every operation but those the docs show nowhere, which the discrepancy log explains',
    () => {
      const reached = new Set(requests.map((r) => operationOf(r)?.op.operationId));
      const unreached = operations.map((o) => o.op.operationId).filter((id) => !reached.has(id));
      expect(unreached.sort()).toEqual(Object.keys(NOT_IN_REQUEST_LINES).sort());
    },
  );

  it.each(Object.entries(NOT_IN_REQUEST_LINES))(
    '%s: the discrepancy log says where its route is known from',
    (id, entryId) => {
      const entry = discrepancies.find((e) => e.id === entryId);
      expect(entry, `no discrepancy-log entry ${entryId}`).toBeDefined();
      expect(JSON.stringify(entry), `${entryId} does not name ${id}`).toContain(id);
    },
  );

  eachDocsRow(
    requests.map((r) => [`${r.file}: ${r.line}`, r]),
    '%s maps to an operation',
    (_l, r) => {
      expect(operationOf(r), `no operation for ${r.method} ${r.path}`).toBeDefined();
    },
  );
});

describe('operation metadata', () => {
  it('covers the whole API: one operation per file of spec/paths', () => {
    const files = readdirSync(path.join(specDir, 'paths'), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => path.basename(f, '.yaml'));
    expect(operations.map((o) => o.op.operationId).sort()).toEqual(files.sort());
  });

  it.each(operations.map((o) => [o.op.operationId, o]))('%s has complete x-ascendex metadata', (_id, { route, op }) => {
    const x = op['x-ascendex'];
    expect(x, 'x-ascendex missing').toBeTypeOf('object');
    expect(typeof x.signed).toBe('boolean');
    expect(x.accountGroup).toBe(route.startsWith('/{accountGroup}/'));
    expect(x.accountCategory).toBe(route.includes('{accountCategory}'));
    expect(['data', 'info', 'body', 'none']).toContain(x.payload ?? 'data');
    if (x.signed) {
      expect(x.prehash, 'signed operation without prehash').toMatch(/^[a-z0-9/{}A-Z-]+$/);
      expect(op.security).toEqual([{ apiKey: [], timestamp: [], signature: [] }]);
      for (const [, param] of (x.prehash.match(/\{[^}]+\}/g) ?? []).entries()) expect(route).toContain(param);
    } else {
      expect(x.prehash).toBeUndefined();
      expect(op.security).toEqual([]);
    }
    expect(op.tags?.length).toBe(1);
    expect(op['x-ascendex-docs']).toMatch(/\.md$/);
    const also = x.alsoAccepts ?? {};
    for (const m of also.methods ?? []) expect(METHODS, `${m} is not an HTTP method`).toContain(m);
    for (const m of also.methods ?? [])
      expect(
        route in openapi.paths && openapi.paths[route][m],
        `${m} ${route} is an operation of its own`,
      ).toBeUndefined();
    if (also.prehashes) expect(x.signed, 'alternative prehashes on an unsigned operation').toBe(true);
    for (const p of also.prehashes ?? []) expect(p).not.toBe(x.prehash);
  });

  it.each(operations.map((o) => [o.op.operationId, o]))('%s answers 200 with success-or-error', (_id, { op }) => {
    const schema = op.responses['200'].content['application/json'].schema;
    expect(schema.oneOf).toHaveLength(2);
    const names = schema.oneOf.map((s) => refName(s.$ref));
    const envelopes = names.filter((n) => openapi.components.schemas[n]['x-ascendex-error-envelope'] === true);
    expect(envelopes).toHaveLength(1);
    expect(names.find((n) => !envelopes.includes(n))).toBe(`${pascal(op.operationId)}Success`);
  });
});
