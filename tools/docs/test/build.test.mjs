import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asyncapiFile, buildDocs, openapiFile, pages } from '../src/build.mjs';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const openapi = JSON.parse(readFileSync(openapiFile, 'utf8'));
const asyncapi = JSON.parse(readFileSync(asyncapiFile, 'utf8'));
const restOperations = Object.entries(openapi.paths).flatMap(([route, item]) =>
  Object.entries(item)
    .filter(([, op]) => op && typeof op === 'object' && 'operationId' in op)
    .map(([method, op]) => ({ route, method, operationId: op.operationId })),
);

let out = '';
/** @param {string} page */
const read = (page) => readFileSync(path.join(out, page), 'utf8');

beforeAll(async () => {
  out = mkdtempSync(path.join(tmpdir(), 'docs-site-'));
  await buildDocs(out);
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('REST reference (Redocly)', () => {
  // Redoc renders the operations in the browser from the definition embedded in the page; the
  // prerendered markup holds one section per tag. So every operation is looked up in the embedded
  // definition at its own route and method, and every tag in the markup.
  /** @returns {any} */
  function embeddedDefinition() {
    const html = read(pages.rest);
    const match = /const __redoc_definition = (\{.*\});\n/.exec(html);
    if (!match?.[1]) throw new Error('no embedded definition in the REST page');
    return JSON.parse(match[1]);
  }

  it('holds every operation of the spec: one per file of spec/paths', () => {
    const files = readdirSync(path.join(repoRoot, 'spec/paths'), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => path.basename(f, '.yaml'));
    expect(restOperations.map((o) => o.operationId).sort()).toEqual(files.sort());
  });

  it.each(restOperations)('shows $operationId ($method $route)', ({ route, method, operationId }) => {
    expect(embeddedDefinition().paths[route]?.[method]?.operationId).toBe(operationId);
  });

  it('prerenders a section for every tag', () => {
    const html = read(pages.rest);
    for (const tag of openapi.tags ?? []) expect(html).toContain(`data-section-id="/${tag.name}"`);
  });

  it('works offline: Redoc is inlined, no script is loaded from elsewhere', () => {
    expect(read(pages.rest)).not.toMatch(/<script[^>]+src="https?:/);
  });
});

describe('WebSocket reference (AsyncAPI HTML template)', () => {
  // The template prerenders the document; scripts are dropped so that the document's own JSON,
  // embedded for the browser, cannot stand in for rendered markup.
  const markup = () => read(pages.ws).replace(/<script\b[\s\S]*?<\/script>/g, '');
  const escape = (/** @type {string} */ s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // The template renders a channel through its operations (heading: the channel's address) and its
  // messages; the channels without an address (session, subscriptions, requests) only group those.
  const channels = Object.entries(asyncapi.channels).map(([id, channel]) => ({
    id,
    address: channel.address ?? null,
    messages: Object.keys(channel.messages ?? {}),
    operations: Object.entries(asyncapi.operations)
      .filter(([, op]) => op.channel.$ref === `#/channels/${id}`)
      .map(([opId]) => opId),
  }));

  it('groups every operation of the document under its channel', () => {
    expect(channels.flatMap((c) => c.operations).sort()).toEqual(Object.keys(asyncapi.operations).sort());
  });

  it.each(channels)('renders channel $id: its address, operations and messages', (channel) => {
    const html = markup();
    if (channel.address) expect(html).toContain(`<span class="font-mono text-base">${channel.address}</span>`);
    for (const op of channel.operations) expect(html).toMatch(new RegExp(`id="operation-[a-z]+-${escape(op)}"`));
    for (const message of channel.messages) expect(html).toContain(`id="message-${message}"`);
  });

  it.each(Object.keys(asyncapi.operations))('renders operation %s with its operation ID', (id) => {
    const html = markup();
    expect(html).toMatch(new RegExp(`id="operation-[a-z]+-${escape(id)}"`));
    expect(html).toMatch(new RegExp(`Operation ID<span[^>]*>${escape(id)}</span>`));
  });
});

describe('packages reference (TypeDoc)', () => {
  it.each([
    'client',
    'client.ws',
    'contract',
    'mocks',
    'mocks.server',
    'spec',
    'types',
    'validators',
    'validators.auth',
  ])('has a page for the entry @ascendex-toolkit/%s', (entry) => {
    expect(existsSync(path.join(out, 'api/modules', `_ascendex-toolkit_${entry}.html`))).toBe(true);
  });
});

it('links the three parts from the landing page', () => {
  const index = read('index.html');
  for (const page of Object.values(pages)) {
    expect(index).toContain(`href="${page}"`);
    expect(existsSync(path.join(out, page))).toBe(true);
  }
});
