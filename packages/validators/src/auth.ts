// Request signatures, both ways: how a client signs and how the exchange checks. One module, so the
// client (`sign`) and the mocks (`checkSignature`) can never disagree on the scheme.
// How the exchange checks a signature: base64(HMAC-SHA256(secret, `<timestamp>+<prehash>`)), keyed
// with the secret's bytes as given (the docs' samples; see spec/discrepancies auth-secret-key-encoding).
// Signing uses Node's synchronous HMAC where the runtime offers it through
// `process.getBuiltinModule` (Node 20.16+), else WebCrypto (browsers, workers): no static import of
// a Node built-in, so the module bundles for a browser unchanged. Checking uses WebCrypto's
// constant-time verify everywhere.

const encoder = new TextEncoder();
const keys = new Map<string, Promise<CryptoKey>>();

function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
      'verify',
    ]);
    keys.set(secret, key);
  }
  return key;
}

/** The message the exchange signs: `<timestamp>+<prehash>` (REST) or `<timestamp>+stream` (WebSocket). */
export const signedMessage = (timestamp: string | number, prehash: string): string => `${timestamp}+${prehash}`;

/** The part of `node:crypto` signing uses. */
interface NodeHmac {
  update(data: string): NodeHmac;
  digest(encoding: 'base64'): string;
}
type CreateHmac = (algorithm: 'sha256', key: string) => NodeHmac;
type GetBuiltinModule = (id: string) => { createHmac?: CreateHmac } | undefined;

/**
 * Node's `createHmac`, looked up once; null where the runtime has none. A signature made with it
 * costs about 3 µs against WebCrypto's 28 µs on Node 20 (whose `subtle.sign` hands the work to the
 * thread pool and back): a signed REST call's largest client-side cost before it.
 */
let nodeHmac: CreateHmac | null | undefined;
function nodeCreateHmac(): CreateHmac | null {
  if (nodeHmac === undefined) {
    const process = (globalThis as { process?: { getBuiltinModule?: GetBuiltinModule } }).process;
    nodeHmac = process?.getBuiltinModule?.('node:crypto')?.createHmac ?? null;
  }
  return nodeHmac;
}

/**
 * base64(HMAC-SHA256(secret, message)), the secret and the message as UTF-8 bytes. Synchronous
 * under Node, WebCrypto elsewhere; both give the same bytes (test/auth.test.ts).
 */
export async function sign(secret: string, message: string): Promise<string> {
  const createHmac = nodeCreateHmac();
  if (createHmac) return createHmac('sha256', secret).update(message).digest('base64');
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', await hmacKey(secret), encoder.encode(message)));
  let binary = '';
  for (const byte of mac) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The bytes of a base64 string, or undefined when it is not base64 of a SHA-256 MAC (32 bytes). */
function macBytes(signature: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^[A-Za-z0-9+/]{43}=$/.test(signature)) return undefined;
  const binary = atob(signature);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Why a signature was not accepted. */
export type SignatureProblem = 'missing' | 'malformed' | 'stale' | 'wrong';

/**
 * Checks a signature the way the exchange does: present, well-formed base64 of 32 bytes, a timestamp
 * of at most 30 s from `now`, and the MAC of `<timestamp>+<prehash>` for one of the accepted
 * prehashes (WebCrypto's verify compares in constant time).
 * @returns undefined when accepted, otherwise the problem
 */
export async function checkSignature(input: {
  secret: string;
  timestamp: string | null | undefined;
  signature: string | null | undefined;
  prehashes: readonly string[];
  now: number;
  /** Largest accepted distance from `now`, ms. */
  toleranceMs?: number;
}): Promise<SignatureProblem | undefined> {
  const { secret, timestamp, signature, prehashes, now, toleranceMs = 30_000 } = input;
  if (!timestamp || !signature) return 'missing';
  if (!/^\d{1,16}$/.test(timestamp)) return 'malformed';
  const mac = macBytes(signature);
  if (!mac) return 'malformed';
  if (Math.abs(now - Number(timestamp)) > toleranceMs) return 'stale';
  const key = await hmacKey(secret);
  for (const prehash of prehashes) {
    if (await crypto.subtle.verify('HMAC', key, mac, encoder.encode(signedMessage(timestamp, prehash))))
      return undefined;
  }
  return 'wrong';
}
