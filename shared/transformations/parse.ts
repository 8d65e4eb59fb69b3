import { BUILT_IN_NAMED_TRANSFORMATIONS, LEGACY_OVERLAY_KEYS, UNSUPPORTED_KEYS } from './catalog.js';
import { decodeBase64Utf8 } from './base64.js';
import { parseExpr } from './expressions.js';
import { applyStepParam, pathValue } from './step-values.js';
import { TransformationError, type Layer, type LayerPosition, type Step } from './types.js';
import { POSITIONS } from './catalog.js';

export const MAX_LAYER_DEPTH = 3;
const MAX_TEXT_PLAIN = 2000;
const MAX_TEXT_BASE64 = 2500;
const LAYER_KEYS = new Set(['i', 'ie', 'lx', 'ly', 'lxc', 'lyc', 'lfo', 'lap', 'lm']);

export interface ParseOptions {
  /** Resolves `n-<name>`; the built-in names (e.g. `ik_ml_thumbnail`) are tried after it. */
  namedTransformation?: (name: string) => string | undefined;
}

interface Token {
  /** Separator written before this token: the start, `,` (same step) or `:` (next step). */
  sep: 'start' | ',' | ':';
  key: string;
  value: string;
}

/** Splits `key-value`; effect keys keep their `e-` prefix (`e-sharpen-10` → `e-sharpen`, `10`). */
export function splitKeyValue(raw: string): { key: string; value: string } {
  const from = raw.startsWith('e-') ? 2 : 0;
  const dash = raw.indexOf('-', from);
  return dash < 0 ? { key: raw, value: '' } : { key: raw.slice(0, dash), value: raw.slice(dash + 1) };
}

function tokenize(tr: string, options: ParseOptions, expanding: Set<string>): Token[] {
  const tokens: Token[] = [];
  let sep: Token['sep'] = 'start';
  for (const part of tr.split(/([,:])/)) {
    if (part === ',' || part === ':') {
      // `w-1,:h-2` keeps the stronger separator so an empty entry never swallows a step break.
      sep = sep === ':' || part === ':' ? ':' : ',';
      continue;
    }
    if (part === '') continue;
    const { key, value } = splitKeyValue(part);
    if (key === 'n') {
      tokens.push(...expandNamed(value, sep, options, expanding));
    } else {
      tokens.push({ sep: tokens.length === 0 ? 'start' : sep, key, value });
    }
    sep = ',';
  }
  return tokens;
}

function expandNamed(name: string, sep: Token['sep'], options: ParseOptions, expanding: Set<string>): Token[] {
  const tr = options.namedTransformation?.(name) ?? BUILT_IN_NAMED_TRANSFORMATIONS[name];
  if (tr === undefined) throw new TransformationError('n', `Named transformation "${name}" does not exist.`);
  if (expanding.has(name)) throw new TransformationError('n', `Named transformation "${name}" refers to itself.`);
  const inner = tokenize(tr, options, new Set([...expanding, name]));
  if (inner.length > 0) inner[0] = { ...inner[0], sep };
  return inner;
}

function layerInput(layer: Layer, key: 'i' | 'ie', value: string): void {
  if (key === 'ie') {
    let encoded = value;
    try {
      encoded = decodeURIComponent(value);
    } catch {
      /* keep as written */
    }
    const decoded = decodeBase64Utf8(encoded);
    if (decoded === undefined) throw new TransformationError('ie', `Invalid base64 value for layer parameter "ie".`);
    const text = decoded.slice(0, MAX_TEXT_BASE64);
    layer.input = layer.type === 'image' && text !== 'ik_canvas' ? pathValue('ie', encodeURIComponent(text)) : text;
    inputFromBase64.add(layer);
    return;
  }
  if (inputFromBase64.has(layer)) return; // ImageKit: when both are given, `i` is ignored.
  if (layer.type === 'text') {
    try {
      layer.input = decodeURIComponent(value).slice(0, MAX_TEXT_PLAIN);
    } catch {
      throw new TransformationError('i', `Invalid text for layer parameter "i": malformed percent-encoding.`);
    }
  } else {
    layer.input = value === 'ik_canvas' ? 'ik_canvas' : pathValue('i', value);
  }
}
const inputFromBase64 = new WeakSet<Layer>();

function applyLayerParam(layer: Layer, key: string, value: string): void {
  const position: LayerPosition = layer.position;
  switch (key) {
    case 'i':
    case 'ie':
      return layerInput(layer, key, value);
    case 'lx': case 'ly': case 'lxc': case 'lyc':
      position[key] = parseExpr(value, key);
      return;
    case 'lfo': case 'lap':
      if (!(POSITIONS as readonly string[]).includes(value)) {
        throw new TransformationError(key, `Invalid value "${value}" for transformation parameter "${key}".`);
      }
      position[key] = value as (typeof POSITIONS)[number];
      return;
    case 'lm':
      if (!['multiply', 'cutter', 'cutout', 'displace'].includes(value)) {
        throw new TransformationError(key, `Invalid value "${value}" for transformation parameter "lm".`);
      }
      position.lm = value as LayerPosition['lm'];
  }
}

const newStep = (): Step => ({ params: {}, layers: [], keys: [] });

/** Reads steps until the end of input or the `l-end` closing the current layer. */
function readChain(tokens: Token[], start: number, depth: number, layer: Layer | null): { steps: Step[]; next: number } {
  const steps: Step[] = [newStep()];
  let i = start;
  while (i < tokens.length) {
    const token = tokens[i];
    if (token.sep === ':' && i > start) steps.push(newStep());
    const step = steps[steps.length - 1];
    if (token.key === 'l') {
      if (token.value === 'end') {
        if (!layer) throw new TransformationError('l', '"l-end" without a matching "l-image" or "l-text".');
        return { steps, next: i + 1 };
      }
      if (token.value !== 'image' && token.value !== 'text') {
        throw new TransformationError('l', `Invalid layer type "${token.value}"; expected l-image or l-text.`);
      }
      if (depth + 1 > MAX_LAYER_DEPTH) throw new TransformationError('l', `Layers nest at most ${MAX_LAYER_DEPTH} levels deep.`);
      const child: Layer = { type: token.value, input: '', position: {}, steps: [] };
      const inner = readChain(tokens, i + 1, depth + 1, child);
      child.steps = inner.steps;
      if (child.input === '') throw new TransformationError('i', `Layer "l-${child.type}" needs an input ("i-" or "ie-").`);
      step.layers.push(child);
      i = inner.next;
      continue;
    }
    applyToken(step, layer, token);
    i += 1;
  }
  if (layer) throw new TransformationError('l', `Layer "l-${layer.type}" is missing its closing "l-end".`);
  return { steps, next: i };
}

function applyToken(step: Step, layer: Layer | null, { key, value }: Token): void {
  if (LAYER_KEYS.has(key)) {
    if (!layer) throw new TransformationError(key, `Transformation parameter "${key}" is only valid inside a layer.`);
    applyLayerParam(layer, key, value);
    return;
  }
  if (LEGACY_OVERLAY_KEYS.has(key)) {
    throw new TransformationError(key, `Transformation parameter "${key}" belongs to the old overlay syntax, which is no longer supported; use layers (l-image, l-text).`);
  }
  if (UNSUPPORTED_KEYS.has(key)) {
    // AI and video parameters cannot be emulated offline: the step renders without them and the
    // response says so (see the delivery route's `x-emulator-approximated` header).
    (step.params.approximated ??= []).push(value === '' ? key : `${key}-${value}`);
    step.keys.push(key);
    return;
  }
  applyStepParam(step.params, key, value);
  step.keys.push(key);
}

/**
 * Parses a transformation string (as written in the URL, values still percent-encoded) into chained
 * steps with their layers. Throws `TransformationError` naming the offending parameter.
 */
export function parseTransformation(tr: string, options: ParseOptions = {}): Step[] {
  if (tr.trim() === '') throw new TransformationError('tr', 'Empty transformation string.');
  const tokens = tokenize(tr, options, new Set());
  if (tokens.length === 0) throw new TransformationError('tr', 'Empty transformation string.');
  return readChain(tokens, 0, 0, null).steps.filter((s) => s.keys.length > 0 || s.layers.length > 0);
}
