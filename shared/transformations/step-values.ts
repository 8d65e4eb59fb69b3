import { ALIGNMENTS, AUDIO_CODECS, CROP_MODES, CROPS, FLIPS, FOCUS_SPECIAL, FORMATS, POSITIONS, STREAMING_RESOLUTIONS, TYPOGRAPHY, VIDEO_CODECS } from './catalog.js';
import { parseColor } from './colors.js';
import { parseExpr, parseSignedNumber } from './expressions.js';
import { TransformationError, type Background, type Effect, type Expr, type Position, type StepParams } from './types.js';

const bad = (key: string, value: string, why = '') =>
  new TransformationError(key, `Invalid value "${value}" for transformation parameter "${key}"${why ? `: ${why}` : ''}.`);

function number(key: string, value: string, min = -Infinity, max = Infinity): number {
  const n = parseSignedNumber(value);
  if (n === undefined || n < min || n > max) throw bad(key, value, Number.isFinite(min) ? `expected a number from ${min} to ${max}` : 'expected a number');
  return n;
}

function integer(key: string, value: string, min: number, max: number): number {
  const n = number(key, value, min, max);
  if (!Number.isInteger(n)) throw bad(key, value, `expected an integer from ${min} to ${max}`);
  return n;
}

function oneOf<const T extends string>(key: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw bad(key, value, `expected one of ${allowed.join(', ')}`);
  return value as T;
}

function bool(key: string, value: string): boolean {
  return oneOf(key, value, ['true', 'false']) === 'true';
}

/** `sr-240_360_720`: each a height ImageKit streams, each once, kept in the order written. */
function resolutions(value: string): number[] {
  const parts = value.split('_');
  for (const p of parts) oneOf('sr', p, STREAMING_RESOLUTIONS);
  if (new Set(parts).size !== parts.length) throw bad('sr', value, 'each resolution at most once');
  return parts.map(Number);
}

export function nonNegative(key: string, value: string): Expr {
  const expr = parseExpr(value, key);
  if (expr.kind === 'num' && expr.value < 0) throw bad(key, value, 'must not be negative');
  return expr;
}

/** `ar-4-3`, `ar-4_3` or an expression such as `iar_div_2`, stored as a width/height ratio expression. */
function aspectRatio(value: string): Expr {
  const pair = /^(\d+(?:\.\d+)?)[-_](\d+(?:\.\d+)?)$/.exec(value);
  if (pair) {
    const [w, h] = [Number(pair[1]), Number(pair[2])];
    if (w <= 0 || h <= 0) throw bad('ar', value, 'both sides must be positive');
    return { kind: 'num', value: w / h };
  }
  return parseExpr(value, 'ar');
}

function background(value: string): Background {
  if (value === 'dominant') return { kind: 'dominant' };
  if (value === 'blurred' || value.startsWith('blurred_')) {
    const [, amount = 'auto', brightness = '0'] = value.split('_');
    return {
      kind: 'blurred',
      amount: amount === 'auto' ? 'auto' : integer('bg', amount, 0, 100),
      brightness: integer('bg', brightness, -255, 255),
    };
  }
  return { kind: 'color', color: parseColor(value, 'bg') };
}

/** `b-5_FF0000` or `b-ih_div_20_red`: the last `_` part is the colour. */
function border(value: string): StepParams['b'] {
  const cut = value.lastIndexOf('_');
  if (cut <= 0) throw bad('b', value, 'expected <width>_<colour>');
  return { width: nonNegative('b', value.slice(0, cut)), color: parseColor(value.slice(cut + 1), 'b') };
}

function radius(value: string): StepParams['r'] {
  if (value === 'max') return { kind: 'max' };
  const parts = value.split('_').map((p) => integer('r', p, 0, 100_000));
  if (parts.length === 1) return { kind: 'corners', tl: parts[0], tr: parts[0], br: parts[0], bl: parts[0] };
  if (parts.length === 4) return { kind: 'corners', tl: parts[0], tr: parts[1], br: parts[2], bl: parts[3] };
  throw bad('r', value, 'expected a radius, four radii tl_tr_br_bl, or max');
}

function padding(value: string): [Expr, Expr, Expr, Expr] {
  const parts = value.split('_');
  const list = parts.every((p) => parseSignedNumber(p) !== undefined) ? parts.map((p) => nonNegative('pa', p)) : [parseExpr(value, 'pa')];
  if (list.length === 1) return [list[0], list[0], list[0], list[0]];
  if (list.length === 2) return [list[0], list[1], list[0], list[1]];
  if (list.length === 3) return [list[0], list[1], list[2], list[1]];
  if (list.length === 4) return [list[0], list[1], list[2], list[3]];
  throw bad('pa', value, 'expected 1 to 4 values');
}

/** Parses `bl-10_st-40_x-N5` style sub-parameters of e-shadow and e-gradient. */
function subParams(key: string, value: string, allowed: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  if (value === '') return out;
  for (const part of value.split('_')) {
    const dash = part.indexOf('-');
    const name = dash < 0 ? part : part.slice(0, dash);
    if (dash < 0 || !allowed.includes(name)) throw bad(key, value, `expected ${allowed.map((a) => `${a}-<value>`).join('_')}`);
    out.set(name, part.slice(dash + 1));
  }
  return out;
}

const GRADIENT_DIRECTIONS: Record<string, number> = {
  top: 0, top_right: 45, right: 90, bottom_right: 135, bottom: 180, bottom_left: 225, left: 270, top_left: 315,
};

function effect(key: string, value: string): Effect {
  switch (key) {
    case 'e-grayscale':
      if (value !== '' && value !== 'true') throw bad(key, value, 'takes no value');
      return { name: 'grayscale' };
    case 'e-contrast':
      // The Python quickstart writes `e-contrast-1`; ImageKit treats the value as the flag being on.
      return { name: 'contrast' };
    case 'e-sharpen':
      return { name: 'sharpen', amount: value === '' ? null : number(key, value, 0, 100_000) };
    case 'e-usm': {
      const parts = value.split('-');
      if (parts.length !== 4) throw bad(key, value, 'expected e-usm-<radius>-<sigma>-<amount>-<threshold>');
      const [radius, sigma, amount, threshold] = parts.map((p) => number(key, p, 0, 10_000));
      return { name: 'usm', radius, sigma, amount, threshold };
    }
    case 'e-shadow': {
      const p = subParams(key, value, ['bl', 'st', 'x', 'y']);
      return {
        name: 'shadow',
        blur: number(key, p.get('bl') ?? '10', 0, 15),
        saturation: number(key, p.get('st') ?? '30', 0, 100),
        x: number(key, p.get('x') ?? '2', -100, 100),
        y: number(key, p.get('y') ?? '2', -100, 100),
      };
    }
    case 'e-gradient': {
      const p = subParams(key, value, ['ld', 'from', 'to', 'sp']);
      const ld = p.get('ld') ?? '180';
      const direction = ld in GRADIENT_DIRECTIONS ? GRADIENT_DIRECTIONS[ld] : number(key, ld, 0, 359);
      return {
        name: 'gradient',
        direction,
        from: parseColor(p.get('from') ?? 'FFFFFF', key),
        to: parseColor(p.get('to') ?? '00000000', key),
        stop: nonNegative(key, p.get('sp') ?? '1'),
      };
    }
  }
  throw new TransformationError(key, `Invalid transformation parameter "${key}".`);
}

/** Validates one `key-value` pair and stores it on the step; throws a TransformationError naming the key. */
export function applyStepParam(params: StepParams, key: string, value: string): void {
  if (key.startsWith('e-')) {
    (params.effects ??= []).push(effect(key, value));
    return;
  }
  switch (key) {
    case 'w': params.w = value === 'auto' ? 'auto' : nonNegative(key, value); return;
    case 'h': params.h = nonNegative(key, value); return;
    case 'ar': params.ar = aspectRatio(value); return;
    case 'c': params.c = oneOf(key, value, CROPS); return;
    case 'cm': params.cm = oneOf(key, value, CROP_MODES); return;
    case 'fo':
      if ((POSITIONS as readonly string[]).includes(value) || (FOCUS_SPECIAL as readonly string[]).includes(value)) params.fo = value as Position;
      else if (/^[a-z][a-zA-Z]*$/.test(value)) params.fo = { object: value };
      else throw bad(key, value);
      return;
    case 'z': params.z = number(key, value, 0, 100); return;
    case 'x': case 'y': case 'xc': case 'yc': params[key] = parseExpr(value, key); return;
    case 'q': params.q = integer(key, value, 1, 100); return;
    case 'f': params.f = oneOf(key, value, FORMATS); return;
    case 'pr': case 'lo': case 'md': case 'cp': case 'orig': params[key] = bool(key, value); return;
    case 'rt': params.rt = value === 'auto' ? 'auto' : number(key, value, -360, 360); return;
    case 'fl': { const f = oneOf(key, value, FLIPS); params.fl = f === 'v_h' ? 'h_v' : f; return; }
    case 'r': params.r = radius(value); return;
    case 'b': params.b = border(value); return;
    case 'bg': params.bg = background(value); return;
    case 'o': params.o = integer(key, value, 0, 100); return;
    case 'bl': params.bl = number(key, value, 0, 100); return;
    case 't': params.t = value === 'true' ? 10 : value === 'false' ? false : integer(key, value, 1, 99); return;
    case 'n': params.n = value; return;
    case 'di': params.di = pathValue(key, value); return;
    case 'dpr': params.dpr = value === 'auto' ? 'auto' : number(key, value, 0.1, 5); return;
    case 'pg': params.pg = integer(key, value, 1, 100_000); return;
    case 'fs': params.fs = nonNegative(key, value); return;
    case 'co': params.co = parseColor(value, key); return;
    case 'ff': params.ff = value.includes('@@') || value.includes('.') ? pathValue(key, value) : value; return;
    case 'ia': params.ia = oneOf(key, value, ALIGNMENTS); return;
    case 'pa': params.pa = padding(value); return;
    case 'al': params.al = integer(key, value, 1, 9); return;
    case 'tg': params.tg = oneOf(key, value, TYPOGRAPHY); return;
    case 'lh': params.lh = number(key, value, 0, 10_000); return;
    case 'so': case 'eo': case 'du': params[key] = nonNegative(key, value); return;
    case 'vc': params.vc = oneOf(key, value, VIDEO_CODECS); return;
    case 'ac': params.ac = oneOf(key, value, AUDIO_CODECS); return;
    case 'sr': params.sr = resolutions(value); return;
  }
  throw new TransformationError(key, `Invalid transformation parameter "${key}".`);
}

/** `folder@@file.jpg` → `/folder/file.jpg` (values are still percent-encoded as in the URL). */
export function pathValue(key: string, value: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    throw bad(key, value, 'malformed percent-encoding');
  }
  const path = decoded.split('@@').join('/').replace(/^\/+|\/+$/g, '');
  if (path === '') throw bad(key, value, 'empty path');
  return '/' + path;
}
