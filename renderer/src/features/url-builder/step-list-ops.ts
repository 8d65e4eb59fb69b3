// Chain edits (add, duplicate, reorder, remove) as pure functions over a list of steps, shared by the
// top-level chain and the chains nested inside layers.
import type { TransformationStep } from '../../../../shared/url/url-types';

export const addStep = (steps: TransformationStep[]): TransformationStep[] => [...steps, {}];

export const duplicateStep = (steps: TransformationStep[], index: number): TransformationStep[] => [
  ...steps.slice(0, index + 1),
  structuredClone(steps[index]),
  ...steps.slice(index + 1),
];

export function moveStep(steps: TransformationStep[], index: number, delta: -1 | 1): TransformationStep[] {
  const target = index + delta;
  if (target < 0 || target >= steps.length) return steps;
  const moved = [...steps];
  [moved[index], moved[target]] = [moved[target], moved[index]];
  return moved;
}

export const removeStep = (steps: TransformationStep[], index: number): TransformationStep[] => steps.filter((_, i) => i !== index);

export const replaceStep = (steps: TransformationStep[], index: number, step: TransformationStep): TransformationStep[] =>
  steps.map((old, i) => (i === index ? step : old));

/** Sets one option, keeping the step's other options in their order (the SDK writes them in that order). */
export function setOption(step: TransformationStep, option: string, value: TransformationStep[string]): TransformationStep {
  return { ...step, [option]: value };
}

export function removeOption(step: TransformationStep, option: string): TransformationStep {
  const next = { ...step };
  delete next[option];
  return next;
}
