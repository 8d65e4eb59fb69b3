export * from './types.js';
export * from './catalog.js';
export { parseTransformation, MAX_LAYER_DEPTH, type ParseOptions } from './parse.js';
export { parseExpr, evaluate, formatExpr, parseSignedNumber } from './expressions.js';
export { parseColor, rgbaToHex } from './colors.js';
export { decodeBase64Utf8, encodeBase64Utf8 } from './base64.js';
export { formatTransformation } from './format.js';
