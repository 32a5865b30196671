// One hand-made spec pair per rule: the fixture documents and a copy with one change, run through
// the same classification the CLI uses.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffSpecs } from '../src/classify.mjs';

/** @param {string} name */
const fixture = (name) => JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));
const openapi = fixture('openapi.json');
const asyncapi = fixture('asyncapi.json');

/**
 * @param {'openapi' | 'asyncapi'} document
 * @param {(doc: any) => void} edit
 */
function classify(document, edit) {
  const before = { openapi, asyncapi };
  const after = { openapi: structuredClone(openapi), asyncapi: structuredClone(asyncapi) };
  edit(after[document]);
  const changes = diffSpecs(before, after);
  expect(changes[document === 'openapi' ? 'asyncapi' : 'openapi']).toEqual([]);
  return changes[document].map((c) => [c.type, c.pointer]);
}

const orderBody = '/paths/~1order/post/requestBody/content/application~1json/schema';
const orderReply = '/paths/~1order/post/responses/200/content/application~1json/schema';

describe('OpenAPI rules', () => {
  it('finds nothing in identical documents', () => {
    expect(classify('openapi', () => {})).toEqual([]);
  });
  it('removed operation: breaking; new operation: non-breaking', () => {
    expect(classify('openapi', (d) => delete d.paths['/order'])).toEqual([['breaking', '/paths/~1order/post']]);
    expect(
      classify('openapi', (d) => (d.paths['/ping'] = { get: { responses: { 200: { description: 'ok' } } } })),
    ).toEqual([['non-breaking', '/paths/~1ping/get']]);
  });
  it('changed method: the old operation is removed (breaking)', () => {
    const result = classify('openapi', (d) => {
      d.paths['/order'].put = d.paths['/order'].post;
      delete d.paths['/order'].post;
    });
    expect(result).toEqual([
      ['breaking', '/paths/~1order/post'],
      ['non-breaking', '/paths/~1order/put'],
    ]);
  });
  it('new required request field: breaking; new optional request field: non-breaking', () => {
    expect(classify('openapi', (d) => d.components.schemas.OrderArgs.required.push('note'))).toEqual([
      ['breaking', `${orderBody}/required/2`],
    ]);
    expect(classify('openapi', (d) => (d.components.schemas.OrderArgs.properties.tag = { type: 'string' }))).toEqual([
      ['non-breaking', `${orderBody}/properties/tag`],
    ]);
  });
  it('request enum: narrowed is breaking, widened is not', () => {
    expect(classify('openapi', (d) => (d.components.schemas.OrderArgs.properties.side.enum = ['buy']))).toEqual([
      ['breaking', `${orderBody}/properties/side/enum/1`],
    ]);
    expect(classify('openapi', (d) => d.components.schemas.OrderArgs.properties.side.enum.push('short'))).toEqual([
      ['non-breaking', `${orderBody}/properties/side/enum/2`],
    ]);
  });
  it('response enum: widened is breaking (the strict validators reject the new value)', () => {
    expect(classify('openapi', (d) => d.components.schemas.OrderAck.properties.status.enum.push('Canceled'))).toEqual([
      ['breaking', `${orderReply}/properties/status/enum/2`],
    ]);
  });
  it('changed type: breaking', () => {
    expect(classify('openapi', (d) => (d.components.schemas.OrderAck.properties.fee.type = 'number'))).toEqual([
      ['breaking', `${orderReply}/properties/fee/type`],
    ]);
  });
  it('removed response field: breaking; new optional response field: non-breaking', () => {
    expect(classify('openapi', (d) => delete d.components.schemas.OrderAck.properties.fee)).toEqual([
      ['breaking', `${orderReply}/properties/fee`],
    ]);
    expect(classify('openapi', (d) => (d.components.schemas.OrderAck.properties.avg = { type: 'string' }))).toEqual([
      ['non-breaking', `${orderReply}/properties/avg`],
    ]);
  });
  it('x-ascendex: a changed prehash or signing is breaking, a docs reference is an annotation', () => {
    expect(classify('openapi', (d) => (d.paths['/order'].post['x-ascendex'].prehash = 'orders'))).toEqual([
      ['breaking', '/paths/~1order/post/x-ascendex/prehash'],
    ]);
    expect(classify('openapi', (d) => (d.paths['/order'].post['x-ascendex'].signed = false))).toEqual([
      ['breaking', '/paths/~1order/post/x-ascendex/signed'],
    ]);
    expect(classify('openapi', (d) => (d.paths['/order'].post['x-ascendex-docs'] = 'other.md'))).toEqual([
      ['annotation', '/paths/~1order/post/x-ascendex-docs'],
    ]);
  });
  it('removed component schema: breaking (a type export disappears); added: non-breaking', () => {
    expect(classify('openapi', (d) => (d.components.schemas.Extra = { type: 'string' }))).toEqual([
      ['non-breaking', '/components/schemas/Extra'],
    ]);
    const removed = classify('openapi', (d) => {
      d.paths['/order'].post.responses['200'].content['application/json'].schema = { type: 'object' };
      delete d.components.schemas.OrderAck;
    });
    expect(removed).toContainEqual(['breaking', '/components/schemas/OrderAck']);
  });
  it('description: annotation', () => {
    expect(classify('openapi', (d) => (d.paths['/order'].post.description = 'Places an order.'))).toEqual([
      ['annotation', '/paths/~1order/post/description'],
    ]);
  });
});

const tradePayload = '/components/messages/TradeMessage/payload';
const subscribePayload = '/components/messages/WsSubscribeRequest/payload';

describe('AsyncAPI 3 rules', () => {
  it('finds nothing in identical documents', () => {
    expect(classify('asyncapi', () => {})).toEqual([]);
  });
  it('removed channel, operation or message: breaking', () => {
    expect(classify('asyncapi', (d) => delete d.operations.wsSubscribe)).toEqual([
      ['breaking', '/operations/wsSubscribe'],
    ]);
    const channel = classify('asyncapi', (d) => {
      delete d.channels.trades;
      d.operations = {};
    });
    expect(channel).toContainEqual(['breaking', '/channels/trades']);
    expect(channel.every(([type]) => type === 'breaking')).toBe(true);
    const message = classify('asyncapi', (d) => {
      delete d.channels.trades.messages.TradeMessage;
      delete d.components.messages.TradeMessage;
      d.operations.wsReceiveTrades.messages = [];
    });
    expect(message).toContainEqual(['breaking', '/channels/trades/messages/TradeMessage']);
    expect(message).toContainEqual(['breaking', '/components/messages/TradeMessage']);
  });
  it('new channel, operation and message: non-breaking', () => {
    const result = classify('asyncapi', (d) => {
      d.channels.bbo = {
        address: 'bbo:{symbol}',
        messages: { BboMessage: { $ref: '#/components/messages/BboMessage' } },
      };
      d.operations.wsReceiveBbo = { action: 'receive', channel: { $ref: '#/channels/bbo' } };
      d.components.messages.BboMessage = { name: 'BboMessage', payload: { type: 'object' } };
    });
    expect(result).toEqual([
      ['non-breaking', '/channels/bbo'],
      ['non-breaking', '/operations/wsReceiveBbo'],
      ['non-breaking', '/components/messages/BboMessage'],
    ]);
  });
  it('changed channel address or operation action: breaking', () => {
    expect(classify('asyncapi', (d) => (d.channels.trades.address = 'trade:{symbol}'))).toEqual([
      ['breaking', '/channels/trades/address'],
    ]);
    expect(classify('asyncapi', (d) => (d.operations.wsSubscribe.action = 'receive'))).toContainEqual([
      'breaking',
      '/operations/wsSubscribe/action',
    ]);
  });
  it('client messages are the request side: new required field and narrowed enum are breaking', () => {
    expect(classify('asyncapi', (d) => d.components.schemas.WsSubscribeRequest.required.push('id'))).toEqual([
      ['breaking', `${subscribePayload}/required/2`],
    ]);
    expect(classify('asyncapi', (d) => (d.components.schemas.WsSubscribeRequest.properties.op.enum = ['sub']))).toEqual(
      [['breaking', `${subscribePayload}/properties/op/enum/1`]],
    );
  });
  it('server messages are the response side: new optional field is not breaking, removed field and changed type are', () => {
    expect(
      classify('asyncapi', (d) => (d.components.schemas.TradeMessage.properties.price = { type: 'string' })),
    ).toEqual([['non-breaking', `${tradePayload}/properties/price`]]);
    expect(classify('asyncapi', (d) => delete d.components.schemas.TradeMessage.properties.seqnum)).toEqual([
      ['breaking', `${tradePayload}/properties/seqnum`],
    ]);
    expect(classify('asyncapi', (d) => (d.components.schemas.TradeMessage.properties.seqnum.type = 'string'))).toEqual([
      ['breaking', `${tradePayload}/properties/seqnum/type`],
    ]);
    expect(classify('asyncapi', (d) => d.components.schemas.TradeMessage.properties.m.enum.push('trade'))).toEqual([
      ['breaking', `${tradePayload}/properties/m/enum/1`],
    ]);
  });
  it('x-ascendex-subscription change: breaking; channel description: annotation', () => {
    expect(classify('asyncapi', (d) => (d.channels.trades['x-ascendex-subscription'].requiresAuth = true))).toEqual([
      ['breaking', '/channels/trades/x-ascendex-subscription/requiresAuth'],
    ]);
    expect(classify('asyncapi', (d) => (d.channels.trades.description = 'all trades'))).toEqual([
      ['annotation', '/channels/trades/description'],
    ]);
  });
});
