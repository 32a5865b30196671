#!/usr/bin/env node
// Benchmark (not a test): validator throughput for the WebSocket `depth` message, in messages per
// second, for the generated (ajv standalone) validator, Ajv's runtime-compiled validator of the same
// schema with the same options, and a zod schema of the same shape; all in this one run, reported as
// ratios to the generated validator. Run: pnpm --filter @ascendex-toolkit/validators bench
import { z } from 'zod';
import { documents, referenceValidation, schemaId } from '@ascendex-toolkit/codegen-core';
import { validateDepthMessage } from '../src/generated/ws/messages.validate.gen.js';

const ROUNDS = 7;
const MIN_ROUND_MS = 300;

/** A depth update with `levels` price levels on each side, in the shape the exchange sends. */
function depthMessage(levels, seq) {
  const side = (base) => Array.from({ length: levels }, (_, i) => [(base + i * 0.01).toFixed(5), String(100 + i)]);
  return {
    m: 'depth',
    symbol: 'ASD/USDT',
    data: { ts: 1573069021376 + seq, seqnum: 2097965 + seq, asks: side(0.06844), bids: side(0.06777) },
  };
}

// Ajv compiled at run time from the very schemas the generated code was compiled from; the time it
// takes to compile is what the precompiled module saves at start-up (besides needing no eval).
const { openapi, asyncapi } = documents();
let started = performance.now();
const { ajv } = referenceValidation({ openapi, asyncapi });
const ajvRuntime = ajv.getSchema(schemaId('DepthMessage'));
const ajvCompileMs = performance.now() - started;
started = performance.now();
await import('../src/generated/rest/order.validate.gen.js');
const importMs = performance.now() - started;
started = performance.now();
ajv.getSchema(schemaId('PlaceOrderSuccess'));
const ajvOrderCompileMs = performance.now() - started;

// The same shape in zod: decimal-string pairs, lossless integer seqnum, extra properties allowed.
const decimal = z.string().regex(/^-?\d+(\.\d+)?$/);
const level = z.tuple([decimal, decimal]);
const zodDepth = z.looseObject({
  m: z.literal('depth'),
  symbol: z.string(),
  data: z.looseObject({
    ts: z.number().int().min(0),
    seqnum: z.union([z.number().int(), z.bigint()]),
    asks: z.array(level),
    bids: z.array(level),
  }),
});

const contenders = {
  'generated (ajv standalone)': (m) => validateDepthMessage(m),
  'ajv runtime-compiled': (m) => ajvRuntime(m),
  'zod 4 safeParse': (m) => zodDepth.safeParse(m).success,
};

function measure(fn, messages) {
  for (let i = 0; i < 2000; i++) fn(messages[i % messages.length]); // warm up
  const rates = [];
  for (let r = 0; r < ROUNDS; r++) {
    let n = 0;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < MIN_ROUND_MS) {
      for (let i = 0; i < 1000; i++)
        if (!fn(messages[(n + i) % messages.length])) throw new Error('a valid message was rejected');
      n += 1000;
      elapsed = performance.now() - start;
    }
    rates.push((n / elapsed) * 1000);
  }
  return rates.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)]; // median
}

const fmt = (n) => Math.round(n).toLocaleString('en-US').padStart(12);
console.log('start-up cost before the first validation:');
console.log(`  ajv runtime: create, add schemas, compile DepthMessage   ${ajvCompileMs.toFixed(1)} ms`);
console.log(`  ajv runtime: compile PlaceOrderSuccess                   ${ajvOrderCompileMs.toFixed(1)} ms`);
console.log(`  generated: import the order validators module           ${importMs.toFixed(1)} ms (no compilation)\n`);
console.log(`depth message validation, median of ${ROUNDS} rounds of >= ${MIN_ROUND_MS} ms, node ${process.version}`);
for (const levels of [2, 20, 100]) {
  const messages = Array.from({ length: 64 }, (_, i) => depthMessage(levels, i));
  const results = Object.fromEntries(Object.entries(contenders).map(([name, fn]) => [name, measure(fn, messages)]));
  const base = results['generated (ajv standalone)'];
  console.log(`\n${levels} levels per side`);
  for (const [name, rate] of Object.entries(results)) {
    console.log(`  ${name.padEnd(28)} ${fmt(rate)} msg/s   ${(rate / base).toFixed(2)}x generated`);
  }
}
