// The step form's fields: every catalog parameter (shared/transformations) paired with the SDK option
// that writes it (read from the SDK's own table), and a check of one value before anything is sent.
import { PARAMETERS, parseTransformation, TransformationError, type ParamSpec } from '../../../../shared/transformations/index';
import { BOOLEAN_OPTIONS, optionsForUrlKey, type LayerContext } from '../../../../shared/url/transformation-keys';
import type { TransformationValue } from '../../../../shared/url/url-types';

export type GroupId = 'resize & crop' | 'format & quality' | 'effects' | 'overlays' | 'video' | 'raw';

export const GROUP_LABELS: Record<GroupId, string> = {
  'resize & crop': 'Resize & crop',
  'format & quality': 'Format & quality',
  effects: 'Effects',
  overlays: 'Layer text & alpha',
  video: 'Video',
  raw: 'Raw',
};

export interface FieldSpec extends ParamSpec {
  /** The SDK option name this parameter is written from (`width` for `w`). */
  option: string;
}

/** Layer structure (type, input, position, mode) belongs to the overlay editor, not to a step's fields. */
const LAYER_STRUCTURE = new Set(['l', 'i', 'ie', 'lx', 'ly', 'lxc', 'lyc', 'lfo', 'lap', 'lm']);

/** Raw text is written verbatim by the SDK: anything the form has no field for. */
export const RAW_FIELD: FieldSpec = {
  key: 'raw',
  option: 'raw',
  name: 'Raw',
  type: 'text',
  group: 'overlays',
  description: 'Parameters written verbatim, e.g. `e-bgremove` or a parameter the form has no field for.',
};

function specsFor(context: LayerContext): FieldSpec[] {
  const specs: FieldSpec[] = [];
  for (const spec of PARAMETERS) {
    if (LAYER_STRUCTURE.has(spec.key)) continue;
    if (spec.layerOnly && !context) continue;
    const option = optionsForUrlKey(spec.key, context)[0];
    if (option) specs.push({ ...spec, option });
  }
  return specs;
}

const base = specsFor(undefined);
const inLayer = specsFor('text');

/** Fields of a step on the base image, or (context set) of a step inside a layer. */
export function fieldsFor(context: LayerContext): FieldSpec[] {
  return context ? inLayer : base;
}

export function fieldForOption(option: string, context: LayerContext): FieldSpec | undefined {
  if (option === 'raw') return RAW_FIELD;
  return fieldsFor(context).find((field) => field.option === option);
}

export function groupOf(field: FieldSpec): GroupId {
  return field === RAW_FIELD ? 'raw' : field.group;
}

/** A new field's starting value: flags start on, everything else empty until typed. */
export function initialValue(field: FieldSpec): TransformationValue {
  if (field.type === 'flag' || field.type === 'flag-with-optional-value') return true;
  if (BOOLEAN_OPTIONS.has(field.option)) return true;
  return '';
}

/** True when the value would write nothing (an empty box): such entries are left out of the URL. */
export function isUnset(value: TransformationValue): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** The URL parameter as the SDK would write this one value (for checking it on its own). */
function asUrlParameter(field: FieldSpec, value: TransformationValue): string {
  if (value === true && (field.type === 'flag' || field.type === 'flag-with-optional-value')) return field.key;
  const text = String(value);
  if (field.key === 'di' || field.key === 'ff') return `${field.key}-${text.replace(/^\/|\/$/g, '').replace(/\//g, '@@')}`;
  return `${field.key}-${text}`;
}

/**
 * Why ImageKit would refuse this value, or undefined when it is fine (or still empty). Named
 * transformations and raw text are checked by the main side against the account and as a whole.
 */
export function checkField(field: FieldSpec, value: TransformationValue, inLayerContext: boolean): string | undefined {
  if (isUnset(value) || field === RAW_FIELD || field.key === 'n') return undefined;
  const parameter = asUrlParameter(field, value);
  try {
    parseTransformation(inLayerContext ? `l-text,i-x,${parameter},l-end` : parameter);
    return undefined;
  } catch (error) {
    return error instanceof TransformationError ? error.message : String(error);
  }
}
