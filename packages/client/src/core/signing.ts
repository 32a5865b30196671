// Request signatures: base64 HMAC-SHA256 over `<timestamp>+<prehash>`, keyed with the raw secret,
// through the one WebCrypto implementation the mocks verify with. Only the rows of signed
// operations import this module, so public-only apps do not bundle it.
import { sign, signedMessage } from '@ascendex-toolkit/validators/auth';
import type { RequestSigner } from './operation.js';

export const signRequest: RequestSigner = (secret, timestamp, prehash) =>
  sign(secret, signedMessage(timestamp, prehash));
