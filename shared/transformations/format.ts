import { encodeBase64Utf8 } from './base64.js';
import { rgbaToHex } from './colors.js';
import { UNSUPPORTED_KEYS } from './catalog.js';
import { formatExpr } from './expressions.js';
import type { Background, Effect, Expr, Layer, Rgba, Step, StepParams } from './types.js';

/**
 * Writes parsed steps back as a `tr` string, so a URL builder can parse, edit and re-emit.
 * `parseTransformation(formatTransformation(steps))` gives the same steps (named transformations
 * stay expanded; a step's layers are written after its own parameters, which is where they apply).
 */
export function formatTransformation(steps: Step[]): string {
  return steps.map(formatStep).join(':');
}

function color(c: Rgba): string {
  return c.alpha >= 1 ? rgbaToHex(c) : `${rgbaToHex(c)}${String(Math.min(99, Math.round(c.alpha * 100))).padStart(2, '0')}`;
}

const num = (n: number) => (n < 0 ? `N${-n}` : String(n));

/** `ar` is stored as a ratio; write it as W-H with small integers when it is one. */
function ratio(expr: Expr): string {
  if (expr.kind !== 'num') return formatExpr(expr);
  for (let h = 1; h <= 100; h += 1) {
    const w = expr.value * h;
    if (Math.abs(w - Math.round(w)) < 1e-9) return `${Math.round(w)}-${h}`;
  }
  return String(expr.value);
}

function background(bg: Background): string {
  if (bg.kind === 'color') return color(bg.color);
  if (bg.kind === 'dominant') return 'dominant';
  return `blurred_${bg.amount}_${num(bg.brightness)}`;
}

function effect(e: Effect): string {
  switch (e.name) {
    case 'grayscale':
    case 'contrast':
      return `e-${e.name}`;
    case 'sharpen':
      return e.amount === null ? 'e-sharpen' : `e-sharpen-${e.amount}`;
    case 'usm':
      return `e-usm-${e.radius}-${e.sigma}-${e.amount}-${e.threshold}`;
    case 'shadow':
      return `e-shadow-bl-${e.blur}_st-${e.saturation}_x-${num(e.x)}_y-${num(e.y)}`;
    case 'gradient':
      return `e-gradient-ld-${e.direction}_from-${color(e.from)}_to-${color(e.to)}_sp-${formatExpr(e.stop)}`;
  }
}

const libraryPath = (p: string) => p.replace(/^\/+/, '').split('/').map(encodeURIComponent).join('@@');

function param(key: string, p: StepParams): string | undefined {
  const v = p[key as keyof StepParams];
  if (v === undefined) return undefined;
  switch (key) {
    case 'w': return `w-${v === 'auto' ? 'auto' : formatExpr(v as Expr)}`;
    case 'ar': return `ar-${ratio(v as Expr)}`;
    case 'h': case 'x': case 'y': case 'xc': case 'yc': case 'fs': return `${key}-${formatExpr(v as Expr)}`;
    case 'fo': return `fo-${typeof v === 'object' ? (v as { object: string }).object : v}`;
    case 'rt': return `rt-${v === 'auto' ? 'auto' : num(v as number)}`;
    case 'r': { const r = p.r!; return r.kind === 'max' ? 'r-max' : new Set([r.tl, r.tr, r.br, r.bl]).size === 1 ? `r-${r.tl}` : `r-${r.tl}_${r.tr}_${r.br}_${r.bl}`; }
    case 'b': return `b-${formatExpr(p.b!.width)}_${color(p.b!.color)}`;
    case 'bg': return `bg-${background(p.bg!)}`;
    case 't': return `t-${v === false ? 'false' : v === 10 ? 'true' : v}`;
    case 'co': return `co-${color(p.co!)}`;
    case 'di': return `di-${libraryPath(p.di!)}`;
    case 'ff': return `ff-${p.ff!.startsWith('/') ? libraryPath(p.ff!) : p.ff}`;
    case 'pa': return `pa-${p.pa!.map(formatExpr).join('_')}`;
    case 'so': case 'eo': case 'du': return `${key}-${formatExpr(v as Expr)}`;
    case 'sr': return `sr-${p.sr!.join('_')}`;
    default: return `${key}-${String(v)}`;
  }
}

function formatStep(step: Step): string {
  const parts: string[] = [];
  const effects = [...(step.params.effects ?? [])];
  const approximated = [...(step.params.approximated ?? [])];
  const seen = new Set<string>();
  for (const key of step.keys) {
    if (UNSUPPORTED_KEYS.has(key)) {
      const raw = approximated.shift();
      if (raw) parts.push(raw);
      continue;
    }
    if (key.startsWith('e-')) {
      const next = effects.shift();
      if (next) parts.push(effect(next));
      continue;
    }
    if (seen.has(key)) continue; // a repeated key keeps its last value, written once
    seen.add(key);
    const written = param(key, step.params);
    if (written) parts.push(written);
  }
  parts.push(...effects.map(effect), ...approximated);
  for (const layer of step.layers) parts.push(formatLayer(layer));
  return parts.join(',');
}

function formatLayer(layer: Layer): string {
  let input: string;
  if (layer.type === 'image') input = layer.input === 'ik_canvas' ? 'i-ik_canvas' : `i-${libraryPath(layer.input)}`;
  else input = /^[a-zA-Z0-9-._ ]*$/.test(layer.input) ? `i-${encodeURIComponent(layer.input)}` : `ie-${encodeURIComponent(encodeBase64Utf8(layer.input))}`;
  const pos = layer.position;
  const position = [
    pos.lx && `lx-${formatExpr(pos.lx)}`, pos.ly && `ly-${formatExpr(pos.ly)}`,
    pos.lxc && `lxc-${formatExpr(pos.lxc)}`, pos.lyc && `lyc-${formatExpr(pos.lyc)}`,
    pos.lfo && `lfo-${pos.lfo}`, pos.lap && `lap-${pos.lap}`, pos.lm && `lm-${pos.lm}`,
    pos.lso && `lso-${formatExpr(pos.lso)}`, pos.leo && `leo-${formatExpr(pos.leo)}`, pos.ldu && `ldu-${formatExpr(pos.ldu)}`,
  ].filter(Boolean);
  const chain = layer.steps.map(formatStep).join(':');
  return [`l-${layer.type}`, input, ...position, ...(chain ? [chain] : []), 'l-end'].join(',');
}
