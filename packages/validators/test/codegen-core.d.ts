// Test-only typings for the JavaScript dev tool package the tests use to read the spec.
declare module '@ascendex-toolkit/codegen-core' {
  type Json = any;
  export interface SpecExample {
    where: string;
    schema: Json;
    value: unknown;
    kind: 'parameter' | 'body' | 'response' | 'message';
    operationId?: string;
    parameter?: { name: string; in: string; required?: boolean; schema: Json };
    message?: string;
  }
  export function documents(): { openapi: Json; asyncapi: Json };
  export function referenceValidation(docs: { openapi: Json; asyncapi: Json }): {
    ajv: Json;
    validate(schema: Json, value: unknown): Json[] | null;
    component(name: string): Json;
  };
  export function pascal(id: string): string;
  export function openapiExamples(doc: Json): SpecExample[];
  export function asyncapiExamples(doc: Json): SpecExample[];
  export function createAjv(options?: Json): Json;
  export function addComponentSchemas(ajv: Json, doc: Json): Json;
  export function toAjvSchema(schema: Json): Json;
  export function encodePointer(segments: (string | number)[]): string;
  type Matches = (schema: Json, value: unknown) => boolean;
  type Component = (name: string) => Json;
  export function findRequiredPath(value: unknown, schema: Json, component: Component, matches: Matches): (string | number)[] | null;
  export function findFieldPath(
    value: unknown,
    schema: Json,
    component: Component,
    matches: Matches,
    predicate: (schema: Json, value: unknown) => boolean,
  ): (string | number)[] | null;
  export function withoutPath<T>(value: T, path: (string | number)[]): T;
  export function withValueAt<T>(value: T, path: (string | number)[], replacement: unknown): T;
  export const MUTATIONS: Record<string, { find: (schema: Json, value: unknown) => boolean; replace: (value: any) => unknown }>;
  export const apiDocsDir: string;
}
