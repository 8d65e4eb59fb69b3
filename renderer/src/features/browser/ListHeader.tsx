import { ArrowDown, ArrowUp } from 'lucide-react';
import { useRef, type PointerEvent } from 'react';
import type { LibrarySort } from '../../../../shared/domain/library';
import { useBrowserStore } from '../../ui/browser-store';
import { useViewPrefs, type ListColumn } from './view-prefs';

export const listColumns: ReadonlyArray<{ id: ListColumn; label: string; sort?: string; firstDir?: 'ASC' | 'DESC' }> = [
  { id: 'name', label: 'Name', sort: 'NAME', firstDir: 'ASC' },
  { id: 'type', label: 'Type' },
  { id: 'size', label: 'Size', sort: 'SIZE', firstDir: 'DESC' },
  { id: 'dimensions', label: 'Dimensions', sort: 'WIDTH', firstDir: 'DESC' },
  { id: 'created', label: 'Created', sort: 'CREATED', firstDir: 'DESC' },
  { id: 'updated', label: 'Updated', sort: 'UPDATED', firstDir: 'DESC' },
  { id: 'tags', label: 'Tags' },
];

/** The CSS grid template of list rows from the remembered widths (Name stretches). */
export function listTemplate(widths: Record<ListColumn, number>): string {
  return listColumns.map((c) => (c.id === 'name' ? `minmax(${widths.name}px, 1fr)` : `${widths[c.id]}px`)).join(' ');
}

function ResizeGrip({ column }: { column: ListColumn }) {
  const setWidth = useViewPrefs((s) => s.setColumnWidth);
  const start = useRef<{ x: number; width: number } | null>(null);
  const onPointerDown = (e: PointerEvent<HTMLSpanElement>) => {
    e.preventDefault();
    e.stopPropagation();
    e.currentTarget.setPointerCapture(e.pointerId);
    start.current = { x: e.clientX, width: useViewPrefs.getState().columnWidths[column] };
  };
  const onPointerMove = (e: PointerEvent<HTMLSpanElement>) => {
    if (start.current) setWidth(column, start.current.width + e.clientX - start.current.x);
  };
  const end = () => {
    start.current = null;
  };
  return <span className="col-grip" aria-hidden="true" onPointerDown={onPointerDown} onPointerMove={onPointerMove} onPointerUp={end} onPointerCancel={end} onClick={(e) => e.stopPropagation()} />;
}

/**
 * The list's header row: a sort button in each sortable column (ImageKit sorts on the server;
 * aria-sort says which column and direction is in force), and a grip on each edge to resize.
 */
export function ListHeader() {
  const sort = useBrowserStore((s) => s.sort);
  const setSort = useBrowserStore((s) => s.setSort);
  const [dir, ...rest] = sort.split('_');
  const key = rest.join('_');
  return (
    <div role="row" aria-rowindex={1} className="files-row files-list-header">
      {listColumns.map((c) => {
        const active = c.sort !== undefined && c.sort === key;
        const ariaSort = c.sort === undefined ? undefined : active ? (dir === 'ASC' ? 'ascending' : 'descending') : 'none';
        const next = `${active ? (dir === 'ASC' ? 'DESC' : 'ASC') : c.firstDir}_${c.sort}` as LibrarySort;
        return (
          <div key={c.id} role="columnheader" aria-sort={ariaSort} className={`col col-${c.id}`}>
            {c.sort ? (
              <button type="button" className="col-sort" tabIndex={-1} onClick={() => setSort(next)}>
                {c.label}
                {active && (dir === 'ASC' ? <ArrowUp aria-hidden="true" /> : <ArrowDown aria-hidden="true" />)}
              </button>
            ) : (
              <span className="col-sort">{c.label}</span>
            )}
            <ResizeGrip column={c.id} />
          </div>
        );
      })}
    </div>
  );
}
