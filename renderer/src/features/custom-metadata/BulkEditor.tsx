import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import type { CustomMetadataFieldDef } from '../../../../shared/custom-metadata/validate';
import type { FileDetails } from '../../../../shared/domain/library';
import { useTagAction, useUpdateFiles } from '../../api/editing';
import { describeError } from '../../api/errors';
import { TagInput } from '../../ui/TagInput';
import { BulkRow } from './BulkRow';
import { planBulkSave, type CellTexts } from './bulk-edits';
import { CsvTools } from './CsvTools';

/** A row's height before it is measured; rows with an error message are taller and measured. */
const ROW_ESTIMATE = 34;
const PAGE_ROWS = 10;
const UNMEASURED = { width: 0, height: 600 };

/**
 * Grid keyboard support: Up/Down (with Ctrl/Cmd in selects, whose arrows change the value) move to the same
 * column of the row above or below, Page Up/Down by a page; Left/Right stay inside text inputs for editing.
 * Rows are virtualized, so the target row is scrolled into view first and focused once it is rendered.
 */
function rowMover(scroller: () => HTMLElement | null, count: number, scrollToIndex: (index: number) => void) {
  return (e: KeyboardEvent<HTMLTableElement>) => {
    const steps: Record<string, number> = { ArrowUp: -1, ArrowDown: 1, PageUp: -PAGE_ROWS, PageDown: PAGE_ROWS };
    const step = steps[e.key];
    if (step === undefined) return;
    const target = e.target as HTMLElement;
    if (target.tagName === 'SELECT' && !(e.ctrlKey || e.metaKey)) return;
    if (target.tagName === 'TEXTAREA') return;
    const cell = target.closest('td');
    const row = cell?.closest('tr');
    if (!cell || !row?.dataset.index) return;
    const next = Math.max(0, Math.min(count - 1, Number(row.dataset.index) + step));
    e.preventDefault();
    scrollToIndex(next);
    const column = cell.cellIndex;
    const focus = (tries: number) => {
      const input = scroller()?.querySelector<HTMLTableRowElement>(`tr[data-index="${next}"]`)?.cells[column]?.querySelector<HTMLElement>('input, select');
      if (input) input.focus({ preventScroll: true });
      else if (tries > 0) requestAnimationFrame(() => focus(tries - 1));
    };
    focus(30);
  };
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
  const plan = useMemo(() => planBulkSave(files, fields, texts), [files, fields, texts]);
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
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: n,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE,
    getItemKey: (index) => files[index]!.fileId,
    overscan: 8,
    // Before the first measurement (and in a layout-less test DOM) a screenful of rows is shown.
    initialRect: UNMEASURED,
    observeElementRect: (instance, report) => observeElementRect(instance, (rect) => report(rect.height > 0 ? rect : UNMEASURED)),
  });
  const rows = virtualizer.getVirtualItems();
  // Spacers above and below the rendered rows keep the table's scroll height that of all n rows.
  const before = rows[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (rows.at(-1)?.end ?? 0);
  const onKeyDown = rowMover(() => scrollRef.current, n, (index) => virtualizer.scrollToIndex(index, { align: 'auto' }));
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
      <div className="grid-scroll" ref={scrollRef}>
        <table role="grid" aria-label="Metadata" aria-rowcount={n + 1} className="metadata-grid" onKeyDown={onKeyDown}>
          <thead>
            <tr role="row" aria-rowindex={1}>
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
            {before > 0 && <tr aria-hidden="true" className="grid-spacer" style={{ height: before }} />}
            {rows.map(({ index, key }) => (
              <BulkRow
                key={key}
                index={index}
                file={files[index]!}
                fields={fields}
                typed={texts[files[index]!.fileId]}
                errors={plan.errors[files[index]!.fileId]}
                setCell={setCell}
                measure={virtualizer.measureElement}
              />
            ))}
            {after > 0 && <tr aria-hidden="true" className="grid-spacer" style={{ height: after }} />}
          </tbody>
        </table>
      </div>
      {save.isError && <p role="alert">{describeError(save.error)}</p>}
      {tagAction.isError && <p role="alert">{describeError(tagAction.error)}</p>}
      {notice && <p role="status">{notice}</p>}
    </section>
  );
}
