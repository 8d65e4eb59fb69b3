export * from './types.js';
export * from './catalog.js';
export { parseTransformation, MAX_LAYER_DEPTH } from './parse.js';
export { evaluate } from './expressions.js';
