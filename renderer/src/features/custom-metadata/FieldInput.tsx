import { useId } from 'react';
import type { CustomMetadataFieldDef } from '../../../../shared/custom-metadata/validate';
import { MULTI_SEPARATOR } from './value-codec';

interface Props {
  field: CustomMetadataFieldDef;
  /** The value as text (see value-codec); '' is "no value". */
  text: string;
  onChange(text: string): void;
  /** Accessible name of the input (the form uses the label; the grid names file and field). */
  label: string;
  error?: string;
  /** Grid cells: one line, multi-select as `a|b` text. */
  compact?: boolean;
}

/** One custom metadata value, with the input its type calls for and the validator's message inline. */
export function FieldInput({ field, text, onChange, label, error, compact }: Props) {
  const errorId = useId();
  const common = {
    'aria-label': label,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? errorId : undefined,
  } as const;
  const { type, selectOptions = [] } = field.schema;
  let control;
  if (type === 'Boolean') {
    control = (
      <select {...common} value={text} onChange={(e) => onChange(e.target.value)}>
        <option value="">—</option>
        <option value="true">Yes</option>
        <option value="false">No</option>
      </select>
    );
  } else if (type === 'SingleSelect') {
    const known = selectOptions.some((o) => String(o) === text);
    control = (
      <select {...common} value={text} onChange={(e) => onChange(e.target.value)}>
        <option value="">—</option>
        {!known && text !== '' && <option value={text}>{text} (not an option)</option>}
        {selectOptions.map((o) => (
          <option key={String(o)} value={String(o)}>
            {String(o)}
          </option>
        ))}
      </select>
    );
  } else if (type === 'MultiSelect' && !compact) {
    const chosen = new Set(text.split(MULTI_SEPARATOR).map((s) => s.trim()).filter(Boolean));
    const toggle = (option: string) => {
      const next = new Set(chosen);
      if (next.has(option)) next.delete(option);
      else next.add(option);
      onChange(selectOptions.map(String).filter((o) => next.has(o)).join(MULTI_SEPARATOR));
    };
    control = (
      <fieldset {...common} role="group" className="multi-select">
        {selectOptions.map((o) => (
          <label key={String(o)}>
            <input type="checkbox" checked={chosen.has(String(o))} onChange={() => toggle(String(o))} /> {String(o)}
          </label>
        ))}
      </fieldset>
    );
  } else if (type === 'Textarea' && !compact) {
    control = <textarea {...common} rows={3} value={text} onChange={(e) => onChange(e.target.value)} />;
  } else {
    const placeholder = type === 'Date' ? 'YYYY-MM-DDTHH:mm:ssZ' : type === 'MultiSelect' ? `a${MULTI_SEPARATOR}b` : undefined;
    control = <input {...common} type="text" inputMode={type === 'Number' ? 'decimal' : undefined} placeholder={placeholder} value={text} onChange={(e) => onChange(e.target.value)} />;
  }
  return (
    <>
      {control}
      {error && (
        <span id={errorId} className="field-error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
