import { ArrowDown, ArrowUp } from 'lucide-react';
import type { LibrarySort } from '../../../../shared/domain/library';
import { useBrowserStore } from '../../ui/browser-store';
import type { ListColumn } from './view-prefs';
import { ColumnResizer, GRID_KEYS } from './ColumnResizer';

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

/**
 * The list's header row: a sort button in each sortable column (ImageKit sorts on the server;
 * aria-sort says which column and direction is in force), and a resizable edge on each (pointer or keys).
 * Both are Tab stops, in reading order: a keyboard user sorts and resizes without the toolbar's menu.
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
          // Named by its label alone: the edge inside has a name of its own.
          <div key={c.id} role="columnheader" aria-label={c.label} aria-sort={ariaSort} className={`col col-${c.id}`}>
            {c.sort ? (
              <button
                type="button"
                className="col-sort"
                onClick={() => setSort(next)}
                // Enter/Space here sort; the Files grid around must not also open or select a file.
                onKeyDown={(e) => GRID_KEYS.has(e.key) && e.stopPropagation()}
              >
                {c.label}
                {active && (dir === 'ASC' ? <ArrowUp aria-hidden="true" /> : <ArrowDown aria-hidden="true" />)}
              </button>
            ) : (
              <span className="col-sort">{c.label}</span>
            )}
            <ColumnResizer column={c.id} label={c.label} />
          </div>
        );
      })}
    </div>
  );
}
