import { useEffect, useMemo, useRef, useState, type CSSProperties, type DragEvent, type KeyboardEvent, type MouseEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { FileSummary } from '../../../../shared/domain/library';
import { PAGE_SIZE } from '../../api/library';
import { useBrowserStore } from '../../ui/browser-store';
import { clickItem, moveFocus, reconcile, selectAll } from '../../ui/selection';
import { useFileActions } from './use-file-actions';
import type { FileSource } from './use-file-source';
import { FileRow, FileTile, LIST_ROW_HEIGHT, tileHeight, tileWidth, type ItemEvents } from './FileCells';
import { ListHeader, listTemplate } from './ListHeader';
import { useViewPrefs } from './view-prefs';
import { ContextMenu } from '../../ui/controls/ContextMenu';
import { fileActionList, folderActionList, openInBuilder } from './action-lists';
import { emptySelection } from '../../ui/selection';
import { beginFilesDrag } from './drag';
import { nativeDragOut } from '../../api/native-drag';

const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);

/**
 * The Files grid (thumbnails) or list (columns): one `grid` named "Files", virtualized so only the
 * visible rows exist in the DOM, fetching the next page as the end comes into view. Focus stays on
 * the grid; the focused item is its aria-activedescendant.
 */
export function FilesView({ source }: { source: FileSource }) {
  const { items, hasMore, fetchMore } = source;
  const viewMode = useBrowserStore((s) => s.viewMode);
  const selection = useBrowserStore((s) => s.selection);
  const setSelection = useBrowserStore((s) => s.setSelection);
  const actions = useFileActions();
  const scrollRef = useRef<HTMLDivElement>(null);
  const pointerDown = useRef(false);
  const menuOnFolder = useRef(false);
  const [width, setWidth] = useState(0);
  const thumb = useViewPrefs((s) => s.thumbSize);
  const columnWidths = useViewPrefs((s) => s.columnWidths);

  useEffect(() => {
    const node = scrollRef.current;
    if (!node || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => setWidth(entry?.contentRect.width ?? 0));
    observer.observe(node);
    return () => observer.disconnect();
  }, []);

  // Whole tiles across, then each widened to share the leftover space (no ragged gap on the right).
  const columns = viewMode === 'grid' ? Math.max(1, Math.floor((width - 8) / tileWidth(thumb))) : 1;
  const cellWidth = Math.max(tileWidth(thumb), Math.floor((width - 8) / columns));
  const cellThumb = cellWidth - (tileWidth(thumb) - thumb);
  const rowCount = Math.ceil(items.length / columns) + (hasMore ? 1 : 0);
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => (viewMode === 'grid' ? tileHeight(cellThumb) : LIST_ROW_HEIGHT),
    overscan: 2,
  });
  useEffect(() => virtualizer.measure(), [virtualizer, cellThumb, viewMode]);
  const virtualRows = virtualizer.getVirtualItems();
  const lastRow = virtualRows[virtualRows.length - 1]?.index ?? 0;

  // Fetch the next page while half a page of rows is still ahead, so a steady scroll never waits.
  const prefetchRows = Math.ceil(PAGE_SIZE / 2 / columns);
  useEffect(() => {
    if (hasMore && lastRow >= rowCount - prefetchRows) fetchMore();
  }, [hasMore, lastRow, rowCount, prefetchRows, fetchMore]);

  // Rows that vanished (deleted, moved, refreshed) leave the selection.
  useEffect(() => {
    const next = reconcile(selection, items);
    if (next !== selection) setSelection(next, items);
  }, [items, selection, setSelection]);

  const select = (next: typeof selection) => {
    setSelection(next, items);
    if (next.focus !== null) virtualizer.scrollToIndex(Math.floor(next.focus / columns));
  };
  const selected = (): FileSummary[] => {
    const ids = new Set(selection.ids);
    return items.filter((f) => ids.has(f.fileId));
  };
  const focused = selection.focus !== null ? items[selection.focus] : undefined;

  const onKeyDown = (e: KeyboardEvent) => {
    const toggle = isMac ? e.metaKey : e.ctrlKey;
    const mods = { shift: e.shiftKey, toggle };
    const step: Record<string, number> = {
      ArrowRight: viewMode === 'grid' ? 1 : 0,
      ArrowLeft: viewMode === 'grid' ? -1 : 0,
      ArrowDown: columns,
      ArrowUp: -columns,
      Home: -items.length,
      End: items.length,
      PageDown: columns * 5,
      PageUp: -columns * 5,
    };
    const delta = step[e.key];
    if (delta !== undefined) {
      e.preventDefault();
      if (delta) select(moveFocus(selection, items, delta, mods));
      return;
    }
    if (toggle && e.key.toLowerCase() === 'a') {
      e.preventDefault();
      select(selectAll(selection, items));
    } else if (toggle && e.key.toLowerCase() === 'c') {
      e.preventDefault();
      void actions.copyUrls(selected());
    } else if (e.key === ' ' && selection.focus !== null) {
      e.preventDefault();
      select(clickItem(selection, items, selection.focus, { toggle: true }));
    } else if (e.key === 'Enter' && focused) {
      e.preventDefault();
      actions.preview(focused);
    } else if (e.key === 'Delete' || (isMac && e.key === 'Backspace' && e.metaKey)) {
      e.preventDefault();
      actions.remove(selected());
    } else if (e.key === 'F2' && focused) {
      e.preventDefault();
      actions.rename(focused);
    } else if (e.key === 'Escape' && selection.ids.length) {
      e.preventDefault();
      select({ ...emptySelection, focus: selection.focus });
    }
  };

  // Cells get one stable events object (memoized cells); it reads the latest state through a ref.
  const latest = useRef({ selection, items, select, selected, actions });
  latest.current = { selection, items, select, selected, actions };
  const events = useMemo<ItemEvents>(
    () => ({
      click: (e: MouseEvent, index: number) => {
        const { selection: sel, items: list, select: apply } = latest.current;
        apply(clickItem(sel, list, index, { shift: e.shiftKey, toggle: isMac ? e.metaKey : e.ctrlKey }));
        scrollRef.current?.focus({ preventScroll: true });
      },
      open: (index: number) => {
        const file = latest.current.items[index];
        if (file) latest.current.actions.preview(file);
      },
      copyUrl: (index: number) => {
        const file = latest.current.items[index];
        if (file) void latest.current.actions.copyUrls([file]);
      },
      openInBuilder: (index: number) => {
        const file = latest.current.items[index];
        if (file) openInBuilder(file);
      },
      dragStart: (e: DragEvent, index: number) => {
        const { selection: sel, items: list, selected: chosen } = latest.current;
        const file = list[index]!;
        const inSelection = sel.ids.includes(file.fileId);
        if (!inSelection) setSelection(clickItem(sel, list, index), list);
        beginFilesDrag(e, inSelection ? chosen() : [file], nativeDragOut);
      },
    }),
    [setSelection],
  );

  const selectedIds = useMemo(() => new Set(selection.ids), [selection.ids]);
  const activeId = focused ? `file-item-${selection.focus}` : undefined;

  // Right-click: on a file outside the selection, that file becomes the selection first (as in a file manager).
  const onContextMenu = (e: MouseEvent) => {
    const cell = (e.target as HTMLElement).closest<HTMLElement>('[data-index]');
    const index = cell ? Number(cell.dataset.index) : -1;
    const file = items[index];
    if (file && !selection.ids.includes(file.fileId)) select(clickItem(selection, items, index));
    menuOnFolder.current = !file;
  };
  const menuActions = () => {
    const state = useBrowserStore.getState();
    return menuOnFolder.current ? folderActionList(state.folderPath) : fileActionList(state.selectedFiles, actions);
  };

  return (
    <ContextMenu label={() => (menuOnFolder.current ? 'Folder actions' : 'File actions')} actions={menuActions}>
    <div
      ref={scrollRef}
      onContextMenu={onContextMenu}
      style={viewMode === 'list' ? ({ '--list-columns': listTemplate(columnWidths) } as CSSProperties) : undefined}
      className={`files-view files-${viewMode}`}
      role="grid"
      aria-label="Files"
      aria-multiselectable="true"
      aria-rowcount={hasMore ? -1 : Math.ceil(items.length / columns) + (viewMode === 'list' ? 1 : 0)}
      aria-colcount={viewMode === 'list' ? 7 : columns}
      aria-activedescendant={activeId}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onMouseDown={() => {
        pointerDown.current = true;
      }}
      onMouseUp={() => {
        pointerDown.current = false;
      }}
      onFocus={() => {
        // Tabbing in puts the keyboard on the first file; a click decides for itself what it selects.
        if (!pointerDown.current && selection.focus === null && items.length) select(moveFocus(selection, items, 1));
      }}
    >
      {viewMode === 'list' && <ListHeader />}
      <div className="files-canvas" style={{ height: virtualizer.getTotalSize() }}>
        {virtualRows.map((row) => {
          const first = row.index * columns;
          const rowItems = items.slice(first, first + columns);
          return (
            <div
              key={row.key}
              className="files-row"
              role="row"
              aria-rowindex={row.index + (viewMode === 'list' ? 2 : 1)}
              aria-selected={viewMode === 'list' && rowItems[0] ? selectedIds.has(rowItems[0].fileId) : undefined}
              id={viewMode === 'list' ? `file-item-${first}` : undefined}
              style={{ transform: `translateY(${row.start}px)`, height: row.size }}
            >
              {rowItems.length === 0 ? (
                <div role="gridcell" className="files-loading">
                  {source.isFetchingMore ? 'Loading more files…' : ''}
                </div>
              ) : viewMode === 'grid' ? (
                rowItems.map((file, i) => (
                  <FileTile
                    key={file.fileId}
                    index={first + i}
                    file={file}
                    selected={selectedIds.has(file.fileId)}
                    focused={selection.focus === first + i}
                    events={events}
                    thumb={cellThumb}
                    quickActions={!virtualizer.isScrolling}
                  />
                ))
              ) : (
                <FileRow file={rowItems[0]!} index={first} focused={selection.focus === first} events={events} />
              )}
            </div>
          );
        })}
      </div>
    </div>
    </ContextMenu>
  );
}
