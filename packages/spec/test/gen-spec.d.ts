// Test-only typings for the generator (plain JavaScript with JSDoc) that the tests exercise.
declare module '@ascendex-toolkit/gen-spec' {
  export const outDir: string;
  export function generate(): Promise<Map<string, string>>;
  export function badRefs(doc: unknown): { at: string; ref: string; problem: 'external' | 'unresolved' }[];
  export function assertSelfContained(doc: unknown, name: string): void;
  export function assertRoundTrip(value: unknown, text: string, format: 'json' | 'yaml', name: string): void;
  export function toJson(value: unknown): string;
  export function toYaml(value: unknown, comment: string): string;
  export function toJsLiteral(value: unknown): string;
}
