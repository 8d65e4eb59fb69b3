import cssColors from 'color-name';
import { TransformationError, type Rgba } from './types.js';

/**
 * ImageKit colours: `RRGGBB`, `RRGGBBAA` where AA is a *decimal* opacity 00–99 (not hex), or a
 * lower-case CSS colour name.
 */
export function parseColor(raw: string, param: string): Rgba {
  const hex = /^([0-9a-fA-F]{6})(\d{2})?$/.exec(raw);
  if (hex) {
    const n = parseInt(hex[1], 16);
    const alpha = hex[2] === undefined ? 1 : Number(hex[2]) / 100;
    return { r: (n >> 16) & 255, g: (n >> 8) & 255, b: n & 255, alpha };
  }
  const named = Object.prototype.hasOwnProperty.call(cssColors, raw) ? cssColors[raw] : undefined;
  if (named) return { r: named[0], g: named[1], b: named[2], alpha: 1 };
  throw new TransformationError(param, `Invalid colour "${raw}" for transformation parameter "${param}".`);
}

export function rgbaToHex({ r, g, b }: Rgba): string {
  return [r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('').toUpperCase();
}
