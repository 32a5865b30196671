// Files of the exchange-side request profile (packages/validators/src/generated/exchange): ajv
// standalone modules for every REST request part and client message, read as the exchange reads
// them (exchange-profile.mjs), and the tables the hand-written runtime (src/exchange.ts) runs.
import {
  jsdoc,
  formatCode,
  validatorSymbols,
  typesSymbols,
  packageNames,
  runtimeImport,
} from '@ascendex-toolkit/codegen-core';
import { compileValidatorModules, SHARED } from './standalone.mjs';
import { restEntries } from './entries.mjs';
import { validateModuleFiles, VALIDATE } from './validate-module.mjs';
import { EXCHANGE_AJV_OPTIONS, EXCHANGE_KEYWORDS, exchangeDocuments, exchangeSchema } from './exchange-profile.mjs';
/** @import { BundledDocument, Schema, SpecModel } from '@ascendex-toolkit/codegen-core' */

/** What the exchange answers when no field-specific reason applies. */
const FALLBACK_REASONS = { rest: 'INVALID_REQUEST_DATA', ws: 'INVALID_WS_REQUEST_DATA', json: 'INVALID_JSON_FORMAT' };

/**
 * @param {SpecModel} model
 * @param {{ dir: string, head: (sources: string[]) => string, ajvOptions?: import('ajv').Options }} out
 *   where and how to write; `ajvOptions` those of the strict profile, which this one extends
 * @returns {Promise<Map<string, string>>}
 */
export async function exchangeProfileFiles(model, { dir, head, ajvOptions = {} }) {
  const { openapi, asyncapi } = model;
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
  const requestTypes = new Set(
    model.operations.flatMap(({ symbols: { types } }) => [types.params, ...(types.body ? [types.body] : [])]),
  );
  const rest = [...restEntries(model).values()]
    .flat()
    .filter((e) => requestTypes.has(e.name))
    .map((e) => ({ name: e.name, schema: exchangeSchema(e.schema, component) }));
  // WebSocket: every message a client can send.
  const clientMessages = model.ws.clientMessages;
  const ws = clientMessages.map((m) => {
    const schema = exchangeComponent(m.name);
    if (!schema) throw new Error(`client message ${m.name} has no payload schema of its name`);
    return { name: m.name, schema };
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

  // A refusal is written as its catalog code only: its reason (and the rest of the entry) is read
  // from the catalog of @ascendex-toolkit/types at run time, so the pair is never copied here.
  /** @param {string} reason */
  const refusal = (reason) => `${model.errorOfReason(reason, 'the exchange profile').code}`;
  /** @param {{ name: string }} entry */
  const validate = (entry) => validatorSymbols(entry.name).validate;

  const operations = model.operations.map(({ id, method, route, op, x, symbols: { validators } }) => {
    const body = validators.body ? `, body: ${validators.body.validate}` : '';
    const methods = JSON.stringify([method, ...(x.alsoAccepts?.methods ?? [])]);
    const prehashes = x.signed
      ? `, prehashes: ${JSON.stringify([x.prehash, ...(x.alsoAccepts?.prehashes ?? [])])}`
      : '';
    const bodyRequired = body ? `, bodyRequired: ${op.requestBody?.required === true}` : '';
    return `  ${id}: { methods: ${methods}, route: '${route}'${prehashes}, params: ${validators.params.validate}${body}${bodyRequired} },`;
  });
  const messageNames = clientMessages.map((m) => m.name);
  const table = [
    `import type { ${typesSymbols.operations}, ${typesSymbols.knownErrorCode}, ${messageNames.join(', ')} } from '${packageNames.types}';`,
    `import type { ValidateFunction } from '${runtimeImport(packageNames.validators, 'exchange/profile.gen.ts')}';`,
    `import { ${rest.map(validate).join(', ')} } from './rest.validate.gen.js';`,
    `import { ${ws.map(validate).join(', ')} } from './ws.validate.gen.js';`,
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
      `export const exchangeRestValidators = {\n${operations.join('\n')}\n} as const satisfies Record<keyof ${typesSymbols.operations}, ExchangeRestValidators>;`,
    jsdoc(
      'Every message a client can send, told apart by `op` and, for `op: req`, by `action` (each',
      'spelling the exchange accepts), with its exchange-side validator.',
    ) +
      `export const exchangeClientMessages = [\n${clientMessages
        .map(
          (m) =>
            `  { name: '${m.name}', op: '${m.op}', ${m.actions ? `actions: ${JSON.stringify(m.actions)}, ` : ''}validate: ${validate(m)} },`,
        )
        .join('\n')}\n] as const;`,
    jsdoc('Client message name -> its type (as our client sends it; the exchange side may see extra fields).') +
      `export interface ExchangeClientMessageMap {\n${messageNames.map((n) => `  ${n}: ${n};`).join('\n')}\n}`,
    jsdoc(
      'The catalog code of the refusal the exchange answers for an invalid value of these fields (from',
      'the spec model, which reads `x-ascendex-invalid`).',
    ) +
      `export const invalidFieldRefusals: Readonly<Record<string, ${typesSymbols.knownErrorCode}>> = {\n${[
        ...model.invalidFieldReasons,
      ]
        .map(([field, reason]) => `  ${field}: ${refusal(reason)},`)
        .join('\n')}\n};`,
    jsdoc(
      'The catalog code of the refusal for anything else: a REST request, a WebSocket message, a body',
      'that is not JSON.',
    ) +
      `export const fallbackRefusals = {\n${Object.entries(FALLBACK_REASONS)
        .map(([k, reason]) => `  ${k}: ${refusal(reason)},`)
        .join('\n')}\n} as const satisfies Record<string, ${typesSymbols.knownErrorCode}>;`,
  ].join('\n');
  files.set(`${dir}/profile.gen.ts`, await formatCode(head(['spec/openapi.yaml', 'spec/asyncapi.yaml']) + table));
  return files;
}
