import { useState, type KeyboardEvent } from 'react';
import type { CustomMetadataFieldDef } from '../../../../shared/custom-metadata/validate';
import type { FileDetails } from '../../../../shared/domain/library';
import { useTagAction, useUpdateFiles } from '../../api/editing';
import { describeError } from '../../api/errors';
import { TagInput } from '../../ui/TagInput';
import { FieldInput } from './FieldInput';
import { planBulkSave, TAGS_COLUMN, type CellTexts } from './bulk-edits';
import { CsvTools } from './CsvTools';
import { encodeValue, formatTags } from './value-codec';

/**
 * Grid keyboard support: Up/Down (with Ctrl/Cmd in selects, whose arrows change the value) move to
 * the same column of the row above or below; Left/Right stay inside text inputs for editing.
 */
function moveBetweenRows(e: KeyboardEvent<HTMLTableElement>) {
  if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
  const target = e.target as HTMLElement;
  if (target.tagName === 'SELECT' && !(e.ctrlKey || e.metaKey)) return;
  if (target.tagName === 'TEXTAREA') return;
  const cell = target.closest('td');
  const row = cell?.parentElement;
  if (!cell || !row) return;
  const sibling = (e.key === 'ArrowUp' ? row.previousElementSibling : row.nextElementSibling) as HTMLTableRowElement | null;
  const next = sibling?.cells[cell.cellIndex]?.querySelector<HTMLElement>('input, select');
  if (next) {
    e.preventDefault();
    next.focus();
  }
}

interface Props {
  files: FileDetails[];
  fields: CustomMetadataFieldDef[];
}

/**
 * The bulk editor: a grid (rows are files, columns are tags and fields) with per-cell validation
 * and one save, bulk tag add/remove for all rows, and CSV export/import.
 */
export function BulkEditor({ files, fields }: Props) {
  const [texts, setTexts] = useState<CellTexts>({});
  const [notice, setNotice] = useState<string | null>(null);
  const save = useUpdateFiles();
  const tagAction = useTagAction();
  const plan = planBulkSave(files, fields, texts);
  const errorCount = Object.values(plan.errors).reduce((n, e) => n + Object.keys(e).length, 0);
  const fileIds = files.map((f) => f.fileId);

  const setCell = (fileId: string, column: string, text: string) => {
    setNotice(null);
    setTexts((t) => ({ ...t, [fileId]: { ...t[fileId], [column]: text } }));
  };

  const saveAll = () =>
    save.mutate(plan.edits, {
      onSuccess: (outcome) => {
        setTexts({});
        setNotice(
          outcome.failed.length
            ? `Saved ${outcome.succeeded.length} files; ${outcome.failed.length} failed: ${outcome.failed.map((f) => f.message).join(' ')}`
            : `Saved ${outcome.succeeded.length} ${outcome.succeeded.length === 1 ? 'file' : 'files'}.`,
        );
      },
    });

  const bulkTags = (action: 'add' | 'remove', tags: string[]) =>
    tagAction.mutate(
      { action, fileIds, tags },
      {
        onSuccess: (o) =>
          setNotice(
            `${action === 'add' ? 'Added' : 'Removed'} ${tags.join(', ')} ${action === 'add' ? 'to' : 'from'} ${o.succeeded.length} files.` +
              (o.failed.length ? ` ${o.failed.length} failed: ${o.failed[0]!.message}` : ''),
          ),
      },
    );

  const n = files.length;
  return (
    <section className="bulk-editor" aria-label="Bulk editor">
      <div className="bulk-toolbar">
        <TagInput
          label="Tags for all rows"
          disabled={tagAction.isPending}
          actions={[
            { label: `Add to ${n} ${n === 1 ? 'file' : 'files'}`, run: (tags) => bulkTags('add', tags) },
            { label: `Remove from ${n} ${n === 1 ? 'file' : 'files'}`, run: (tags) => bulkTags('remove', tags) },
          ]}
        />
        <CsvTools files={files} fields={fields} onApplied={setNotice} />
      </div>
      <div className="form-actions">
        <button type="button" className="primary" disabled={plan.edits.length === 0 || errorCount > 0 || save.isPending} onClick={saveAll}>
          Save all changes
        </button>
        {Object.keys(texts).length > 0 && (
          <button type="button" onClick={() => setTexts({})}>
            Discard changes
          </button>
        )}
        <span className="muted" aria-live="polite">
          {errorCount > 0
            ? `${errorCount} ${errorCount === 1 ? 'value is' : 'values are'} not valid; fix ${errorCount === 1 ? 'it' : 'them'} to save.`
            : plan.changedCells > 0
              ? `${plan.changedCells} changed ${plan.changedCells === 1 ? 'cell' : 'cells'} in ${plan.edits.length} ${plan.edits.length === 1 ? 'file' : 'files'}.`
              : ''}
        </span>
      </div>
      <div className="grid-scroll">
        <table role="grid" aria-label="Metadata" className="metadata-grid" onKeyDown={moveBetweenRows}>
          <thead>
            <tr role="row">
              <th role="columnheader" scope="col">File</th>
              <th role="columnheader" scope="col">Tags</th>
              {fields.map((f) => (
                <th role="columnheader" scope="col" key={f.id} title={f.name}>
                  {f.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {files.map((file) => (
              <tr role="row" key={file.fileId}>
                <th role="rowheader" scope="row" title={file.filePath}>
                  {file.name}
                </th>
                <td role="gridcell">
                  <input
                    type="text"
                    aria-label={`${file.name} Tags`}
                    value={texts[file.fileId]?.[TAGS_COLUMN] ?? formatTags(file.tags)}
                    onChange={(e) => setCell(file.fileId, TAGS_COLUMN, e.target.value)}
                  />
                </td>
                {fields.map((f) => (
                  <td role="gridcell" key={f.id} className={plan.errors[file.fileId]?.[f.name] ? 'invalid' : undefined}>
                    <FieldInput
                      compact
                      field={f}
                      label={`${file.name} ${f.label}`}
                      text={texts[file.fileId]?.[f.name] ?? encodeValue(file.customMetadata?.[f.name])}
                      error={plan.errors[file.fileId]?.[f.name]}
                      onChange={(text) => setCell(file.fileId, f.name, text)}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {save.isError && <p role="alert">{describeError(save.error)}</p>}
      {tagAction.isError && <p role="alert">{describeError(tagAction.error)}</p>}
      {notice && <p role="status">{notice}</p>}
    </section>
  );
}
