import { useState } from 'react';
import type { CustomField } from '../../../../shared/domain/editing';
import { useFieldMutations, useFields } from '../../api/editing';
import { describeError } from '../../api/errors';
import { FieldForm } from './FieldForm';
import { fieldTypeLabel } from './field-draft';
import { encodeValue } from './value-codec';

function rulesOf(field: CustomField): string {
  const s = field.schema;
  const parts: string[] = [];
  if (s.selectOptions) parts.push(`options: ${s.selectOptions.map(String).join(', ')}`);
  if (s.minValue !== undefined) parts.push(`min ${s.minValue}`);
  if (s.maxValue !== undefined) parts.push(`max ${s.maxValue}`);
  if (s.minLength !== undefined) parts.push(`at least ${s.minLength} characters`);
  if (s.maxLength !== undefined) parts.push(`at most ${s.maxLength} characters`);
  if (s.isValueRequired) parts.push('required');
  if (s.defaultValue !== undefined) parts.push(`default ${encodeValue(s.defaultValue)}`);
  return parts.join('; ') || '—';
}

/** The account's custom metadata fields: list (deleted ones on request), create, edit, delete. */
export function FieldsScreen() {
  const [showDeleted, setShowDeleted] = useState(false);
  const fields = useFields(showDeleted);
  const { remove } = useFieldMutations();
  const [editing, setEditing] = useState<CustomField | 'new' | null>(null);
  const [confirm, setConfirm] = useState<CustomField | null>(null);

  return (
    <section className="fields-screen" aria-label="Custom metadata fields">
      <header className="fields-header">
        <h2>Custom metadata fields</h2>
        <label>
          <input type="checkbox" checked={showDeleted} onChange={(e) => setShowDeleted(e.target.checked)} /> Show deleted fields
        </label>
        <button type="button" className="primary" onClick={() => setEditing('new')}>
          New field
        </button>
      </header>
      {editing && <FieldForm key={editing === 'new' ? 'new' : editing.id} field={editing === 'new' ? undefined : editing} onDone={() => setEditing(null)} />}
      {fields.isPending && <p className="muted">Loading fields…</p>}
      {fields.isError && <p role="alert">{describeError(fields.error)}</p>}
      {fields.data?.length === 0 && <p className="muted">No custom metadata fields yet. Create one to describe your files.</p>}
      {fields.data && fields.data.length > 0 && (
        <table className="fields-table" aria-label="Fields">
          <thead>
            <tr>
              <th scope="col">Label</th>
              <th scope="col">Name</th>
              <th scope="col">Type</th>
              <th scope="col">Rules</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {fields.data.map((f) => (
              <tr key={f.id} className={f.deleted ? 'deleted' : undefined}>
                <th scope="row">
                  {f.label}
                  {f.deleted && <span className="badge"> (deleted)</span>}
                </th>
                <td>{f.name}</td>
                <td>{fieldTypeLabel(f.schema.type)}</td>
                <td>{rulesOf(f)}</td>
                <td>
                  {!f.deleted && (
                    <>
                      <button type="button" aria-label={`Edit ${f.label}`} onClick={() => setEditing(f)}>
                        Edit
                      </button>
                      <button type="button" className="danger" aria-label={`Delete ${f.label}`} onClick={() => setConfirm(f)}>
                        Delete
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {confirm && (
        <div role="alertdialog" aria-label={`Delete field ${confirm.label}`} className="inline-confirm">
          <p>
            Delete the field “{confirm.label}”? Files keep no value for it, and its name ({confirm.name}) can never be used again.
          </p>
          <button
            type="button"
            className="danger"
            disabled={remove.isPending}
            onClick={() => remove.mutate(confirm.id, { onSuccess: () => setConfirm(null) })}
          >
            Delete field
          </button>
          <button type="button" onClick={() => setConfirm(null)}>
            Cancel
          </button>
          {remove.isError && <p role="alert">{describeError(remove.error)}</p>}
        </div>
      )}
    </section>
  );
}
