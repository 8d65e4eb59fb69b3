import { DatabaseZap, LayoutGrid, List, PanelLeft, PanelRight } from 'lucide-react';
import type { FileTypeFilter, LibrarySort, VisibilityFilter } from '../../../../shared/domain/library';
import { LIST_SORTS as librarySorts } from '../../../../shared/imagekit/list-sorts';
import { useReindex } from '../../api/library';
import { describeError } from '../../api/errors';
import { useBrowserStore } from '../../ui/browser-store';
import { IconButton } from '../../ui/controls/IconButton';
import { usePaneStore } from '../../ui/panes/pane-store';
import { useDialogStore } from './dialog-store';
import { THUMB_MAX, THUMB_MIN, useViewPrefs } from './view-prefs';

const sortWords: Record<string, string> = {
  NAME: 'Name',
  CREATED: 'Created',
  UPDATED: 'Updated',
  HEIGHT: 'Height',
  WIDTH: 'Width',
  SIZE: 'Size',
  RELEVANCE: 'Relevance',
  DURATION: 'Duration',
  ORIGINAL_CREATION_DATE: 'Date taken',
};

export function sortLabel(sort: LibrarySort): string {
  const [dir, ...rest] = sort.split('_');
  return `${sortWords[rest.join('_')] ?? rest.join(' ')} (${dir === 'ASC' ? 'ascending' : 'descending'})`;
}

/** Sort and filters of the Files view. */
export function FilterControls() {
  const { sort, fileType, visibility } = useBrowserStore();
  const { setSort, setFileType, setVisibility } = useBrowserStore();
  return (
    <div className="toolbar-group filter-controls">
      <select aria-label="Sort" value={sort} onChange={(e) => setSort(e.target.value as LibrarySort)}>
        {librarySorts.map((s) => (
          <option key={s} value={s}>
            {sortLabel(s)}
          </option>
        ))}
      </select>
      <select aria-label="File type" value={fileType} onChange={(e) => setFileType(e.target.value as FileTypeFilter)}>
        <option value="all">All types</option>
        <option value="image">Images</option>
        <option value="non-image">Other files</option>
      </select>
      <select aria-label="Private files" value={visibility} onChange={(e) => setVisibility(e.target.value as VisibilityFilter)}>
        <option value="all">Private and public</option>
        <option value="private">Private only</option>
        <option value="public">Public only</option>
      </select>
    </div>
  );
}

/** How the Files view looks: grid or list, thumbnail size, which side panes show; and the name index. */
export function BrowserToolbar() {
  const viewMode = useBrowserStore((s) => s.viewMode);
  const setViewMode = useBrowserStore((s) => s.setViewMode);
  const thumbSize = useViewPrefs((s) => s.thumbSize);
  const setThumbSize = useViewPrefs((s) => s.setThumbSize);
  const collapsed = usePaneStore((s) => s.collapsed);
  const togglePane = usePaneStore((s) => s.toggle);
  const reindex = useReindex();
  const tell = useDialogStore((s) => s.tell);

  return (
    <div role="toolbar" aria-label="View" className="toolbar-group view-controls">
      <IconButton
        size="sm"
        label="Index library"
        tooltip={reindex.isPending ? 'Indexing…' : 'Index library: list every file once so name search finds them all'}
        disabled={reindex.isPending}
        onClick={() =>
          reindex.mutate(undefined, {
            onSuccess: (r) => tell(`Indexed ${r.indexedFiles.toLocaleString()} file names.`),
            onError: (error) => tell(`Could not index the library: ${describeError(error)}`),
          })
        }
      >
        <DatabaseZap />
      </IconButton>
      <span className="toolbar-divider" aria-hidden="true" />
      <input
        type="range"
        className="thumb-slider"
        aria-label="Thumbnail size"
        min={THUMB_MIN}
        max={THUMB_MAX}
        step={4}
        value={thumbSize}
        disabled={viewMode !== 'grid'}
        onChange={(e) => setThumbSize(Number(e.target.value))}
      />
      <IconButton size="sm" label="Grid" aria-pressed={viewMode === 'grid'} onClick={() => setViewMode('grid')}>
        <LayoutGrid />
      </IconButton>
      <IconButton size="sm" label="List" aria-pressed={viewMode === 'list'} onClick={() => setViewMode('list')}>
        <List />
      </IconButton>
      <span className="toolbar-divider" aria-hidden="true" />
      <IconButton size="sm" label="Folders pane" tooltip={collapsed.folders ? 'Show folders' : 'Hide folders'} aria-pressed={!collapsed.folders} onClick={() => togglePane('folders')}>
        <PanelLeft />
      </IconButton>
      <IconButton size="sm" label="Details pane" tooltip={collapsed.details ? 'Show details' : 'Hide details'} aria-pressed={!collapsed.details} onClick={() => togglePane('details')}>
        <PanelRight />
      </IconButton>
    </div>
  );
}
