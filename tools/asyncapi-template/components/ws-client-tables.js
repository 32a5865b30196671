// Turns a parsed AsyncAPI document into the runtime tables of the WebSocket client
// (packages/client/src/generated/ws/): the topic channels (the `ch` name, its topic template, its
// parameters, whether it needs auth or takes several symbols, the messages that arrive on it), the
// request actions (request message, reply messages, correlation pointers) and the kind of every
// server message (session, subscription ack, reply, channel data). The client's connection core
// reads these tables instead of repeating the spec by hand. Types come from @ascendex-toolkit/types,
// named through codegen-core's symbols; the dispatch order of server messages from the spec model.

import { jsdoc } from '@ascendex-toolkit/codegen-core/naming';
import { typesSymbols, packageNames } from '@ascendex-toolkit/codegen-core/symbols';
import { tidy } from './ws-structure.js';
/** @import { AsyncAPIDocumentInterface, MessageInterface, OperationInterface } from '@asyncapi/parser' */
/** @import { SpecTables } from './ws-structure.js' */

/**
 * The value of a vendor extension of a model (document, channel, operation).
 * @param {{ extensions(): import('@asyncapi/parser').ExtensionsInterface }} model
 * @param {string} key
 * @returns {any} whatever the spec writes there (x-ascendex-* shapes are checked by the spec tests)
 */
const ext = (model, key) => model.extensions().get(key)?.value();

/**
 * @param {MessageInterface[]} messages
 * @returns {string[]}
 */
const names = (messages) =>
  messages.map((m) => {
    const name = m.name();
    if (!name) throw new Error(`message ${m.id()} has no name: it must name its payload schema (spec/README.md)`);
    return name;
  });

/** @param {unknown} value */
const lit = (value) => JSON.stringify(value);

/**
 * The `ch` name of a topic address: `bar:{interval}:{symbol}` → `bar`.
 * @param {string} address
 */
const channelName = (address) => address.split(':')[0] ?? address;

/**
 * @param {AsyncAPIDocumentInterface} asyncapi
 * @param {SpecTables} tables
 * @returns {{ name: string, content: string }[]} files relative to the output folder
 */
export function wsClientTableFiles(asyncapi, tables) {
  /** @type {Map<string, string>} server message name -> channel `ch` name */
  const dataChannel = new Map();
  const channelRows = [];
  const paramTypes = [];
  const messageTypes = [];
  for (const channel of asyncapi.channels().all()) {
    const address = channel.address();
    if (!address) continue;
    const name = channelName(address);
    const sub = ext(channel, 'x-ascendex-subscription') ?? {};
    const params = [...address.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? '');
    const messages = names(channel.messages().all());
    for (const m of messages) dataChannel.set(m, name);
    channelRows.push(
      `  ${lit(name)}: { address: ${lit(address)}, params: ${lit(params)}, requiresAuth: ${Boolean(sub.requiresAuth)}, multiSymbol: ${Boolean(sub.multiSymbol)}, messages: ${lit(messages)} },`,
    );
    const fields = params.map((p) => {
      const values = channel.parameters().get(p)?.schema()?.enum();
      return `${p}: ${values?.length ? values.map(lit).join(' | ') : 'string'}`;
    });
    paramTypes.push(`  ${lit(name)}: { ${fields.join('; ')} };`);
    messageTypes.push(`  ${lit(name)}: ${messages.join(' | ')};`);
  }
  const channelImports = [...dataChannel.keys()].sort();
  const channels = [
    `import type { ${channelImports.join(', ')} } from '${packageNames.types}';`,
    '',
    jsdoc(
      'The topic channels by their `ch` name: the topic template (`{param}` placeholders in order),',
      'whether a subscription needs an authenticated session, whether `{symbol}` may list several',
      'symbols (comma-separated), and the server messages that arrive on the channel.',
    ),
    `export const wsChannels = {\n${channelRows.join('\n')}\n} as const;`,
    jsdoc('The `ch` name of a topic channel: `depth`, `depth-realtime`, `bar`, `order`, ...'),
    'export type WsChannelName = keyof typeof wsChannels;',
    jsdoc("The parameters of each channel's topic template."),
    `export interface WsChannelParams {\n${paramTypes.join('\n')}\n}`,
    jsdoc('The messages that arrive on each channel.'),
    `export interface WsChannelMessages {\n${messageTypes.join('\n')}\n}`,
    '',
  ].join('\n');

  /** @type {Map<string, Set<string>>} reply message name -> request keys it may answer */
  const answers = new Map();
  const requestRows = [];
  for (const op of asyncapi.operations().all()) {
    if (op.action() !== 'send') continue;
    const request = ext(op, 'x-ascendex-request');
    if (!request) throw new Error(`send operation ${op.id()} has no x-ascendex-request`);
    const key = request.action ?? request.op;
    const sent = names(op.messages().all());
    const reply = op.reply();
    const replies = reply ? names(reply.messages().all()) : [];
    for (const r of replies) {
      if (!answers.has(r)) answers.set(r, new Set());
      answers.get(r)?.add(key);
    }
    const correlation = request.correlation
      ? `{ request: ${lit(request.correlation.request)}, reply: ${lit(request.correlation.reply)} }`
      : 'undefined';
    requestRows.push(
      `  ${lit(key)}: { operationId: ${lit(op.id())}, op: ${lit(request.op)}, requiresAuth: ${Boolean(request.requiresAuth)}, request: ${lit(sent[0])}, replies: ${lit(replies)}, correlation: ${correlation} },`,
    );
  }
  const requests = [
    jsdoc(
      'Every message a client sends, by request key (`action` for `op: req`, otherwise `op`): the',
      'AsyncAPI operation, whether it needs an authenticated session, the request message, the',
      'messages that may answer it, and the JSON pointers (request → reply) whose values match a',
      'reply to its request (`undefined` where the reply echoes nothing, as for `ping`).',
    ),
    `export const wsRequests = {\n${requestRows.join('\n')}\n} as const;`,
    jsdoc('A request key: `auth`, `sub`, `depth-snapshot`, `place-order`, ...'),
    'export type WsRequestKey = keyof typeof wsRequests;',
    jsdoc('The `action` of an `op: req` request.'),
    "export type WsActionKey = { [K in WsRequestKey]: (typeof wsRequests)[K]['op'] extends 'req' ? K : never }[WsRequestKey];",
    '',
  ].join('\n');

  const kindRows = tables.serverMessages.map((name) => {
    const channel = dataChannel.get(name);
    if (channel) return `  ${name}: { kind: 'data', channel: ${lit(channel)} },`;
    const keys = [...(answers.get(name) ?? [])];
    if (keys.length) return `  ${name}: { kind: 'reply', answers: ${lit(keys)} },`;
    return `  ${name}: { kind: 'session' },`;
  });
  const kinds = [
    `import type { ${typesSymbols.serverMessageName} } from '${packageNames.types}';`,
    "import type { WsChannelName } from './channels.gen.js';",
    "import type { WsRequestKey } from './requests.gen.js';",
    '',
    jsdoc('What a server message is to the client.'),
    'export type WsMessageKind =',
    "  | { readonly kind: 'data'; readonly channel: WsChannelName }",
    "  | { readonly kind: 'reply'; readonly answers: readonly WsRequestKey[] }",
    "  | { readonly kind: 'session' };",
    jsdoc(
      'The kind of every server message (in dispatch order): data of a topic channel, a reply to the',
      'requests it names, or a session message the server sends on its own (greeting, ping, farewell).',
    ),
    `export const wsMessageKinds: { readonly [N in ${typesSymbols.serverMessageName}]: WsMessageKind } = {\n${kindRows.join('\n')}\n};`,
    '',
  ].join('\n');

  return [
    { name: 'channels.gen.ts', content: tidy(channels) },
    { name: 'requests.gen.ts', content: tidy(requests) },
    { name: 'message-kinds.gen.ts', content: tidy(kinds) },
  ];
}
