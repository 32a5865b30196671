// Public entry: every generated type and constant. The barrel holds no code of its own.
export * from './generated/index.gen.js';
