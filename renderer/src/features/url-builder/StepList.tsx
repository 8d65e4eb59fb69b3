import type { LayerContext } from '../../../../shared/url/transformation-keys';
import type { TransformationStep } from '../../../../shared/url/url-types';
import type { UrlProblem } from '../../../../shared/domain/urls';
import { StepEditor } from './StepEditor';
import { addStep, duplicateStep, moveStep, removeStep, replaceStep } from './step-list-ops';

export interface StepListProps {
  steps: TransformationStep[];
  onChange(steps: TransformationStep[]): void;
  /** Set inside a layer: which layer type the chain belongs to (adds the text parameters). */
  context: LayerContext;
  /** 0 for the image's own chain; layers nest up to 3 deep. */
  depth: number;
  /** Accessible name prefix: "" at the top ("Step 1"), "Step 1 layer " inside a layer. */
  prefix: string;
  /** Problems the main side found, by UI step index (top level only). */
  problemsByStep?: Map<number, UrlProblem[]>;
}

/** A chain of steps applied left to right: each step is a form, with add, duplicate, reorder and remove. */
export function StepList({ steps, onChange, context, depth, prefix, problemsByStep }: StepListProps) {
  return (
    <div className="ub-steps">
      <ol className="ub-step-list">
        {steps.map((step, index) => (
          <li key={index}>
            <StepEditor
              step={step}
              label={prefix ? `${prefix}step ${index + 1}` : `Step ${index + 1}`}
              context={context}
              depth={depth}
              first={index === 0}
              last={index === steps.length - 1}
              problems={problemsByStep?.get(index) ?? []}
              onChange={(next) => onChange(replaceStep(steps, index, next))}
              onMove={(delta) => onChange(moveStep(steps, index, delta))}
              onDuplicate={() => onChange(duplicateStep(steps, index))}
              onRemove={() => onChange(removeStep(steps, index))}
            />
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => onChange(addStep(steps))}>
        {prefix ? `Add ${prefix.trim().toLowerCase()} step` : 'Add step'}
      </button>
    </div>
  );
}
