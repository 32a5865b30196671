// Turns a parsed AsyncAPI document into TypeScript source for the WebSocket structure. Payload
// types themselves come from the schemas module (one type per component schema, converted by
// openapi-typescript), so nothing here converts JSON Schema: a message's `name` is its payload's
// component schema name (spec/README.md). The dispatch order of server messages comes from the
// spec model (`SpecTables`), like every generator's.

import { pascal, kebab, jsdoc } from '@ascendex-toolkit/codegen-core/naming';
import { typesSymbols } from '@ascendex-toolkit/codegen-core/symbols';
/** @import { AsyncAPIDocumentInterface, MessageInterface, OperationInterface } from '@asyncapi/parser' */

/**
 * The spec model's tables the template reads (the `specTables` parameter; tools/codegen-core/src/spec-model.mjs).
 * @typedef {{ serverMessages: string[] }} SpecTables `serverMessages`: every message the server
 *   sends, in dispatch order
 */

/**
 * Doc comments sit directly on their declaration.
 * @param {string} code
 */
export const tidy = (code) => code.replace(/\*\/\n\n/g, '*/\n');

/** @param {string[]} names */
const union = (names) => (names.length ? [...new Set(names)].join(' | ') : 'never');
/**
 * The value of a vendor extension of a model (document, channel, operation).
 * @param {{ extensions(): import('@asyncapi/parser').ExtensionsInterface }} model
 * @param {string} key
 * @returns {any} whatever the spec writes there (x-ascendex-* shapes are checked by the spec tests)
 */
const ext = (model, key) => model.extensions().get(key)?.value();

/**
 * The id of an operation (its key under `operations`; the parser types it as optional because
 * operation traits share the interface).
 * @param {OperationInterface} op
 */
function operationId(op) {
  const id = op.id();
  if (!id) throw new Error('an operation without an id');
  return id;
}

/**
 * `depth:{symbol}` → the template literal type `depth:${string}`.
 * @param {string} address
 */
function topicType(address) {
  return '`' + address.replace(/\{[^}]+\}/g, '${string}') + '`';
}

/**
 * Message names (payload types) of a list of message models.
 * @param {MessageInterface[]} messages
 * @returns {string[]}
 */
const names = (messages) =>
  messages.map((m) => {
    const name = m.name();
    if (!name) throw new Error(`message ${m.id()} has no name: it must name its payload schema (spec/README.md)`);
    return name;
  });

/**
 * @param {AsyncAPIDocumentInterface} asyncapi
 * @param {SpecTables} tables
 * @param {{ schemasModule: string }} params
 * @returns {{ name: string, content: string }[]} files relative to the output folder
 */
export function wsStructureFiles(asyncapi, tables, params) {
  const files = [];
  const allTypes = new Set();
  const channelEntries = [];

  for (const channel of asyncapi.channels().all()) {
    const id = channel.id();
    const Channel = pascal(id);
    const operations = channel.operations().all();
    const messageNames = names(channel.messages().all());
    const lines = [];
    const address = channel.address();
    const sub = ext(channel, 'x-ascendex-subscription');
    lines.push(
      jsdoc(
        `Messages of the \`${id}\` channel.`,
        address ? `Topic \`${address}\`.` : 'Session-level channel without a topic.',
        channel.description(),
      ),
      `export type ${Channel}ChannelMessage = ${union(messageNames)};`,
    );
    if (address) {
      lines.push(
        jsdoc(`The \`ch\` value that subscribes to the \`${id}\` channel.`),
        `export type ${Channel}Topic = ${topicType(address)};`,
      );
    }
    for (const op of operations) {
      const request = ext(op, 'x-ascendex-request');
      const sent = names(op.messages().all());
      sent.forEach((n) => allTypes.add(n));
      if (op.action() !== 'send') continue; // what arrives is the channel union above
      const reply = op.reply();
      const replies = reply ? names(reply.messages().all()) : [];
      replies.forEach((n) => allTypes.add(n));
      if (!replies.length) continue;
      lines.push(
        jsdoc(
          `What the server answers to ${sent.map((n) => `{@link ${n}}`).join(' or ')} (operation \`${op.id()}\`).`,
          request?.correlation
            ? `Matched to the request by \`${request.correlation.request}\` = \`${request.correlation.reply}\`.`
            : '',
        ),
        `export type ${pascal(operationId(op))}Reply = ${union(replies)};`,
      );
    }
    messageNames.forEach((n) => allTypes.add(n));
    channelEntries.push({ id, Channel, address, sub });
    const used = [...new Set(lines.join('\n').match(/\b[A-Z]\w*(?:Message|Request|Snapshot)\b/g) ?? [])]
      .filter((n) => allTypes.has(n))
      .sort();
    const header = used.length ? `import type { ${used.join(', ')} } from '${params.schemasModule}';\n\n` : '';
    files.push({ name: `${kebab(id)}.gen.ts`, content: tidy(header + lines.join('\n') + '\n') });
  }

  // The whole socket: every server message in dispatch order, every client message, and maps.
  const { serverMessages } = tables;
  const { serverMessage, serverMessageName } = typesSymbols;
  const clientMessages = [];
  const requestEntries = [];
  for (const op of asyncapi.operations().all()) {
    if (op.action() !== 'send') continue;
    const request = ext(op, 'x-ascendex-request') ?? {};
    const sent = names(op.messages().all());
    clientMessages.push(...sent);
    const key = request.action ?? request.op ?? op.id();
    const reply = op.reply();
    requestEntries.push(
      `  ${JSON.stringify(key)}: { request: ${union(sent)}; reply: ${reply ? union(names(reply.messages().all())) : 'never'} };`,
    );
  }
  const imports = [...new Set([...serverMessages, ...clientMessages])].sort();
  const index = [
    `import type { ${imports.join(', ')} } from '${params.schemasModule}';`,
    ...channelEntries.map(
      ({ id, Channel, address }) =>
        `import type { ${Channel}ChannelMessage${address ? `, ${Channel}Topic` : ''} } from './${kebab(id)}.gen.js';`,
    ),
    '',
    jsdoc(
      'Every message the server can send on the socket; narrow it on `m` (or `op` for `connected`), then `action`, `status`, `ac`.',
    ),
    `export type ${serverMessage} = ${union(serverMessages)};`,
    jsdoc('Server message name → message type; `{ name, message }` pairs built from it narrow on `name`.'),
    `export interface ServerMessageMap {\n${serverMessages.map((n) => `  ${n}: ${n};`).join('\n')}\n}`,
    jsdoc('The name of a server message kind, e.g. `DepthMessage`.'),
    `export type ${serverMessageName} = keyof ServerMessageMap;`,
    jsdoc('Every message a client can send.'),
    `export type ClientMessage = ${union([...new Set(clientMessages)])};`,
    jsdoc('Request key (`action` for `op: req`, otherwise `op`) → the request type and the replies it can get.'),
    `export interface WsRequestMap {\n${requestEntries.join('\n')}\n}`,
    jsdoc('Topic channels: the `ch` value to subscribe with, the messages that arrive, and whether auth is required.'),
    `export interface WsChannelMap {\n${channelEntries
      .filter((c) => c.address)
      .map(
        (c) =>
          `  ${JSON.stringify(c.id)}: { topic: ${c.Channel}Topic; message: ${c.Channel}ChannelMessage; requiresAuth: ${Boolean(c.sub?.requiresAuth)} };`,
      )
      .join('\n')}\n}`,
    jsdoc('Session-level channels (no topic) and their messages.'),
    `export interface WsSessionChannelMap {\n${channelEntries
      .filter((c) => !c.address)
      .map((c) => `  ${JSON.stringify(c.id)}: ${c.Channel}ChannelMessage;`)
      .join('\n')}\n}`,
    '',
  ].join('\n');
  files.push({ name: 'index.gen.ts', content: tidy(index) });
  return files;
}
