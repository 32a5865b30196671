// vitest setupFiles of the client's tests: records every log line a test file produces (console,
// stdout, stderr) and the errors of failed tests, and every secret and signature the file's code
// signs with (through WebCrypto, so whoever signs and with whatever secret). After the file, the
// records must contain neither these nor the mocks' API key; a leak fails the file.
import { format } from 'node:util';
import { afterAll, beforeEach } from 'vitest';
import { defaultAccount } from '@ascendex-toolkit/mocks';
import { findLeaks, type Credential, type Recorded } from './leaks.js';

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
