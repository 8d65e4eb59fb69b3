import { useId } from 'react';
import type { TransformationValue } from '../../../../shared/url/url-types';
import { BOOLEAN_OPTIONS } from '../../../../shared/url/transformation-keys';
import type { FieldSpec } from './step-fields';

export interface ParamFieldProps {
  field: FieldSpec;
  value: TransformationValue;
  onChange(value: TransformationValue): void;
  onRemove(): void;
  /** Why the value would be refused (checked here, or reported by the main side). */
  error?: string;
  /** Where this field sits, for unique accessible names ("Step 1"). */
  scope: string;
  /** Suggestions for `n` (the account's named transformations). */
  namedOptions?: { name: string; transformation: string }[];
}

const text = (value: TransformationValue) => (value === true || value === undefined || value === null ? '' : String(value));

/** One catalog parameter of a step: an input suited to its type, its check, and a remove button. */
export function ParamField({ field, value, onChange, onRemove, error, scope, namedOptions }: ParamFieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const described = error ? { 'aria-invalid': true, 'aria-describedby': errorId } : {};
  const common = { id, ...described, title: field.description };

  let input;
  if (field.type === 'flag') {
    input = <input {...common} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} />;
  } else if (BOOLEAN_OPTIONS.has(field.option)) {
    input = (
      <select {...common} value={String(value)} onChange={(e) => onChange(e.target.value === 'true')}>
        <option value="true">true</option>
        <option value="false">false</option>
      </select>
    );
  } else if (field.type === 'enum' && field.values) {
    input = (
      <select {...common} value={text(value)} onChange={(e) => onChange(e.target.value)}>
        <option value="">Choose…</option>
        {field.values.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    );
  } else if (field.type === 'flag-with-optional-value') {
    input = <input {...common} type="text" placeholder="on (optional value)" value={text(value)} onChange={(e) => onChange(e.target.value === '' ? true : e.target.value)} />;
  } else if (field.key === 'n') {
    const listId = `${id}-names`;
    input = (
      <>
        <input {...common} type="text" list={listId} value={text(value)} onChange={(e) => onChange(e.target.value)} />
        <datalist id={listId}>
          {(namedOptions ?? []).map((n) => (
            <option key={n.name} value={n.name} label={n.transformation} />
          ))}
        </datalist>
      </>
    );
  } else {
    input = <input {...common} type="text" value={text(value)} placeholder={field.default ? `default ${field.default}` : undefined} onChange={(e) => onChange(e.target.value)} />;
  }

  // Bounded whole numbers (quality, opacity, alpha…) also get a slider for quick comparison.
  const slider =
    field.type === 'integer' && field.min !== undefined && field.max !== undefined ? (
      <input
        type="range"
        aria-label={`${field.name} slider`}
        min={field.min}
        max={field.max}
        value={Number(text(value)) || Number(field.default ?? field.min)}
        onChange={(e) => onChange(e.target.value)}
      />
    ) : null;

  return (
    <div className="ub-field">
      <div className="ub-field-label">
        <label htmlFor={id}>{field.name}</label> <code aria-hidden="true">{field.key}</code>
      </div>
      <div className="ub-field-input">
        {input}
        {slider}
        <button type="button" className="ub-icon" aria-label={`Remove ${field.name} from ${scope}`} onClick={onRemove}>
          ×
        </button>
      </div>
      {error && (
        <p id={errorId} className="ub-error">
          {error}
        </p>
      )}
    </div>
  );
}
