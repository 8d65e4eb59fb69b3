import { BUILT_IN_NAMED_TRANSFORMATIONS, LAYER_MODES, LEGACY_OVERLAY_KEYS, POSITIONS, UNSUPPORTED_KEYS } from './catalog.js';
import { decodeBase64Utf8 } from './base64.js';
import { parseExpr } from './expressions.js';
import { applyStepParam, nonNegative, pathValue } from './step-values.js';
import { splitSteps, tokenizeTr, treeOf, type EntryNode, type LayerNode, type TrNode } from './syntax.js';
import { TransformationError, type Layer, type LayerPosition, type Step } from './types.js';

export const MAX_LAYER_DEPTH = 3;
const MAX_TEXT_PLAIN = 2000;
const MAX_TEXT_BASE64 = 2500;
const LAYER_KEYS = new Set(['i', 'ie', 'lx', 'ly', 'lxc', 'lyc', 'lfo', 'lap', 'lm', 'lso', 'leo', 'ldu']);

export interface ParseOptions {
  /** Resolves `n-<name>`; the built-in names (e.g. `ik_ml_thumbnail`) are tried after it. */
  namedTransformation?: (name: string) => string | undefined;
}

/**
 * The entries ImageKit reads: empty ones dropped and `n-<name>` replaced by the named string's entries.
 * `w-1,:h-2` keeps the stronger separator, so an empty entry never swallows a step break.
 */
function entriesOf(tr: string, options: ParseOptions, expanding: ReadonlySet<string>): EntryNode[] {
  const entries: EntryNode[] = [];
  let pending: EntryNode['sep'] = '';
  for (const entry of tokenizeTr(tr)) {
    const sep: EntryNode['sep'] = entries.length === 0 ? '' : pending === ':' || entry.sep === ':' ? ':' : ',';
    if (entry.text === '') {
      pending = sep === '' ? entry.sep : sep;
      continue;
    }
    pending = '';
    if (entry.key === 'n') entries.push(...expandNamed(entry.value ?? '', sep, options, expanding));
    else entries.push({ ...entry, sep });
  }
  return entries;
}

function expandNamed(name: string, sep: EntryNode['sep'], options: ParseOptions, expanding: ReadonlySet<string>): EntryNode[] {
  const tr = options.namedTransformation?.(name) ?? BUILT_IN_NAMED_TRANSFORMATIONS[name];
  if (tr === undefined) throw new TransformationError('n', `Named transformation "${name}" does not exist.`);
  if (expanding.has(name)) throw new TransformationError('n', `Named transformation "${name}" refers to itself.`);
  const inner = entriesOf(tr, options, new Set([...expanding, name]));
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
    case 'lso': case 'leo': case 'ldu':
      position[key] = nonNegative(key, value);
      return;
    case 'lfo': case 'lap':
      if (!(POSITIONS as readonly string[]).includes(value)) {
        throw new TransformationError(key, `Invalid value "${value}" for transformation parameter "${key}".`);
      }
      position[key] = value as (typeof POSITIONS)[number];
      return;
    case 'lm':
      if (!(LAYER_MODES as readonly string[]).includes(value)) {
        throw new TransformationError(key, `Invalid value "${value}" for transformation parameter "lm".`);
      }
      position.lm = value as LayerPosition['lm'];
  }
}

/** Steps of a chain (the whole string, or a layer's own `:`-chain); `layer` is the layer being read, if any. */
function readSteps(nodes: readonly TrNode[], depth: number, layer: Layer | null): Step[] {
  const steps = splitSteps(nodes).map((stepNodes) => {
    const step: Step = { params: {}, layers: [], keys: [] };
    for (const node of stepNodes) {
      if (node.kind === 'layer') step.layers.push(readLayer(node, depth + 1));
      else applyEntry(step, layer, node);
    }
    return step;
  });
  return steps.length > 0 ? steps : [{ params: {}, layers: [], keys: [] }];
}

function readLayer(node: LayerNode, depth: number): Layer {
  const type = node.open.value;
  if (type !== 'image' && type !== 'text') throw new TransformationError('l', `Invalid layer type "${type}"; expected l-image or l-text.`);
  if (depth > MAX_LAYER_DEPTH) throw new TransformationError('l', `Layers nest at most ${MAX_LAYER_DEPTH} levels deep.`);
  const layer: Layer = { type, input: '', position: {}, steps: [] };
  layer.steps = readSteps(node.children, depth, layer);
  if (!node.close) throw new TransformationError('l', `Layer "l-${type}" is missing its closing "l-end".`);
  if (layer.input === '') throw new TransformationError('i', `Layer "l-${type}" needs an input ("i-" or "ie-").`);
  return layer;
}

function applyEntry(step: Step, layer: Layer | null, { key, value = '' }: EntryNode): void {
  if (key === 'l') {
    // Layers were grouped by the tree, so what is left is a stray `l-end` or a bare `l`.
    if (value === 'end') throw new TransformationError('l', '"l-end" without a matching "l-image" or "l-text".');
    throw new TransformationError('l', `Invalid layer type "${value}"; expected l-image or l-text.`);
  }
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
  const entries = entriesOf(tr, options, new Set());
  if (entries.length === 0) throw new TransformationError('tr', 'Empty transformation string.');
  return readSteps(treeOf(entries), 0, null).filter((s) => s.keys.length > 0 || s.layers.length > 0);
}
