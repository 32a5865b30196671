#!/usr/bin/env node
// pnpm spec:diff <git-ref> [--ack <file>]: the spec at <git-ref> against the working tree.
// Exit 0 without unacknowledged breaking changes, 1 with them, 2 on bad usage.
import { parseArgs } from 'node:util';
import { diffSpecs } from './classify.mjs';
import { bundleAtRef, bundleWorkingTree } from './load.mjs';
import { formatReport, readAcknowledgements, unacknowledgedBreaking } from './report.mjs';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { ack: { type: 'string' } } });
const ref = positionals[0];
if (!ref || positionals.length > 1) {
  console.error('usage: pnpm spec:diff <git-ref> [--ack <file>]');
  process.exit(2);
}
const changes = diffSpecs(bundleAtRef(ref), bundleWorkingTree());
console.log(formatReport(changes, ref));
const open = unacknowledgedBreaking(changes, values.ack ? readAcknowledgements(values.ack) : []);
if (open.length > 0) {
  console.log(
    `\n${open.length} breaking change(s) not acknowledged; list them in a file passed with --ack if intended`,
  );
  process.exit(1);
}
