// Files of the exchange-side request profile (packages/validators/src/generated/exchange): ajv
// standalone modules for every REST request part and client message, read as the exchange reads
// them (exchange-profile.mjs), and the tables the hand-written runtime (src/exchange.ts) runs.
import { jsdoc, restOperations, pascal, formatCode } from '@ascendex-toolkit/codegen-core';
import { compileValidatorModules, SHARED } from './standalone.mjs';
import { restEntries } from './entries.mjs';
import { validateModuleFiles, VALIDATE } from './validate-module.mjs';
import {
  EXCHANGE_AJV_OPTIONS,
  EXCHANGE_KEYWORDS,
  exchangeDocuments,
  exchangeSchema,
  invalidReasons,
  clientMessageTable,
} from './exchange-profile.mjs';
/** @import { BundledDocument, OpenApiDocument, Schema } from '@ascendex-toolkit/codegen-core' */

/** What the exchange answers when no field-specific reason applies. */
const FALLBACK_REASONS = { rest: 'INVALID_REQUEST_DATA', ws: 'INVALID_WS_REQUEST_DATA', json: 'INVALID_JSON_FORMAT' };

/**
 * @param {OpenApiDocument} openapi bundled
 * @param {BundledDocument} asyncapi bundled
 * @param {{ dir: string, head: (sources: string[]) => string, ajvOptions?: import('ajv').Options }} out
 *   where and how to write; `ajvOptions` those of the strict profile, which this one extends
 * @returns {Promise<Map<string, string>>}
 */
export async function exchangeProfileFiles(openapi, asyncapi, { dir, head, ajvOptions = {} }) {
  const [exchangeOpenapi, exchangeAsyncapi] = exchangeDocuments([openapi, asyncapi]);
  const docs = [/** @type {BundledDocument} */ (exchangeOpenapi), /** @type {BundledDocument} */ (exchangeAsyncapi)];
  /** @param {string} name @returns {Schema | undefined} */
  const component = (name) => openapi.components.schemas[name] ?? asyncapi.components.schemas[name];
  /** @param {string} name @returns {Schema | undefined} */
  const exchangeComponent = (name) =>
    exchangeOpenapi?.components.schemas[name] ?? exchangeAsyncapi?.components.schemas[name];
  /** @type {Map<string, string>} */
  const files = new Map();

  // REST: every operation's Params (path + query) and Body.
  const rest = [...restEntries(openapi).values()]
    .flat()
    .filter((e) => /(Params|Body)$/.test(e.name))
    .map((e) => ({ name: e.name, schema: exchangeSchema(e.schema, component), original: e.schema }));
  // WebSocket: every message a client can send.
  const clientMessages = clientMessageTable(asyncapi);
  const ws = clientMessages.map((m) => {
    const schema = exchangeComponent(m.name);
    const original = component(m.name);
    if (!schema || !original) throw new Error(`client message ${m.name} has no payload schema of its name`);
    return { name: m.name, schema, original };
  });

  // One compilation for both, like the strict profile: shared pieces go to exchange/shared.
  const code = compileValidatorModules(
    new Map([
      ['rest', rest],
      ['ws', ws],
    ]),
    docs,
    { ajvOptions: { ...ajvOptions, ...EXCHANGE_AJV_OPTIONS }, keywords: EXCHANGE_KEYWORDS, suffix: VALIDATE },
  );
  /** @type {[string, { name: string }[], string[]][]} */
  const modules = [
    ['rest', rest, ['spec/openapi.yaml']],
    ['ws', ws, ['spec/asyncapi.yaml']],
  ];
  for (const [base, entries, sources] of modules) {
    const js = code.get(base) ?? '';
    const names = entries.map((e) => e.name);
    for (const [k, v] of await validateModuleFiles({ dir, base, names, js, head: head(sources) })) files.set(k, v);
  }
  if (code.has(SHARED))
    files.set(`${dir}/${SHARED}${VALIDATE}`, head(['spec/openapi.yaml', 'spec/asyncapi.yaml']) + code.get(SHARED));

  const catalog = openapi['x-ascendex-error-catalog'];
  /** @param {string} reason @returns {number} */
  const codeOf = (reason) => {
    const entry = catalog.codes.find((/** @type {{ reason: string | null }} */ c) => c.reason === reason);
    if (!entry) throw new Error(`x-ascendex-invalid names ${reason}, which is not in the error catalog`);
    return entry.code;
  };
  const reasons = invalidReasons(
    [...rest, ...ws].map((e) => e.original),
    component,
  );
  /** @param {string} reason */
  const refusal = (reason) => `{ reason: '${reason}', code: ${codeOf(reason)} }`;

  const operations = restOperations(openapi).map(({ method, route, op }) => {
    const Op = pascal(op.operationId);
    const body = rest.some((e) => e.name === `${Op}Body`) ? `, body: validate${Op}Body` : '';
    const x = op['x-ascendex'];
    const methods = JSON.stringify([method, ...(x.alsoAccepts?.methods ?? [])]);
    const prehashes = x.signed
      ? `, prehashes: ${JSON.stringify([x.prehash, ...(x.alsoAccepts?.prehashes ?? [])])}`
      : '';
    const bodyRequired = body ? `, bodyRequired: ${op.requestBody?.required === true}` : '';
    return `  ${op.operationId}: { methods: ${methods}, route: '${route}'${prehashes}, params: validate${Op}Params${body}${bodyRequired} },`;
  });
  const messageNames = clientMessages.map((m) => m.name);
  const table = [
    `import type { operations, ${messageNames.join(', ')} } from '@ascendex-toolkit/types';`,
    `import type { ValidateFunction } from '../../runtime/ajv-issues.js';`,
    `import { ${rest.map((e) => `validate${e.name}`).join(', ')} } from './rest.validate.gen.js';`,
    `import { ${ws.map((e) => `validate${e.name}`).join(', ')} } from './ws.validate.gen.js';`,
    '',
    jsdoc(
      'What the exchange side knows of one REST operation: how it is reached and signed, and the',
      'validators of its path and query parameters (together) and of its JSON body.',
    ) +
      `export interface ExchangeRestValidators {\n${[
        '  /** The methods the exchange answers on the route: the documented one first, then `x-ascendex.alsoAccepts.methods`. */',
        '  readonly methods: readonly string[];',
        '  readonly route: string;',
        '  /** Signed operations: the prehashes a valid signature may be made over, the one our client signs first. */',
        '  readonly prehashes?: readonly string[];',
        '  readonly params: ValidateFunction;',
        '  readonly body?: ValidateFunction;',
        '  /** Whether the operation needs a body (`requestBody.required`); an empty body is read as none when not. */',
        '  readonly bodyRequired?: boolean;',
      ].join('\n')}\n}`,
    jsdoc('Every REST operation, by operationId, with the exchange-side validators of its request.') +
      `export const exchangeRestValidators = {\n${operations.join('\n')}\n} as const satisfies Record<keyof operations, ExchangeRestValidators>;`,
    jsdoc(
      'Every message a client can send, told apart by `op` and, for `op: req`, by `action` (each',
      'spelling the exchange accepts), with its exchange-side validator.',
    ) +
      `export const exchangeClientMessages = [\n${clientMessages
        .map(
          (m) =>
            `  { name: '${m.name}', op: '${m.op}', ${m.actions ? `actions: ${JSON.stringify(m.actions)}, ` : ''}validate: validate${m.name} },`,
        )
        .join('\n')}\n] as const;`,
    jsdoc('Client message name -> its type (as our client sends it; the exchange side may see extra fields).') +
      `export interface ExchangeClientMessageMap {\n${messageNames.map((n) => `  ${n}: ${n};`).join('\n')}\n}`,
    jsdoc('The refusal the exchange answers for an invalid value of these fields (`x-ascendex-invalid`).') +
      `export const invalidFieldRefusals: Readonly<Record<string, { readonly reason: string; readonly code: number }>> = {\n${[
        ...reasons,
      ]
        .map(([field, reason]) => `  ${field}: ${refusal(reason)},`)
        .join('\n')}\n};`,
    jsdoc('The refusal for anything else: a REST request, a WebSocket message, a body that is not JSON.') +
      `export const fallbackRefusals = {\n${Object.entries(FALLBACK_REASONS)
        .map(([k, reason]) => `  ${k}: ${refusal(reason)},`)
        .join('\n')}\n} as const;`,
  ].join('\n');
  files.set(`${dir}/profile.gen.ts`, await formatCode(head(['spec/openapi.yaml', 'spec/asyncapi.yaml']) + table));
  return files;
}
