import { useMemo, useState } from 'react';
import type { DetailsSectionProps } from '../../ui/details-sections';
import { useFields, useUpdateFile } from '../../api/editing';
import { describeError } from '../../api/errors';
import { FieldInput } from './FieldInput';
import { checkValue, decodeValue, encodeValue, sameValue } from './value-codec';
import './custom-metadata.css';

/**
 * The file's custom metadata as a form built from the account's fields. Each value is checked as
 * it is typed with the server's own rules; Save sends only the values that changed.
 */
export function MetadataForm({ file }: DetailsSectionProps) {
  const fields = useFields();
  const update = useUpdateFile();
  const stored = useMemo(() => file.customMetadata ?? {}, [file.customMetadata]);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);

  const active = fields.data ?? [];
  const textOf = (name: string) => texts[name] ?? encodeValue(stored[name]);
  const changes: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const field of active) {
    if (texts[field.name] === undefined) continue;
    const value = decodeValue(texts[field.name]!, field);
    if (sameValue(value, stored[field.name])) continue;
    const problem = checkValue(value, field);
    if (problem) errors[field.name] = `${field.label} ${problem}`;
    else changes[field.name] = value;
  }
  const dirty = Object.keys(changes).length > 0 || Object.keys(errors).length > 0;
  const valid = Object.keys(errors).length === 0;

  const save = () => {
    setSaved(false);
    update.mutate(
      { fileId: file.fileId, edit: { customMetadata: changes } },
      {
        onSuccess: () => {
          setTexts({});
          setSaved(true);
        },
      },
    );
  };

  return (
    <section className="details-section metadata-form" aria-label="Custom metadata">
      <h3>Custom metadata</h3>
      {fields.isPending && <p className="muted">Loading fields…</p>}
      {fields.isError && <p role="alert">{describeError(fields.error)}</p>}
      {fields.data?.length === 0 && <p className="muted">This library has no custom metadata fields yet (see the Custom metadata view).</p>}
      {active.length > 0 && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (valid && dirty) save();
          }}
        >
          {active.map((field) => (
            <div className="field-row" key={field.id}>
              <span className="field-label" aria-hidden="true">
                {field.label}
                {field.schema.isValueRequired && ' *'}
              </span>
              <FieldInput
                field={field}
                label={field.label}
                text={textOf(field.name)}
                error={errors[field.name]}
                onChange={(text) => {
                  setSaved(false);
                  setTexts((t) => ({ ...t, [field.name]: text }));
                }}
              />
            </div>
          ))}
          <div className="form-actions">
            <button type="submit" className="primary" disabled={!dirty || !valid || update.isPending}>
              Save metadata
            </button>
            {dirty && (
              <button type="button" onClick={() => setTexts({})}>
                Discard changes
              </button>
            )}
          </div>
          {update.isError && <p role="alert">{describeError(update.error)}</p>}
          {saved && <p role="status">Custom metadata saved.</p>}
        </form>
      )}
    </section>
  );
}
