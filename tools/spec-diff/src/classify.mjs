// Classifies every change between two bundled spec pairs as breaking, non-breaking or annotation.
// OpenAPI is compared by api-smart-diff's OpenAPI 3 rules; AsyncAPI 3 (which api-smart-diff does not
// know: it has AsyncAPI 2 rules only) by rules written here on its generic compare, with message
// payloads classified by its JSON Schema rules in the direction the message travels. The toolkit's
// own rules (x-ascendex extensions, component schemas) are applied to both results.
import {
  annotation,
  breaking,
  compare,
  compareOpenApi,
  jsonSchemaAnnotationHook,
  jsonSchemaRules,
  nonBreaking,
  reverseClassifyRuleTransformer,
  transformComapreRules,
} from 'api-smart-diff';
import { encodePointer } from '@ascendex-toolkit/codegen-core';
/** @import { SpecPair } from './load.mjs' */

/** @typedef {'breaking' | 'non-breaking' | 'annotation'} ChangeType */
/**
 * @typedef {object} Change
 * @property {ChangeType} type
 * @property {'add' | 'remove' | 'replace' | 'rename'} action
 * @property {string} pointer JSON pointer into the bundled document (the after side for additions)
 * @property {string} description what changed, in words
 * @property {unknown} [before]
 * @property {unknown} [after]
 */
/** @typedef {{ openapi: Change[], asyncapi: Change[] }} SpecChanges */

// [add, remove, replace]
const ADDITIVE = /** @type {import('api-smart-diff').ClassifyRule} */ ([nonBreaking, breaking, breaking]);
const ANNOTATION = /** @type {import('api-smart-diff').ClassifyRule} */ ([annotation, annotation, annotation]);
const ALL_BREAKING = /** @type {import('api-smart-diff').ClassifyRule} */ ([breaking, breaking, breaking]);

/** The wire contract of a REST operation; any change to it changes what a client must send. */
const REST_CONTRACT_KEYS = new Set(['signed', 'prehash', 'accountGroup', 'accountCategory', 'payload', 'singleOrList']);

/**
 * @param {string | number | symbol} segment
 * @returns {string}
 */
const text = (segment) => String(segment);

/**
 * @param {import('api-smart-diff').Diff} diff
 * @param {ChangeType} type
 * @param {string} description
 * @returns {Change}
 */
function change(diff, type, description) {
  return {
    type,
    action: diff.action,
    pointer: encodePointer(diff.path.map(text)),
    description,
    ...(diff.before !== undefined ? { before: diff.before } : {}),
    ...(diff.after !== undefined ? { after: diff.after } : {}),
  };
}

/**
 * The toolkit's rules on top of the library's verdict, for either document; `undefined` drops the diff.
 * @param {import('api-smart-diff').Diff} diff
 * @returns {Change | undefined}
 */
function toolkitRules(diff) {
  const path = diff.path.map(text);
  // The library's annotation can lack its subject (' in Response 200 content ...'): name the node then.
  const words =
    diff.description && !/^\s/.test(diff.description)
      ? diff.description
      : `${diff.action} ${path.at(-1) ?? 'document'}${diff.description ?? ''}`;
  // Component schemas: each one is a type the types package exports, so removing one is breaking and
  // adding one is not; a change inside one is reported (and classified by direction) where it is used.
  if (path[0] === 'components' && path[1] === 'schemas') {
    if (path.length > 3) return undefined;
    return change(diff, diff.action === 'add' ? nonBreaking : breaking, `${diff.action} component schema ${path[2]}`);
  }
  const extension = path.findIndex((segment) => segment.startsWith('x-ascendex'));
  if (extension >= 0) {
    const name = path[extension];
    if (name === 'x-ascendex-docs') return change(diff, annotation, `${words} (docs reference)`);
    // x-ascendex on a REST operation: signing, prehash, account path segments, payload unwrapping.
    if (name === 'x-ascendex' && path[0] === 'paths') {
      const key = path[extension + 1];
      const type = key === undefined || REST_CONTRACT_KEYS.has(key) ? breaking : annotation;
      return change(diff, type, `${diff.action} x-ascendex${key ? `.${key}` : ''} of ${path[1]} ${path[2]}`);
    }
    // Subscription and request metadata of WebSocket channels and operations, bigint markers,
    // exchange-side coercions: the generated code depends on every one of them.
    return change(
      diff,
      breaking,
      `${diff.action} ${path.slice(extension).join('.')} at ${path.slice(0, extension).join('/')}`,
    );
  }
  // A field that disappears breaks whoever reads it (responses) or sends it (strict requests).
  if (diff.action === 'remove' && path.at(-2) === 'properties') {
    return change(diff, breaking, `${words} (removed field)`);
  }
  // A schema's type that changes breaks both sides; the library's direction-aware verdict does not hold here.
  if (diff.action === 'replace' && path.at(-1) === 'type') return change(diff, breaking, `${words} (changed type)`);
  // What the library leaves unclassified is treated as breaking: a human acknowledges it or refines a rule.
  const type = diff.type === 'deprecated' ? nonBreaking : diff.type === 'unclassified' ? breaking : diff.type;
  return change(diff, type, diff.type === 'unclassified' ? `${words} (unclassified, treated as breaking)` : words);
}

/**
 * @param {Record<string, any>} before bundled OpenAPI 3.1 document
 * @param {Record<string, any>} after
 * @returns {Change[]}
 */
export function diffOpenApi(before, after) {
  return compareOpenApi(before, after).diffs.flatMap((diff) => toolkitRules(diff) ?? []);
}

/**
 * Component message names by direction, read from the operations: what `send` operations send is
 * written by the client (request side); what `receive` operations receive and every reply is
 * written by the server (response side).
 * @param {Record<string, any>} doc bundled AsyncAPI 3 document
 * @returns {Set<string>} the names of messages the server sends
 */
function serverMessages(doc) {
  /** @param {string} ref */
  const componentName = (ref) => {
    const [, channel, , message] = ref.replace(/^#\//, '').split('/');
    const target = doc.channels?.[channel ?? '']?.messages?.[message ?? '']?.$ref ?? ref;
    return String(target).split('/').at(-1) ?? '';
  };
  const names = new Set();
  for (const operation of Object.values(doc.operations ?? {})) {
    /** @type {Array<{ $ref: string }>} */
    const received = [
      ...(operation.action === 'receive' ? (operation.messages ?? []) : []),
      ...(operation.reply?.messages ?? []),
    ];
    for (const message of received) names.add(componentName(message.$ref));
  }
  return names;
}

/**
 * @param {Set<string>} fromServer
 * @returns {import('api-smart-diff').CompareRules}
 */
function asyncApiRules(fromServer) {
  const requestSchema = jsonSchemaRules({ version: '2020-12' });
  const responseSchema = transformComapreRules(requestSchema, reverseClassifyRuleTransformer);
  const descriptive = { $: ANNOTATION, '/**': { $: ANNOTATION } };
  /**
   * A named entry (server, channel, operation, message): added is fine, removed or changed breaks,
   * its prose is annotation.
   * @param {import('api-smart-diff').CompareRules} [members] rules for particular members
   * @returns {import('api-smart-diff').CompareRules}
   */
  const entry = (members = {}) => ({
    $: ADDITIVE,
    '/**': { $: ALL_BREAKING },
    '/title': descriptive,
    '/summary': descriptive,
    '/description': descriptive,
    ...members,
  });
  const list = { $: ADDITIVE, '/*': { $: ADDITIVE } };
  return {
    '/asyncapi': descriptive,
    '/info': descriptive,
    '/id': descriptive,
    '/defaultContentType': { $: ALL_BREAKING },
    '/servers': { $: ADDITIVE, '/*': entry() },
    '/channels': { $: ADDITIVE, '/*': entry({ '/messages': list, '/servers': list }) },
    '/operations': { $: ADDITIVE, '/*': entry({ '/messages': list }) },
    '/components': {
      $: ADDITIVE,
      '/schemas': { $: ADDITIVE, '/*': { $: ADDITIVE } },
      '/messages': {
        $: ADDITIVE,
        '/*': ({ key }) =>
          entry({
            '/examples': descriptive,
            '/payload': () => ({ ...(fromServer.has(String(key)) ? responseSchema : requestSchema), $: ALL_BREAKING }),
          }),
      },
      '/**': { $: ALL_BREAKING },
      '/parameters': {
        $: ADDITIVE,
        '/*': { $: ADDITIVE, '/**': { $: ALL_BREAKING }, '/description': descriptive, '/examples': descriptive },
      },
      '/securitySchemes': {
        $: ALL_BREAKING,
        '/*': { $: ALL_BREAKING, '/**': { $: ALL_BREAKING }, '/description': descriptive },
      },
    },
  };
}

/**
 * @param {Record<string, any>} before bundled AsyncAPI 3 document
 * @param {Record<string, any>} after
 * @returns {Change[]}
 */
export function diffAsyncApi(before, after) {
  const fromServer = new Set([...serverMessages(before), ...serverMessages(after)]);
  return compare(before, after, {
    rules: asyncApiRules(fromServer),
    annotateHook: jsonSchemaAnnotationHook,
  }).diffs.flatMap((diff) => toolkitRules(diff) ?? []);
}

/**
 * The one classification the CLI, the changeset proposal and the tests use.
 * @param {SpecPair} before
 * @param {SpecPair} after
 * @returns {SpecChanges}
 */
export function diffSpecs(before, after) {
  return {
    openapi: diffOpenApi(before.openapi, after.openapi),
    asyncapi: diffAsyncApi(before.asyncapi, after.asyncapi),
  };
}
