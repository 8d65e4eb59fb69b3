import { Fragment, type ChangeEvent } from 'react';
import type { UrlProblem } from '../../../../shared/domain/urls';
import { MAX_LAYER_DEPTH } from '../../../../shared/transformations/index';
import type { LayerContext } from '../../../../shared/url/transformation-keys';
import type { OverlaySpec, TransformationStep } from '../../../../shared/url/url-types';
import { useNamedTransformations } from '../../api/urls';
import { OverlayEditor, newOverlay } from './OverlayEditor';
import { ParamField } from './ParamField';
import { checkField, fieldForOption, fieldsFor, GROUP_LABELS, groupOf, initialValue, RAW_FIELD, type GroupId } from './step-fields';
import { removeOption, setOption } from './step-list-ops';
import { scopeFields, useFieldScope } from './field-scope';

const GROUP_ORDER: GroupId[] = ['resize & crop', 'format & quality', 'effects', 'overlays', 'video', 'raw'];

export interface StepEditorProps {
  step: TransformationStep;
  label: string;
  context: LayerContext;
  depth: number;
  first: boolean;
  last: boolean;
  problems: UrlProblem[];
  onChange(step: TransformationStep): void;
  onMove(delta: -1 | 1): void;
  onDuplicate(): void;
  onRemove(): void;
}

/** One chain step: its parameters grouped as the catalog groups them, an "add parameter" picker, its layer. */
export function StepEditor({ step, label, context, depth, first, last, problems, onChange, onMove, onDuplicate, onRemove }: StepEditorProps) {
  const named = useNamedTransformations();
  const scope = useFieldScope();
  // The base chain of a video output offers only what ImageKit takes there; a layer's own chain keeps every field.
  const fields = context ? fieldsFor(context) : scopeFields(fieldsFor(context), scope);
  const present = Object.keys(step).filter((option) => option !== 'overlay' && fieldForOption(option, context));
  const unknown = Object.keys(step).filter((option) => option !== 'overlay' && !fieldForOption(option, context));
  const overlay = step.overlay as OverlaySpec | undefined;

  const add = (event: ChangeEvent<HTMLSelectElement>) => {
    const option = event.target.value;
    event.target.value = '';
    const field = fieldForOption(option, context);
    if (!field || Object.hasOwn(step, option)) return;
    onChange(setOption(step, option, initialValue(field)));
  };

  const problemFor = (key: string) => problems.find((p) => p.param === key)?.message;
  const loose = problems.filter((p) => !present.some((option) => fieldForOption(option, context)?.key === p.param));

  return (
    <fieldset className="ub-step" aria-label={label}>
      <legend>{label}</legend>
      <div className="ub-step-tools">
        <button type="button" aria-label={`Move ${label} up`} disabled={first} onClick={() => onMove(-1)}>↑</button>
        <button type="button" aria-label={`Move ${label} down`} disabled={last} onClick={() => onMove(1)}>↓</button>
        <button type="button" aria-label={`Duplicate ${label}`} onClick={onDuplicate}>Duplicate</button>
        <button type="button" aria-label={`Remove ${label}`} onClick={onRemove}>Remove</button>
      </div>

      {GROUP_ORDER.map((group) => {
        const inGroup = present.filter((option) => groupOf(fieldForOption(option, context)!) === group);
        if (!inGroup.length) return null;
        return (
          <div key={group} className="ub-group" role="group" aria-label={`${label} ${GROUP_LABELS[group]}`}>
            <h4>{GROUP_LABELS[group]}</h4>
            {inGroup.map((option) => {
              const field = fields.find((f) => f.option === option) ?? fieldForOption(option, context)!;
              const dropped = !context && scope.dropped?.keys.has(field.key);
              return (
                <Fragment key={option}>
                  <ParamField
                    field={field}
                    value={step[option]}
                    scope={label}
                    namedOptions={named.data?.items}
                    error={checkField(field, step[option], !!context) ?? problemFor(field.key)}
                    onChange={(value) => onChange(setOption(step, option, value))}
                    onRemove={() => onChange(removeOption(step, option))}
                  />
                  {dropped && <p className="ub-note">{scope.dropped?.why}</p>}
                </Fragment>
              );
            })}
          </div>
        );
      })}

      {unknown.length > 0 && (
        <p className="ub-note">
          Also in this step (kept as written): {unknown.map((option) => `${option}: ${JSON.stringify(step[option])}`).join(', ')}
        </p>
      )}

      <label className="ub-add">
        <span>Add parameter</span>
        <select aria-label={`Add parameter to ${label}`} value="" onChange={add}>
          <option value="">Choose a parameter…</option>
          {GROUP_ORDER.map((group) => {
            const options = group === 'raw' ? [RAW_FIELD] : fields.filter((f) => f.group === group);
            if (!options.length) return null;
            return (
              <optgroup key={group} label={GROUP_LABELS[group]}>
                {options.map((f) => (
                  <option key={f.option} value={f.option} disabled={Object.hasOwn(step, f.option)}>
                    {f.name}
                  </option>
                ))}
              </optgroup>
            );
          })}
        </select>
      </label>

      {overlay ? (
        <OverlayEditor overlay={overlay} label={label} depth={depth} onChange={(next) => onChange(setOption(step, 'overlay', next))} onRemove={() => onChange(removeOption(step, 'overlay'))} />
      ) : (
        depth < MAX_LAYER_DEPTH && (
          <div className="ub-add-overlay" role="group" aria-label={`${label} overlays`}>
            <button type="button" onClick={() => onChange(setOption(step, 'overlay', newOverlay('text')))}>Add text overlay</button>
            <button type="button" onClick={() => onChange(setOption(step, 'overlay', newOverlay('image')))}>Add image overlay</button>
            <button type="button" onClick={() => onChange(setOption(step, 'overlay', newOverlay('solidColor')))}>Add solid colour overlay</button>
          </div>
        )
      )}

      {loose.length > 0 && (
        <ul className="ub-error" aria-label={`${label} problems`}>
          {loose.map((p, i) => (
            <li key={i}>{p.message}</li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
