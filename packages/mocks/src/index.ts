// Public entry of @ascendex-toolkit/mocks.
export * from './backend.js';
export { sign, signedMessage, checkSignature, type SignatureProblem } from './auth/signature.js';
