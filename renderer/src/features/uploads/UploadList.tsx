import { useCallback, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import { FINAL_STATES, type FileProgress, type UploadItem } from '../../../../shared/domain/uploads';
import { useQueueAction, useResolveConflict } from '../../api/uploads';
import { UploadRow, type RowActions } from './UploadRow';

/** A plain row's height before it is measured (rows with a choice or an error are taller, and measured). */
const ROW_ESTIMATE = 64;
const ROW_GAP = 4;
/** Rows the keyboard skips with Page Up / Page Down. */
const PAGE_ROWS = 5;
/** The viewport assumed while the list has no laid-out height yet (and in a test DOM without layout). */
const UNMEASURED = { width: 0, height: 320 };

/** Unfinished files first (queue order), then finished ones, most recent first. */
function ordered(items: UploadItem[]): UploadItem[] {
  const open: UploadItem[] = [];
  const finished: UploadItem[] = [];
  for (const item of items) (FINAL_STATES.includes(item.state) ? finished : open).push(item);
  return open.concat(finished.reverse());
}

/**
 * The files of the queue, however many: a list named "Upload queue" whose rows are rendered only while in
 * view (@tanstack/react-virtual, as the Files grid does), so the DOM stays the same size for 10 or 10,000.
 * Each row says its place (aria-posinset of aria-setsize). Keyboard: one row is the tab stop; Up/Down,
 * Page Up/Down, Home/End move it (scrolling it into view); Tab goes on to that row's buttons.
 */
export function UploadList({ items, progress }: { items: UploadItem[]; progress: Record<number, FileProgress> }) {
  const rows = useMemo(() => ordered(items), [items]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const current = Math.min(active, Math.max(0, rows.length - 1));
  // Stable across renders, so a row whose file did not change is not rendered again (UploadRow is memoized).
  const { mutate: queueAction } = useQueueAction();
  const { mutate: resolveConflict } = useResolveConflict();
  const actions = useMemo<RowActions>(
    () => ({
      run: (itemId, action) => queueAction({ action, target: { itemId } }),
      resolve: (itemId, choice) => resolveConflict({ itemId, choice }),
    }),
    [queueAction, resolveConflict],
  );
  const onRowFocus = useCallback((e: FocusEvent<HTMLLIElement>) => {
    setActive(Number(e.currentTarget.dataset.index));
  }, []);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE,
    getItemKey: (index) => rows[index]!.id,
    gap: ROW_GAP,
    overscan: 6,
    // Before the first measurement (and in a layout-less test DOM) a drawer's worth of rows is shown.
    initialRect: UNMEASURED,
    observeElementRect: (instance, report) => observeElementRect(instance, (rect) => report(rect.height > 0 ? rect : UNMEASURED)),
  });

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, index));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
    // The row may only be rendered after the scroll: focus it once it is.
    const focus = (tries: number) => {
      const row = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${next}"]`);
      if (row) row.focus({ preventScroll: true });
      else if (tries > 0) requestAnimationFrame(() => focus(tries - 1));
    };
    requestAnimationFrame(() => focus(30));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    // Only when a row itself has focus: keys inside its buttons keep their meaning.
    if (!(e.target instanceof HTMLElement) || e.target.dataset.index === undefined) return;
    const steps: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: PAGE_ROWS, PageUp: -PAGE_ROWS };
    if (e.key in steps) moveTo(current + steps[e.key]!);
    else if (e.key === 'Home') moveTo(0);
    else if (e.key === 'End') moveTo(rows.length - 1);
    else return;
    e.preventDefault();
  };

  const visible = virtualizer.getVirtualItems();
  return (
    <div ref={scrollRef} className="upload-list-scroll">
      {/* The spacer is the whole list's height; the rendered rows sit in normal flow inside the list, which is
          moved down to the first of them. A row that grows (a progress bar, an error, a choice) pushes the
          rows after it at once, so rows never overlap, even for the frame before it is measured again. */}
      <div className="upload-list-spacer" style={{ height: virtualizer.getTotalSize() }}>
        <ul className="upload-list" aria-label="Upload queue" style={{ transform: `translateY(${visible[0]?.start ?? 0}px)` }} onKeyDown={onKeyDown}>
          {visible.map((row) => {
            const item = rows[row.index]!;
            return (
              <UploadRow
                key={row.key}
                ref={virtualizer.measureElement}
                data-index={row.index}
                item={item}
                progress={progress[item.id]}
                actions={actions}
                tabIndex={row.index === current ? 0 : -1}
                aria-setsize={rows.length}
                aria-posinset={row.index + 1}
                onFocus={onRowFocus}
              />
            );
          })}
        </ul>
      </div>
    </div>
  );
}
