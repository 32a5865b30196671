// The spec's examples and a reference ajv, for tests that check the generated validators against them.
import {
  documents,
  openapiExamples,
  asyncapiExamples,
  referenceValidation,
  pascal,
  type SpecExample,
} from '@ascendex-toolkit/codegen-core';

export const { openapi, asyncapi } = documents();
const reference = referenceValidation({ openapi, asyncapi });

/** Does `value` match `schema` (reference ajv, compiled at test time)? Used to pick oneOf branches. */
export function matches(schema: object, value: unknown): boolean {
  return reference.validate(schema, value) === null;
}
export const { component } = reference;

export interface ValidatorCase {
  where: string;
  /** Generated validator name without prefix, e.g. `GetDepthResponse` or `DepthMessage`. */
  validator: string;
  value: unknown;
  schema: object;
}

/** Every body, response and message example of the spec, with the validator that must accept it. */
export function payloadCases(): ValidatorCase[] {
  const name = (e: SpecExample) =>
    e.kind === 'message' ? e.message! : `${pascal(e.operationId!)}${e.kind === 'body' ? 'Body' : 'Response'}`;
  return [...openapiExamples(openapi), ...asyncapiExamples(asyncapi)]
    .filter((e) => e.kind !== 'parameter')
    .map((e) => ({ where: e.where, validator: name(e), value: e.value, schema: e.schema }));
}

/** Per operation, one params object made of its parameters' examples. */
export function paramsCases(): (ValidatorCase & { parameters: NonNullable<SpecExample['parameter']>[] })[] {
  const byOp = new Map<string, SpecExample[]>();
  for (const e of openapiExamples(openapi).filter((x) => x.kind === 'parameter')) {
    byOp.set(e.operationId!, [...(byOp.get(e.operationId!) ?? []), e]);
  }
  return [...byOp].map(([op, examples]) => {
    const value: Record<string, unknown> = {};
    for (const e of examples) if (!(e.parameter!.name in value)) value[e.parameter!.name] = e.value;
    return {
      where: `${op} parameters`,
      validator: `${pascal(op)}Params`,
      value,
      schema: {},
      parameters: examples.map((e) => e.parameter!),
    };
  });
}
