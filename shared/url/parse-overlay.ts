// A layer (`l-<type>,<input>,[lm,lx,ly,…],[nested steps],l-end`) back into the SDK's overlay object.
//
// The SDK writes a layer in one fixed shape (helper.ts processOverlay): input first, then layer mode,
// position and timing in a fixed order and only when truthy, then the nested transformation. A layer in
// any other shape is not an SDK overlay; the caller keeps it verbatim as raw.
import { decodePathInput, decodeTextInput, decodeTextInputLoosely, type DecodedInput } from './overlay-input.js';
import type { LayerContext } from './transformation-keys.js';
import type { EntryNode, LayerNode, TrNode } from '../transformations/syntax.js';
import type { OverlayPosition, OverlaySpec, OverlayTiming, TransformationStep } from './url-types.js';

/** The whole transformation string nodes point into, and notes on anything that will be re-encoded. */
export interface TrSource {
  text: string;
  notes: string[];
}

export type ParseSteps = (source: TrSource, nodes: TrNode[], context: LayerContext) => TransformationStep[];

type LayerType = 'text' | 'image' | 'video' | 'subtitle';

const LAYER_TYPES: Record<string, LayerType> = {
  'l-text': 'text',
  'l-image': 'image',
  'l-video': 'video',
  'l-subtitles': 'subtitle',
};

type Placement =
  | { group: 'layerMode' }
  | { group: 'position'; field: keyof OverlayPosition }
  | { group: 'timing'; field: keyof OverlayTiming };

/** URL parameters between the input and the nested steps, in the order the SDK writes them. */
const PLACEMENT_ORDER: [string, Placement][] = [
  ['lm', { group: 'layerMode' }],
  ['lx', { group: 'position', field: 'x' }],
  ['ly', { group: 'position', field: 'y' }],
  ['lxc', { group: 'position', field: 'xCenter' }],
  ['lyc', { group: 'position', field: 'yCenter' }],
  ['lfo', { group: 'position', field: 'focus' }],
  ['lap', { group: 'position', field: 'anchorPoint' }],
  ['lso', { group: 'timing', field: 'start' }],
  ['leo', { group: 'timing', field: 'end' }],
  ['ldu', { group: 'timing', field: 'duration' }],
];

function asCommaEntry(node: TrNode | undefined): EntryNode | undefined {
  return node?.kind === 'entry' && node.sep === ',' ? node : undefined;
}

/** The overlay's identity (type + input), and how many children it used. */
function readInput(type: LayerType, children: TrNode[], source: TrSource): { overlay: OverlaySpec; used: number } | undefined {
  const first = asCommaEntry(children[0]);
  if (!first) return undefined;
  const second = asCommaEntry(children[1]);
  if (type === 'image' && first.text === 'i-ik_canvas' && second && second.text.length > 'bg-'.length && second.text.startsWith('bg-')) {
    return { overlay: { type: 'solidColor', color: second.text.slice(3) }, used: 2 };
  }
  const decoded: DecodedInput | undefined = type === 'text' ? decodeText(first.text, source) : decodePathInput(first.text);
  if (!decoded) return undefined;
  const encoding = decoded.encoding ? { encoding: decoded.encoding } : {};
  const overlay: OverlaySpec =
    type === 'text' ? { type, text: decoded.value, ...encoding } : { type, input: decoded.value, ...encoding };
  return { overlay, used: 1 };
}

function decodeText(entry: string, source: TrSource): DecodedInput | undefined {
  const exact = decodeTextInput(entry);
  if (exact) return exact;
  const text = decodeTextInputLoosely(entry);
  if (text === undefined) return undefined;
  source.notes.push(`Layer text "${text}" is not written the way the SDK writes it; building re-encodes it.`);
  return { value: text };
}

/** Reads layer mode, position and timing; returns how many children they used. */
function readPlacement(overlay: OverlaySpec, children: TrNode[], from: number): number {
  let cursor = from;
  let orderIndex = 0;
  const position: OverlayPosition = {};
  const timing: OverlayTiming = {};
  while (cursor < children.length) {
    const entry = asCommaEntry(children[cursor]);
    if (!entry) break;
    const { key, value } = entry;
    const found = PLACEMENT_ORDER.findIndex(([urlKey], index) => index >= orderIndex && urlKey === key);
    // The SDK skips falsy values, so an empty one cannot be a placement: it belongs to the nested steps.
    if (found < 0 || !value) break;
    const placement = PLACEMENT_ORDER[found][1];
    if (placement.group === 'layerMode') overlay.layerMode = value;
    else if (placement.group === 'position') position[placement.field] = value;
    else timing[placement.field] = value;
    orderIndex = found + 1;
    cursor++;
  }
  if (Object.keys(position).length) overlay.position = position;
  if (Object.keys(timing).length) overlay.timing = timing;
  return cursor - from;
}

export function parseLayer(source: TrSource, layer: LayerNode, parseSteps: ParseSteps): OverlaySpec | undefined {
  const type = LAYER_TYPES[layer.open.text];
  if (!type || layer.close?.sep !== ',') return undefined;
  const { children } = layer;
  // Notes about the input count only if the layer parses; otherwise it is kept verbatim as raw.
  const inputNotes: string[] = [];
  const input = readInput(type, children, { text: source.text, notes: inputNotes });
  if (!input) return undefined;
  const { overlay } = input;
  const placed = readPlacement(overlay, children, input.used);
  const nested = children.slice(input.used + placed);
  if (nested.length > 0) {
    const nestedSource = source.text.slice(nested[0].start, nested[nested.length - 1].end);
    // The SDK joins nested steps to the layer with `,` and leaves out a blank nested string.
    if (nested[0].sep !== ',' || nestedSource.trim() === '') return undefined;
  }
  source.notes.push(...inputNotes);
  if (nested.length > 0) overlay.transformation = parseSteps(source, nested, overlay.type);
  return overlay;
}
