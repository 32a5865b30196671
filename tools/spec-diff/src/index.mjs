export * from './load.mjs';
export * from './classify.mjs';
export * from './report.mjs';
export * from './bump.mjs';
