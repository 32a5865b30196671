// Node's HTTP requests to MSW handlers and back: each request is read (up to the body limit) into
// a Fetch `Request`, answered by the same handlers the in-process mocks use (msw's
// `getResponse`), and the `Response` is written back. Whatever a client sends, it gets an answer
// with the exchange's envelope: a method Fetch cannot carry (TRACE, CONNECT...) is refused here,
// before a `Request` exists, and a handler that throws is answered, never left to crash the process.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getResponse, type HttpHandler } from 'msw';
import { stringifyJson } from '@ascendex-toolkit/validators';
import { errorCatalog } from '@ascendex-toolkit/types';
import { bodyTooLarge, methodNotAllowed, notFoundEnvelope } from '../http/refusals.js';

/** The methods handed to the handlers; others are answered 405 here. */
const FETCH_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

function answer(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  const text = stringifyJson(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** The URL of a request target that is a path (`*` and absolute forms are not requests for this server), else undefined. */
function pathUrl(target: string, origin: string): URL | undefined {
  if (!target.startsWith('/')) return undefined;
  try {
    return new URL(target, origin);
  } catch {
    return undefined;
  }
}

/** Reads the body, or resolves undefined (and stops reading) once it passes `limit` bytes. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    req.on('data', (chunk: Buffer) => {
      length += chunk.length;
      if (length > limit) {
        req.removeAllListeners('data');
        req.resume();
        resolve(undefined);
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The request handler of the server: every request answered by `handlers`, within `maxBodyBytes`. */
export function httpBridge(
  handlers: readonly HttpHandler[],
  options: { readonly maxBodyBytes: number; readonly origin: () => string },
): (req: IncomingMessage, res: ServerResponse) => void {
  const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = (req.method ?? 'GET').toUpperCase();
    if (!FETCH_METHODS.has(method))
      return answer(res, 405, methodNotAllowed(method), { Allow: 'GET, HEAD, POST, DELETE' });
    const declared = Number(req.headers['content-length'] ?? 0);
    // An oversized body is refused at once and the rest of it read and dropped (within the request
    // timeout), so that a client still sending it reads the answer instead of a broken pipe.
    if (declared > options.maxBodyBytes) {
      req.resume();
      return answer(res, 413, bodyTooLarge(options.maxBodyBytes));
    }
    const body = await readBody(req, options.maxBodyBytes);
    if (body === undefined) return answer(res, 413, bodyTooLarge(options.maxBodyBytes));
    const url = pathUrl(req.url ?? '/', options.origin());
    if (!url) return answer(res, 400, { ...notFoundEnvelope, message: 'the request target is not a path' });
    const headers = new Headers();
    for (let i = 0; i < req.rawHeaders.length; i += 2) {
      try {
        headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
      } catch {
        // A header Fetch refuses (a forbidden name or value) is left out, as a proxy would drop it.
      }
    }
    const hasBody = method !== 'GET' && method !== 'HEAD';
    const request = new Request(url, { method, headers, ...(hasBody ? { body: new Uint8Array(body) } : {}) });
    const response = await getResponse([...handlers], request);
    if (!response) return answer(res, 404, notFoundEnvelope);
    const payload = Buffer.from(await response.arrayBuffer());
    if (res.headersSent || res.destroyed) return;
    res.statusCode = response.status;
    response.headers.forEach((value, name) => res.appendHeader(name, value));
    res.setHeader('Content-Length', payload.length);
    res.end(method === 'HEAD' ? undefined : payload);
  };
  return (req, res) => {
    serve(req, res).catch((error: unknown) => {
      // A handler bug: the client still gets the exchange's server-error envelope, and the process lives.
      answer(res, 500, {
        code: 510001,
        reason: errorCatalog[510001].reason,
        message: error instanceof Error ? error.message : 'internal error',
      });
    });
  };
}
