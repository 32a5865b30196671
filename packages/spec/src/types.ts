// Types for the spec as data. They describe the parts a consumer reads by name (ids, vendor
// extensions, the catalog and the log); everything else stays open (`[key: string]: unknown`),
// since the OpenAPI and AsyncAPI object models are large and consumers usually hand the documents
// to a library that has its own. The generated data modules are annotated with these types, so
// the build fails if the spec stops matching them. This is the runtime entry of the generated
// modules (tools/codegen-core `runtimeEntries`): it imports none of them.

/**
 * A value in the documents: JSON, except that an integer beyond ±(2^53 − 1) is a `bigint` (the
 * trade `seqnum` examples), so that it is exact.
 */
export type SpecValue = string | number | bigint | boolean | null | SpecValue[] | { [key: string]: SpecValue };

/** A JSON Schema (the subset meaning the same in draft-07 and 2020-12; see the spec's README). */
export type SchemaObject = boolean | { [keyword: string]: unknown };

/** A reference inside the same document: always `#/...`. */
export interface Reference {
  $ref: `#${string}`;
  [key: string]: unknown;
}

export interface InfoObject {
  title: string;
  version: string;
  summary?: string;
  description?: string;
  license?: { name: string; identifier?: string; url?: string };
  [key: string]: unknown;
}

/** `x-ascendex` on a REST operation: signing, URL shape and where the payload sits. */
export interface AscendexOperation {
  /** Needs the `x-auth-*` headers. */
  signed: boolean;
  /** The path part of the signed message `<timestamp>+<prehash>` (signed operations). */
  prehash?: string;
  /** The URL starts with `/{accountGroup}`. */
  accountGroup: boolean;
  /** The URL has an `{accountCategory}` segment. */
  accountCategory: boolean;
  /** Where the success payload sits; `data` when absent. */
  payload?: 'data' | 'info' | 'body' | 'none';
  /** The payload is one object when `param` names exactly one item, otherwise a list. */
  singleOrList?: { param: string };
  rateLimit?: { requests: number; perSeconds: number };
  /** What the exchange also answers though our client never sends it: other methods, other prehashes. */
  alsoAccepts?: { methods?: string[]; prehashes?: string[] };
}

export interface OpenApiOperation {
  operationId: string;
  tags: string[];
  summary: string;
  description?: string;
  deprecated?: boolean;
  security?: Record<string, string[]>[];
  parameters?: unknown[];
  requestBody?: unknown;
  responses: Record<string, unknown>;
  'x-ascendex': AscendexOperation;
  /** The exchange docs file the operation was modelled from. */
  'x-ascendex-docs'?: string;
  [key: string]: unknown;
}

export interface OpenApiPathItem {
  get?: OpenApiOperation;
  put?: OpenApiOperation;
  post?: OpenApiOperation;
  delete?: OpenApiOperation;
  patch?: OpenApiOperation;
  [key: string]: unknown;
}

/** The bundled OpenAPI 3.1 document. */
export interface OpenApiDocument {
  openapi: string;
  info: InfoObject;
  servers?: { url: string; description?: string; [key: string]: unknown }[];
  tags?: { name: string; description?: string; [key: string]: unknown }[];
  paths: Record<string, OpenApiPathItem>;
  components: {
    schemas: Record<string, SchemaObject>;
    parameters?: Record<string, unknown>;
    securitySchemes?: Record<string, unknown>;
    [key: string]: unknown;
  };
  'x-ascendex-error-catalog': ErrorCatalog;
  [key: string]: unknown;
}

/** `x-ascendex-subscription` on a topic channel. */
export interface AscendexSubscription {
  requiresAuth: boolean;
  /** The `{symbol}` parameter may list up to 10 symbols, comma-separated. */
  multiSymbol: boolean;
}

/** `x-ascendex-request` on a send operation. */
export interface AscendexRequest {
  op: string;
  action?: string;
  requiresAuth: boolean;
  /** JSON pointers into the request and the reply whose values match a reply to its request. */
  correlation?: { request: string; reply: string };
}

export interface AsyncApiChannel {
  address?: string | null;
  title?: string;
  summary?: string;
  description?: string;
  messages?: Record<string, unknown>;
  parameters?: Record<string, unknown>;
  servers?: Reference[];
  'x-ascendex-subscription'?: AscendexSubscription;
  [key: string]: unknown;
}

export interface AsyncApiOperation {
  action: 'send' | 'receive';
  channel: Reference;
  title?: string;
  summary?: string;
  description?: string;
  messages?: Reference[];
  reply?: unknown;
  'x-ascendex-request'?: AscendexRequest;
  'x-ascendex-docs'?: string;
  [key: string]: unknown;
}

export interface AsyncApiMessage {
  /** Equals the payload schema's component name. */
  name: string;
  title?: string;
  summary?: string;
  description?: string;
  payload: SchemaObject;
  examples?: { name?: string; summary?: string; payload?: SpecValue; headers?: SpecValue }[];
  correlationId?: unknown;
  'x-ascendex-docs'?: string;
  [key: string]: unknown;
}

/** The bundled AsyncAPI 3 document. */
export interface AsyncApiDocument {
  asyncapi: string;
  info: InfoObject;
  defaultContentType?: string;
  servers?: Record<string, unknown>;
  channels: Record<string, AsyncApiChannel>;
  operations: Record<string, AsyncApiOperation>;
  components: {
    messages: Record<string, AsyncApiMessage>;
    schemas: Record<string, SchemaObject>;
    parameters?: Record<string, unknown>;
    securitySchemes?: Record<string, unknown>;
    [key: string]: unknown;
  };
  'x-ascendex-error-catalog': ErrorCatalog;
  /** The top-level payload fields, in order, whose `const` values tell server messages apart. */
  'x-ascendex-discriminators': string[];
  /** Every message name the server can send, in dispatch order. */
  'x-ascendex-server-messages': string[];
  [key: string]: unknown;
}

/** A group of error codes. */
export interface ErrorGroup {
  id: number;
  name: string;
  description: string;
}

/** One code the exchange is documented to send. */
export interface ErrorCodeEntry {
  code: number;
  /** The exchange's mnemonic; `null` where the docs give none. */
  reason: string | null;
  /** The `name` of its {@link ErrorGroup}. */
  group: string;
  description: string;
}

/** The error catalog (`spec/components/errors.yaml`, also `x-ascendex-error-catalog` of both documents). */
export interface ErrorCatalog {
  groups: ErrorGroup[];
  codes: ErrorCodeEntry[];
}

/** One entry of the discrepancy log; `Area` is the generated `DiscrepancyArea` in the log itself. */
export interface DiscrepancyEntry<Area extends string = string> {
  /** The log file the entry comes from: `rest`, `ws`, or `shared` (components both documents use). */
  area: Area;
  id: string;
  /** The exchange docs file (under its `api-docs/`) where the contradiction is. */
  docs: string;
  /** What each source in the docs says, by kind of source (`table`, `sample`, `prose`, ...). */
  sources: Record<string, string>;
  /** What the spec does. */
  decision: string;
  why: string;
  /** Spec locations (`<file relative to the source repo's spec/>#<pointer>`) that embody the decision. */
  spec: string[];
}
