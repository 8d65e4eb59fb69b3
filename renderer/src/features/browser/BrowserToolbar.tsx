import { librarySorts, type FileTypeFilter, type LibrarySort, type VisibilityFilter } from '../../../../shared/domain/library';
import { useReindex } from '../../api/library';
import { describeError } from '../../api/errors';
import { useBrowserStore } from '../../ui/browser-store';
import { useDialogStore } from './dialog-store';
import { useFileActions } from './use-file-actions';

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

/** View, sort and filters of the Files view, and the actions on the selected files. */
export function BrowserToolbar() {
  const { sort, fileType, visibility, viewMode, selectedFiles } = useBrowserStore();
  const { setSort, setFileType, setVisibility, setViewMode } = useBrowserStore();
  const actions = useFileActions();
  const reindex = useReindex();
  const tell = useDialogStore((s) => s.tell);
  const none = selectedFiles.length === 0;

  return (
    <div className="browser-toolbar">
      <div role="toolbar" aria-label="View" className="toolbar-group">
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
        <button type="button" aria-pressed={viewMode === 'grid'} onClick={() => setViewMode('grid')}>
          Grid
        </button>
        <button type="button" aria-pressed={viewMode === 'list'} onClick={() => setViewMode('list')}>
          List
        </button>
      </div>
      <div role="toolbar" aria-label="File actions" className="toolbar-group">
        <button type="button" disabled={selectedFiles.length !== 1} onClick={() => actions.rename(selectedFiles[0]!)}>
          Rename…
        </button>
        <button type="button" disabled={none} onClick={() => actions.transfer('copy', selectedFiles)}>
          Copy to…
        </button>
        <button type="button" disabled={none} onClick={() => actions.transfer('move', selectedFiles)}>
          Move to…
        </button>
        <button type="button" disabled={none} onClick={() => void actions.download(selectedFiles)}>
          Download
        </button>
        <button type="button" disabled={none} onClick={() => actions.remove(selectedFiles)}>
          Delete…
        </button>
        <button
          type="button"
          disabled={reindex.isPending}
          title="List the whole library once so name search finds every file"
          onClick={() =>
            reindex.mutate(undefined, {
              onSuccess: (r) => tell(`Indexed ${r.indexedFiles.toLocaleString()} file names.`),
              onError: (error) => tell(`Could not index the library: ${describeError(error)}`),
            })
          }
        >
          {reindex.isPending ? 'Indexing…' : 'Index library'}
        </button>
      </div>
    </div>
  );
}
