// The bundled documents and small helpers every generator uses to walk them.
import { bundle } from './bundle.mjs';
import { openapiRoot, asyncapiRoot } from './paths.mjs';

let cached;
export function documents() {
  cached ??= { openapi: bundle(openapiRoot), asyncapi: bundle(asyncapiRoot) };
  return cached;
}

export const pascal = (id) => id[0].toUpperCase() + id.slice(1);
export const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/** Resolves a `#/components/parameters/X` ref (or returns the inline parameter). */
export function resolveParameter(openapi, p) {
  return p.$ref ? openapi.components.parameters[p.$ref.split('/').pop()] : p;
}

/** The payload schema of every message in `components.messages`, keyed by message name. */
export function wsMessages(asyncapi) {
  return Object.values(asyncapi.components?.messages ?? {}).map((m) => ({ name: m.name, payload: m.payload, message: m }));
}

/** Every REST operation with its route and method, in spec order. */
export function restOperations(openapi) {
  return Object.entries(openapi.paths).flatMap(([route, item]) =>
    METHODS.filter((m) => item[m]).map((method) => ({ route, method, op: item[method] })),
  );
}

/** A JSDoc block, or nothing when there is no text. */
export function jsdoc(...lines) {
  const text = lines.filter(Boolean).join('\n').trim();
  if (!text) return '';
  return `/**\n${text.split('\n').map((l) => ` * ${l.replace(/\*\//g, '*\\/')}`.trimEnd()).join('\n')}\n */\n`;
}
