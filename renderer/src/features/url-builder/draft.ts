// The builder's state as the SDK draft the main side builds from: empty boxes left out (the SDK would
// write `w-` for them), nested layer steps cleaned the same way, expiry only when signing.
import type { ResponsiveFormat, UrlDraft } from '../../../../shared/domain/urls';
import type { OverlaySpec, TransformationStep, TransformationValue } from '../../../../shared/url/url-types';
import { isUnset } from './step-fields';

export interface QueryRow {
  name: string;
  value: string;
}

export interface DraftState {
  src: string;
  steps: TransformationStep[];
  position: 'path' | 'query';
  query: QueryRow[];
  signed: boolean;
  /** Seconds as typed; '' = a signature that does not expire. */
  expiresIn: string;
}

function isOverlay(value: TransformationValue): value is OverlaySpec {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'type' in value;
}

function cleanOverlay(overlay: OverlaySpec): OverlaySpec {
  const cleaned = { ...overlay };
  if (overlay.position) {
    const position = Object.fromEntries(Object.entries(overlay.position).filter(([, v]) => !isUnset(v as TransformationValue)));
    if (Object.keys(position).length) cleaned.position = position;
    else delete cleaned.position;
  }
  if (overlay.timing) {
    const timing = Object.fromEntries(Object.entries(overlay.timing).filter(([, v]) => !isUnset(v as TransformationValue)));
    if (Object.keys(timing).length) cleaned.timing = timing;
    else delete cleaned.timing;
  }
  if (overlay.transformation) {
    const nested = cleanSteps(overlay.transformation);
    if (nested.length) cleaned.transformation = nested;
    else delete cleaned.transformation;
  }
  return cleaned;
}

export function cleanSteps(steps: TransformationStep[]): TransformationStep[] {
  return steps
    .map((step) => {
      const cleaned: TransformationStep = {};
      for (const [key, value] of Object.entries(step)) {
        if (isOverlay(value)) cleaned[key] = cleanOverlay(value);
        else if (!isUnset(value)) cleaned[key] = value;
      }
      return cleaned;
    })
    .filter((step) => Object.keys(step).length > 0);
}

export function toDraft(state: DraftState): UrlDraft {
  const queryParameters = Object.fromEntries(state.query.filter((row) => row.name.trim() !== '').map((row) => [row.name.trim(), row.value]));
  const expiresIn = Number(state.expiresIn);
  const draft: UrlDraft = {
    src: state.src.trim(),
    transformation: cleanSteps(state.steps),
    transformationPosition: state.position,
    signed: state.signed,
  };
  if (Object.keys(queryParameters).length) draft.queryParameters = queryParameters;
  if (state.signed && state.expiresIn.trim() !== '') draft.expiresIn = expiresIn;
  return draft;
}

/** Builder state from a draft (a pasted URL or a preset), keeping the current src when the draft has none. */
export function fromDraft(draft: Partial<UrlDraft>, current: DraftState): DraftState {
  return {
    src: draft.src ?? current.src,
    steps: (draft.transformation as TransformationStep[] | undefined) ?? [],
    position: draft.transformationPosition ?? 'query',
    query: Object.entries(draft.queryParameters ?? {}).map(([name, value]) => ({ name, value: String(value) })),
    signed: draft.signed === true || (draft.expiresIn ?? 0) > 0,
    expiresIn: draft.expiresIn !== undefined ? String(draft.expiresIn) : '',
  };
}

export function parseWidths(text: string): number[] {
  const widths = text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0 && n <= 10_000);
  return [...new Set(widths)].sort((a, b) => a - b);
}

export const RESPONSIVE_FORMATS: ResponsiveFormat[] = ['avif', 'webp', 'jpg', 'png', 'auto'];

/** UI index of each step that reaches the URL (empty steps write nothing), so problems map back to steps. */
export function urlStepIndexes(steps: TransformationStep[]): number[] {
  return steps.flatMap((step, index) => (cleanSteps([step]).length ? [index] : []));
}
