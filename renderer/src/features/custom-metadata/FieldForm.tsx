import { useId, useState } from 'react';
import { FIELD_TYPES, type FieldType } from '../../../../shared/custom-metadata/validate';
import type { CustomField } from '../../../../shared/domain/editing';
import { useFieldMutations } from '../../api/editing';
import { describeError } from '../../api/errors';
import { checkDraft, draftFromField, emptyDraft, fieldTypeLabel, usesLength, usesOptions, usesRange, type FieldDraft } from './field-draft';

interface Props {
  /** The field being edited; absent for a new field. */
  field?: CustomField;
  onDone(): void;
}


/**
 * Create or edit a custom metadata field. Every rule is checked with the server's own validator as
 * it is typed; Save sends only a body that passes, and the server's answer is shown if it still refuses.
 */
export function FieldForm({ field, onDone }: Props) {
  const [draft, setDraft] = useState<FieldDraft>(() => (field ? draftFromField(field) : emptyDraft));
  const [touched, setTouched] = useState(false);
  const { create, update } = useFieldMutations();
  const saving = create.isPending || update.isPending;
  const check = checkDraft(draft, field);
  const errors = touched && !check.ok ? check.errors : {};
  const serverError = create.error ?? update.error;
  const formId = useId();

  const set = <K extends keyof FieldDraft>(key: K, value: FieldDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = () => {
    setTouched(true);
    if (!check.ok) return;
    const done = { onSuccess: onDone };
    if (field) update.mutate({ id: field.id, label: check.body.label, schema: check.body.schema, ...(check.body.description !== undefined && { description: check.body.description }) }, done);
    else create.mutate(check.body, done);
  };

  const input = (key: keyof FieldDraft, label: string, errorKey: string = key, props: Record<string, unknown> = {}) => (
    <div className="field-row">
      <label htmlFor={`${formId}-${key}`}>{label}</label>
      <input
        id={`${formId}-${key}`}
        value={String(draft[key])}
        onChange={(e) => set(key, e.target.value as never)}
        aria-invalid={errors[errorKey] ? true : undefined}
        aria-describedby={errors[errorKey] ? `${formId}-${key}-error` : undefined}
        {...props}
      />
      {errors[errorKey] && (
        <span id={`${formId}-${key}-error`} className="field-error">
          {label} {errors[errorKey]}
        </span>
      )}
    </div>
  );

  return (
    <form
      className="field-form"
      aria-label={field ? `Edit field ${field.label}` : 'New field'}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {input('name', 'Name', 'name', { disabled: Boolean(field), autoFocus: !field })}
      {input('label', 'Label')}
      {input('description', 'Description')}
      <div className="field-row">
        <label htmlFor={`${formId}-type`}>Type</label>
        <select id={`${formId}-type`} value={draft.type} disabled={Boolean(field)} onChange={(e) => set('type', e.target.value as FieldType)}>
          {FIELD_TYPES.map((t) => (
            <option key={t} value={t}>
              {fieldTypeLabel(t)}
            </option>
          ))}
        </select>
      </div>
      {usesOptions(draft.type) && (
        <div className="field-row">
          <label htmlFor={`${formId}-options`}>Options (one per line)</label>
          <textarea
            id={`${formId}-options`}
            rows={4}
            value={draft.options}
            onChange={(e) => set('options', e.target.value)}
            aria-invalid={errors.selectOptions ? true : undefined}
            aria-describedby={errors.selectOptions ? `${formId}-options-error` : undefined}
          />
          {errors.selectOptions && (
            <span id={`${formId}-options-error`} className="field-error">
              Options {errors.selectOptions}
            </span>
          )}
        </div>
      )}
      {usesRange(draft.type) && (
        <>
          {input('minValue', draft.type === 'Date' ? 'Earliest date' : 'Minimum value', 'minValue', { placeholder: draft.type === 'Date' ? '2024-01-01T00:00:00Z' : '' })}
          {input('maxValue', draft.type === 'Date' ? 'Latest date' : 'Maximum value', 'maxValue', { placeholder: draft.type === 'Date' ? '2030-12-31T23:59:59Z' : '' })}
        </>
      )}
      {usesLength(draft.type) && (
        <>
          {input('minLength', 'Minimum length')}
          {input('maxLength', 'Maximum length')}
        </>
      )}
      <div className="field-row">
        <label>
          <input type="checkbox" checked={draft.required} onChange={(e) => set('required', e.target.checked)} /> Value required
        </label>
      </div>
      {input('defaultValue', draft.type === 'MultiSelect' ? 'Default value (options separated by |)' : 'Default value', 'defaultValue')}
      {touched && !check.ok && Object.keys(check.errors).length === 0 && <p role="alert">{check.message}</p>}
      {serverError && <p role="alert">{describeError(serverError)}</p>}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={saving}>
          {field ? 'Save field' : 'Create field'}
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
