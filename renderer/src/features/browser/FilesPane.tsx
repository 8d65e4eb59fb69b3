import { Ellipsis } from 'lucide-react';
import { lazy, Suspense } from 'react';
import { useFolders } from '../../api/library';
import { describeError } from '../../api/errors';
import { useBrowserStore } from '../../ui/browser-store';
import { ActionMenu } from '../../ui/controls/Menu';
import { IconButton } from '../../ui/controls/IconButton';
import { ToastRecord } from '../../ui/toast/Toaster';
import { useRegisterCommands } from '../../ui/commands/command-registry';
import { BrowserToolbar, FilterControls } from './BrowserToolbar';
import { Breadcrumb } from './Breadcrumb';
import { FilesView } from './FilesView';
import { formatBytes } from './format';
import { JobsProgress } from './JobsProgress';
import { SearchBox } from './SearchBox';
import { SelectionToolbar } from './SelectionToolbar';
import { fileActionList, folderActionList } from './action-lists';
import { useFileActions } from './use-file-actions';
import { useFileSource } from './use-file-source';

// An empty library's welcome (sample images, first upload) brings the upload API and its schemas; it
// loads only when the library turns out to be empty, not with every window.
const FirstRun = lazy(() => import('./FirstRun').then((m) => ({ default: m.FirstRun })));

/** The open folder's actions behind one "⋯" button beside the breadcrumb. */
function FolderMenu({ folderPath }: { folderPath: string }) {
  return (
    <ActionMenu
      label="Folder actions"
      align="start"
      actions={folderActionList(folderPath)}
      trigger={
        <IconButton size="sm" label="More folder actions">
          <Ellipsis />
        </IconButton>
      }
    />
  );
}

/** Offers the browser's actions in the command palette while the Library is open. */
function useBrowserCommands() {
  const actions = useFileActions();
  useRegisterCommands('browser', () => {
    const { selectedFiles, folderPath } = useBrowserStore.getState();
    return [...fileActionList(selectedFiles, actions), ...folderActionList(folderPath)];
  });
}

/** The middle of the browser: where you are, search and filters, the selection's actions, the files and a status line. */
export function FilesPane() {
  const source = useFileSource();
  const search = useBrowserStore((s) => s.search);
  const folderPath = useBrowserStore((s) => s.folderPath);
  const selectedFiles = useBrowserStore((s) => s.selectedFiles);
  const rootFolders = useFolders('/', folderPath === '/' && !search);
  const totalSize = selectedFiles.reduce((sum, f) => sum + f.size, 0);
  useBrowserCommands();

  let body;
  if (source.isLoading) {
    body = (
      <p className="files-state" role="status">
        Loading files…
      </p>
    );
  } else if (source.error && !source.isQueryError) {
    body = (
      <p className="files-state" role="alert">
        Could not show the files: {describeError(source.error)}
      </p>
    );
  } else if (source.error) {
    body = <p className="files-state">Fix the search query above, or clear the search to see the folder again.</p>;
  } else if (source.items.length === 0 && !search && folderPath === '/' && rootFolders.data?.length === 0) {
    body = (
      <Suspense fallback={null}>
        <FirstRun />
      </Suspense>
    );
  } else if (source.items.length === 0) {
    body = <p className="files-state">{search ? 'Nothing matches this search.' : 'This folder has no files. Upload some, or pick another folder.'}</p>;
  } else {
    body = <FilesView source={source} />;
  }

  return (
    <section className="files-pane" aria-label="Files browser">
      <div className="pane-header files-header">
        <Breadcrumb />
        <FolderMenu folderPath={folderPath} />
        <BrowserToolbar />
      </div>
      <div className="files-toolbar">
        <SearchBox queryError={source.isQueryError ? source.error : null} />
        <FilterControls />
      </div>
      <SelectionToolbar />
      {source.note && (
        <p className={`search-note${source.stale ? ' is-stale' : ''}`} aria-live="polite">
          {source.note}
        </p>
      )}
      {body}
      <footer className="files-status" role="status" aria-label="Selection">
        <span>
          {source.items.length.toLocaleString()}
          {source.hasMore ? '+' : ''} file{source.items.length === 1 ? '' : 's'}
        </span>
        {selectedFiles.length > 0 && (
          <span>
            {selectedFiles.length.toLocaleString()} selected ({formatBytes(totalSize)})
          </span>
        )}
      </footer>
      <ToastRecord channel="library" label="Last action" />
      <JobsProgress />
    </section>
  );
}
