import { useId } from 'react';
import type { OverlayPosition, OverlaySpec, OverlayTiming, TransformationStep } from '../../../../shared/url/url-types';
import { useFieldScope } from './field-scope';
import { PARAMETER_BY_KEY, POSITIONS } from '../../../../shared/transformations/index';
// An overlay carries its own chain of steps, edited with the same StepList that shows this overlay's step:
// StepList → StepEditor → OverlayEditor → StepList nests as deep as the layers do (MAX_LAYER_DEPTH).
import { StepList } from './StepList';

type OverlayType = 'text' | 'image' | 'solidColor';

const TYPE_LABELS: Record<string, string> = { text: 'Text overlay', image: 'Image overlay', solidColor: 'Solid colour overlay', video: 'Video overlay', subtitle: 'Subtitle overlay' };

/** A fresh layer with the fields people set first (size and colour of the text, size of an image or block). */
export function newOverlay(type: OverlayType): OverlaySpec {
  if (type === 'text') return { type, text: '', transformation: [{ fontSize: '', fontColor: '' }] };
  if (type === 'image') return { type, input: '', transformation: [{ width: '' }] };
  return { type, color: '', transformation: [{ width: '', height: '' }] };
}

/** `lx`/`ly`/… with the catalog's names; the SDK writes them in this order. */
const POSITION_FIELDS: { field: keyof OverlayPosition; key: string }[] = [
  { field: 'x', key: 'lx' },
  { field: 'y', key: 'ly' },
  { field: 'xCenter', key: 'lxc' },
  { field: 'yCenter', key: 'lyc' },
];

/** When the layer shows on a base video (seconds; the SDK writes lso, leo, ldu in this order). */
const TIMING_FIELDS: { field: keyof OverlayTiming; key: string; placeholder: string }[] = [
  { field: 'start', key: 'lso', placeholder: 'from 0 s' },
  { field: 'end', key: 'leo', placeholder: 'to the end' },
  { field: 'duration', key: 'ldu', placeholder: 'seconds' },
];

export interface OverlayEditorProps {
  overlay: OverlaySpec;
  /** The owning step's name ("Step 1"). */
  label: string;
  depth: number;
  onChange(overlay: OverlaySpec): void;
  onRemove(): void;
}

/** A layer: its input (text, image path or colour), where it goes, and its own chain of steps (nesting up to 3). */
export function OverlayEditor({ overlay, label, depth, onChange, onRemove }: OverlayEditorProps) {
  const id = useId();
  const name = `${label} ${TYPE_LABELS[overlay.type]?.toLowerCase() ?? 'overlay'}`;
  const position = overlay.position ?? {};
  const setPosition = (field: keyof OverlayPosition, value: string) => onChange({ ...overlay, position: { ...position, [field]: value } });
  // Layer timing only means something on a video's own chain (not on a thumbnail, nor inside another layer).
  const showTiming = useFieldScope().layerTiming && depth === 0;
  const timing = overlay.timing ?? {};
  const setTiming = (field: keyof OverlayTiming, value: string) => onChange({ ...overlay, timing: { ...timing, [field]: value } });

  let input = null;
  if (overlay.type === 'text') {
    input = (
      <div className="ub-field">
        <label htmlFor={`${id}-text`}>Overlay text</label>
        <textarea id={`${id}-text`} rows={2} value={overlay.text} onChange={(e) => onChange({ ...overlay, text: e.target.value })} />
      </div>
    );
  } else if (overlay.type === 'solidColor') {
    input = (
      <div className="ub-field">
        <label htmlFor={`${id}-color`}>Overlay colour</label>
        <input id={`${id}-color`} type="text" placeholder="FF0000 or FF000050" value={overlay.color} onChange={(e) => onChange({ ...overlay, color: e.target.value })} />
      </div>
    );
  } else {
    input = (
      <div className="ub-field">
        <label htmlFor={`${id}-input`}>Overlay image path</label>
        <input id={`${id}-input`} type="text" placeholder="/folder/logo.png" value={overlay.input} onChange={(e) => onChange({ ...overlay, input: e.target.value })} />
      </div>
    );
  }

  return (
    <fieldset className="ub-overlay" aria-label={name}>
      <legend>{TYPE_LABELS[overlay.type] ?? 'Overlay'}</legend>
      <button type="button" className="ub-remove-overlay" aria-label={`Remove ${name}`} onClick={onRemove}>
        Remove overlay
      </button>
      {input}
      <div className="ub-position" role="group" aria-label={`${name} position`}>
        {POSITION_FIELDS.map(({ field, key }) => (
          <div className="ub-field" key={key}>
            <label htmlFor={`${id}-${key}`}>{PARAMETER_BY_KEY.get(key)?.name ?? key}</label>
            <input
              id={`${id}-${key}`}
              type="text"
              title={PARAMETER_BY_KEY.get(key)?.description}
              value={String(position[field] ?? '')}
              onChange={(e) => setPosition(field, e.target.value)}
            />
          </div>
        ))}
        {(['focus', 'anchorPoint'] as const).map((field) => {
          const key = field === 'focus' ? 'lfo' : 'lap';
          return (
            <div className="ub-field" key={key}>
              <label htmlFor={`${id}-${key}`}>{PARAMETER_BY_KEY.get(key)?.name ?? key}</label>
              <select id={`${id}-${key}`} value={String(position[field] ?? '')} onChange={(e) => setPosition(field, e.target.value)}>
                <option value="">default</option>
                {POSITIONS.map((p) => (
                  <option key={p} value={p}>
                    {p}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
        <div className="ub-field">
          <label htmlFor={`${id}-lm`}>Layer mode</label>
          <select id={`${id}-lm`} value={overlay.layerMode ?? ''} onChange={(e) => onChange({ ...overlay, layerMode: e.target.value || undefined })}>
            <option value="">normal</option>
            {(PARAMETER_BY_KEY.get('lm')?.values ?? []).map((mode) => (
              <option key={mode} value={mode}>
                {mode}
              </option>
            ))}
          </select>
        </div>
      </div>
      {showTiming && (
        <div className="ub-position" role="group" aria-label={`${name} timing`}>
          {TIMING_FIELDS.map(({ field, key, placeholder }) => (
            <div className="ub-field" key={key}>
              <label htmlFor={`${id}-${key}`}>{PARAMETER_BY_KEY.get(key)?.name ?? key}</label>
              <input
                id={`${id}-${key}`}
                type="text"
                inputMode="decimal"
                placeholder={placeholder}
                title={PARAMETER_BY_KEY.get(key)?.description}
                value={String(timing[field] ?? '')}
                onChange={(e) => setTiming(field, e.target.value)}
              />
            </div>
          ))}
        </div>
      )}
      <StepList
        steps={overlay.transformation ?? []}
        onChange={(steps: TransformationStep[]) => onChange({ ...overlay, transformation: steps })}
        context={overlay.type === 'solidColor' ? 'solidColor' : overlay.type}
        depth={depth + 1}
        prefix={`${label} layer `}
      />
    </fieldset>
  );
}
