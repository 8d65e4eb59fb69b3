// A transformation string (`w-300,h-200:rt-90`) back into the SDK's transformation step objects.
//
// Each parameter becomes the SDK option that writes it (`w-300` → `{ width: '300' }`). Values stay strings
// (the SDK stringifies anyway, and `'0.50'` must not turn into `0.5`); flags become `true`. The moment a
// step holds something no option can reproduce exactly — an unknown or repeated parameter, a malformed
// layer — the rest of that step is kept verbatim under `raw`, which the SDK writes back untouched.
import { restoreOuterSlashes } from './overlay-input.js';
import { parseLayer, type TrSource } from './parse-overlay.js';
import {
  BOOLEAN_OPTIONS,
  FLAG_ONLY_EFFECTS,
  OPTIONAL_VALUE_EFFECTS,
  PATH_VALUED_KEYS,
  optionsForUrlKey,
  type LayerContext,
} from './transformation-keys.js';
import { buildTrTree, splitSteps, type EntryNode, type TrNode } from '../transformations/syntax.js';
import type { TransformationStep, TransformationValue } from './url-types.js';

interface ParsedParameter {
  option: string;
  value: TransformationValue;
}

/** How the SDK writes di/ff values: one outer slash each side dropped, `/` → `@@`. */
function sdkPathValue(path: string): string {
  return path.replace(/^\//, '').replace(/\/$/, '').replace(/\//g, '@@');
}

function parseValue(key: string, option: string, value: string | undefined): TransformationValue | undefined {
  if (FLAG_ONLY_EFFECTS.has(key)) return value === undefined ? true : undefined;
  if (OPTIONAL_VALUE_EFFECTS.has(key)) {
    if (value === undefined) return true;
    // The SDK writes these values as the bare effect, so `e-sharpen-true` cannot come from an option.
    return value.trim() !== '' && value !== 'true' ? value : undefined;
  }
  if (value === undefined) return undefined;
  if (PATH_VALUED_KEYS.has(key)) {
    const path = restoreOuterSlashes(value.replace(/@@/g, '/'));
    return sdkPathValue(path) === value ? path : undefined;
  }
  if (key === 'sr') return value.split('_');
  if (key === 't') {
    if (value.trim() === '') return undefined;
    return value === 'true' ? true : value;
  }
  if (BOOLEAN_OPTIONS.has(option) && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

function parseParameter({ key, value }: EntryNode, step: TransformationStep, context: LayerContext): ParsedParameter | undefined {
  const option = optionsForUrlKey(key, context).find((candidate) => !Object.hasOwn(step, candidate));
  if (!option) return undefined;
  const parsed = parseValue(key, option, value);
  return parsed === undefined ? undefined : { option, value: parsed };
}

function parseStep(source: TrSource, nodes: TrNode[], context: LayerContext): TransformationStep {
  const step: TransformationStep = {};
  for (const node of nodes) {
    const parsed: ParsedParameter | undefined =
      node.kind === 'layer'
        ? wrapOverlay(parseLayer(source, node, parseSteps))
        : parseParameter(node, step, context);
    if (!parsed || Object.hasOwn(step, parsed.option)) {
      step.raw = source.text.slice(node.start, nodes[nodes.length - 1].end);
      break;
    }
    step[parsed.option] = parsed.value;
  }
  return step;
}

function wrapOverlay(overlay: TransformationValue | undefined): ParsedParameter | undefined {
  return overlay === undefined ? undefined : { option: 'overlay', value: overlay };
}

function parseSteps(source: TrSource, nodes: TrNode[], context: LayerContext): TransformationStep[] {
  return splitSteps(nodes).map((stepNodes) => parseStep(source, stepNodes, context));
}

/**
 * Steps for the SDK's `transformation` option; `[]` for an empty string. `notes` collects why building the
 * steps would not give back exactly `text` (hand-written layer text the SDK encodes differently).
 */
export function parseTransformationString(text: string, notes: string[] = []): TransformationStep[] {
  if (text === '') return [];
  return parseSteps({ text, notes }, buildTrTree(text), undefined);
}
