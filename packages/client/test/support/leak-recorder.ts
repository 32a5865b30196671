// vitest setupFiles of the client's tests: records every log line a test file produces (console,
// stdout, stderr), every error a test hands to `expect(...)` (also through `.rejects` and `.toThrow`) and the
// errors of failed tests, and every secret and signature the file's code signs with (through
// WebCrypto or node:crypto's HMAC, so whoever signs and with whatever secret). After the file, the records must contain
// neither these nor the mocks' API key; a leak fails the file. Errors a test catches and never
// hands to expect() are not seen here: test/errors/secrets.test.ts drives every error path.
import { format } from 'node:util';
import { afterAll, beforeEach, chai } from 'vitest';
import { defaultAccount } from '@ascendex-toolkit/mocks';
import { findLeaks, textsOf, type Credential, type Recorded } from './leaks.js';

const records: Recorded[] = [];
const credentials = new Map<string, Credential>();
const remember = (kind: Credential['kind'], value: string) => credentials.set(value, { kind, value });
remember('API key', defaultAccount.apiKey);
remember('secret', defaultAccount.secret);

/** Adds an API key the file's tests use beyond the mocks' default one. */
export const rememberApiKey = (value: string): void => void remember('API key', value);

for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
  const original = console[method].bind(console);
  console[method] = (...args: unknown[]) => {
    records.push({ source: `console.${method}`, text: format(...args) });
    original(...args);
  };
}
for (const stream of ['stdout', 'stderr'] as const) {
  const original = process[stream].write.bind(process[stream]);
  process[stream].write = ((chunk: unknown, ...rest: never[]) => {
    records.push({ source: `process.${stream}`, text: String(chunk) });
    return original(chunk as string, ...rest);
  }) as typeof process.stdout.write;
}

// Every HMAC key imported is a secret; every MAC made is a signature.
const subtle = crypto.subtle;
const importKey = subtle.importKey.bind(subtle);
const sign = subtle.sign.bind(subtle);
subtle.importKey = ((...args: Parameters<typeof subtle.importKey>) => {
  const [format_, keyData, algorithm] = args;
  const name = typeof algorithm === 'string' ? algorithm : algorithm.name;
  if (format_ === 'raw' && name === 'HMAC' && ArrayBuffer.isView(keyData))
    remember('secret', new TextDecoder().decode(keyData));
  return importKey(...(args as Parameters<typeof importKey>));
}) as typeof subtle.importKey;
subtle.sign = (async (...args: Parameters<typeof subtle.sign>) => {
  const mac = await sign(...args);
  remember('signature', btoa(String.fromCharCode(...new Uint8Array(mac))));
  return mac;
}) as typeof subtle.sign;

// Under Node the validators sign with node:crypto's HMAC, which they find through
// process.getBuiltinModule: the module that lookup hands out records the same.
type NodeCrypto = typeof import('node:crypto');
const getBuiltinModule = process.getBuiltinModule.bind(process);
process.getBuiltinModule = ((id: string) => {
  const found: unknown = getBuiltinModule(id);
  if (id !== 'node:crypto' && id !== 'crypto') return found;
  const nodeCrypto = found as NodeCrypto;
  const createHmac = ((algorithm: string, key: Parameters<NodeCrypto['createHmac']>[1]) => {
    if (typeof key === 'string') remember('secret', key);
    const hmac = nodeCrypto.createHmac(algorithm, key);
    const digest = hmac.digest.bind(hmac) as (encoding?: BufferEncoding) => string | Buffer;
    hmac.digest = ((encoding?: BufferEncoding) => {
      const mac = digest(encoding);
      remember(
        'signature',
        typeof mac === 'string' ? Buffer.from(mac, encoding).toString('base64') : mac.toString('base64'),
      );
      return mac;
    }) as typeof hmac.digest;
    return hmac;
  }) as NodeCrypto['createHmac'];
  return { ...nodeCrypto, createHmac };
}) as typeof process.getBuiltinModule;

// Every error a test gives to expect(), to `.rejects`, or that `expect(fn).toThrow()` catches: each
// matcher of chai's Assertion is wrapped to record its subject when that is (or throws) an error.
const seen = new WeakSet<Error>();
let errorsSeen = 0;
const recordError = (error: Error) => {
  if (seen.has(error)) return;
  seen.add(error);
  records.push(...textsOf(`error #${++errorsSeen} (${error.name})`, error));
};
const THROWING = new Set(['toThrow', 'toThrowError', 'throw', 'throws', 'Throw']);
const { Assertion, util } = chai;
for (const name of Object.getOwnPropertyNames(Assertion.prototype)) {
  const descriptor = Object.getOwnPropertyDescriptor(Assertion.prototype, name)!;
  const matcher: unknown = descriptor.value;
  if (name === 'constructor' || name === 'assert' || typeof matcher !== 'function') continue;
  Object.defineProperty(Assertion.prototype, name, {
    ...descriptor,
    value(this: object, ...args: unknown[]) {
      const subject: unknown = util.flag(this, 'object');
      if (subject instanceof Error) recordError(subject);
      if (typeof subject !== 'function' || !THROWING.has(name)) return matcher.apply(this, args);
      util.flag(this, 'object', function (this: unknown, ...params: unknown[]) {
        try {
          return subject.apply(this, params);
        } catch (error) {
          if (error instanceof Error) recordError(error);
          throw error;
        }
      });
      try {
        return matcher.apply(this, args);
      } finally {
        util.flag(this, 'object', subject);
      }
    },
  });
}

beforeEach((context) => {
  context.onTestFailed(({ task }) => {
    for (const error of task.result?.errors ?? [])
      records.push({ source: `failure of "${task.name}"`, text: `${error.message}\n${error.stack ?? ''}` });
  });
});

afterAll(() => {
  const leaks = findLeaks(records, credentials.values());
  if (leaks.length) throw new Error(`credentials in the log of this test file:\n${leaks.join('\n')}`);
});
