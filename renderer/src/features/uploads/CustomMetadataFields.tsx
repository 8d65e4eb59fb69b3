import type { MetadataField } from '../../../../shared/domain/uploads';
import { checkFieldValue } from '../../../../shared/custom-metadata/validate';

interface Props {
  fields: MetadataField[];
  values: Record<string, unknown>;
  onChange(values: Record<string, unknown>): void;
}

/** The problem with each set value (same rules the server applies), by field name. */
export function metadataProblems(fields: MetadataField[], values: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) {
    if (!(f.name in values)) continue;
    const problem = checkFieldValue(values[f.name], f.schema);
    if (problem) out[f.name] = `${f.label} ${problem}`;
  }
  return out;
}

function hint(f: MetadataField): string {
  const s = f.schema;
  const parts: string[] = [];
  if (s.minLength !== undefined || s.maxLength !== undefined) parts.push(`${s.minLength ?? 0}–${s.maxLength ?? '∞'} characters`);
  if (s.minValue !== undefined || s.maxValue !== undefined) parts.push(`from ${s.minValue ?? '…'} to ${s.maxValue ?? '…'}`);
  if (s.isValueRequired) parts.push('required (its default is used when left empty)');
  return parts.join('; ');
}

/**
 * One input per custom metadata field of the account, typed by the field's schema. Empty inputs leave
 * the key out (the server then applies the field's default).
 */
export function CustomMetadataFields({ fields, values, onChange }: Props) {
  const problems = metadataProblems(fields, values);
  const set = (name: string, value: unknown) => {
    const next = { ...values };
    if (value === undefined || value === '') delete next[name];
    else next[name] = value;
    onChange(next);
  };
  if (fields.length === 0) return <p className="muted">This account has no custom metadata fields.</p>;
  return (
    <div className="upload-metadata">
      {fields.map((f) => {
        const id = `upload-cm-${f.id}`;
        const value = values[f.name];
        const describedBy = problems[f.name] ? `${id}-problem` : undefined;
        let input;
        switch (f.schema.type) {
          case 'Textarea':
            input = <textarea id={id} value={typeof value === 'string' ? value : ''} onChange={(e) => set(f.name, e.target.value)} aria-describedby={describedBy} />;
            break;
          case 'Number':
            input = (
              <input
                id={id}
                type="number"
                value={typeof value === 'number' ? String(value) : ''}
                onChange={(e) => set(f.name, e.target.value === '' ? undefined : Number(e.target.value))}
                aria-describedby={describedBy}
              />
            );
            break;
          case 'Date':
            input = (
              <input
                id={id}
                type="date"
                value={typeof value === 'string' ? value.slice(0, 10) : ''}
                onChange={(e) => set(f.name, e.target.value || undefined)}
                aria-describedby={describedBy}
              />
            );
            break;
          case 'Boolean':
            input = (
              <select id={id} value={value === true ? 'yes' : value === false ? 'no' : ''} onChange={(e) => set(f.name, e.target.value === '' ? undefined : e.target.value === 'yes')}>
                <option value="">Not set</option>
                <option value="yes">Yes</option>
                <option value="no">No</option>
              </select>
            );
            break;
          case 'SingleSelect':
            input = (
              <select
                id={id}
                value={value === undefined ? '' : String(value)}
                onChange={(e) => set(f.name, e.target.value === '' ? undefined : f.schema.selectOptions?.find((o) => String(o) === e.target.value))}
              >
                <option value="">Not set</option>
                {(f.schema.selectOptions ?? []).map((o) => (
                  <option key={String(o)} value={String(o)}>
                    {String(o)}
                  </option>
                ))}
              </select>
            );
            break;
          case 'MultiSelect': {
            const chosen = Array.isArray(value) ? value : [];
            return (
              <fieldset key={f.id} className="upload-field">
                <legend>{f.label}</legend>
                {(f.schema.selectOptions ?? []).map((o) => (
                  <label key={String(o)} className="upload-check">
                    <input
                      type="checkbox"
                      checked={chosen.includes(o)}
                      onChange={(e) => {
                        const next = e.target.checked ? [...chosen, o] : chosen.filter((c) => c !== o);
                        set(f.name, next.length ? next : undefined);
                      }}
                    />
                    {String(o)}
                  </label>
                ))}
              </fieldset>
            );
          }
          default:
            input = <input id={id} type="text" value={typeof value === 'string' ? value : ''} onChange={(e) => set(f.name, e.target.value)} aria-describedby={describedBy} />;
        }
        return (
          <div key={f.id} className="upload-field">
            <label htmlFor={id}>{f.label}</label>
            {input}
            {hint(f) && <span className="muted small">{hint(f)}</span>}
            {problems[f.name] && (
              <span id={`${id}-problem`} className="upload-problem">
                {problems[f.name]}
              </span>
            )}
          </div>
        );
      })}
    </div>
  );
}
