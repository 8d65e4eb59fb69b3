import { describeError } from '../../api/errors';
import { BrowserToolbar } from './BrowserToolbar';
import { Breadcrumb } from './Breadcrumb';
import { useBrowserStore } from '../../ui/browser-store';
import { useDialogStore } from './dialog-store';
import { FilesView } from './FilesView';
import { formatBytes } from './format';
import { JobsProgress } from './JobsProgress';
import { SearchBox } from './SearchBox';
import { useFileSource } from './use-file-source';

/** The middle of the browser: search, toolbar, breadcrumb, the Files view and a status line. */
export function FilesPane() {
  const source = useFileSource();
  const search = useBrowserStore((s) => s.search);
  const selectedFiles = useBrowserStore((s) => s.selectedFiles);
  const notice = useDialogStore((s) => s.notice);
  const totalSize = selectedFiles.reduce((sum, f) => sum + f.size, 0);

  let body;
  if (source.isLoading) {
    body = <p className="files-state" role="status">Loading files…</p>;
  } else if (source.error && !source.isQueryError) {
    body = (
      <p className="files-state" role="alert">
        Could not show the files: {describeError(source.error)}
      </p>
    );
  } else if (source.error) {
    body = <p className="files-state">Fix the search query above, or clear the search to see the folder again.</p>;
  } else if (source.items.length === 0) {
    body = (
      <p className="files-state">
        {search ? 'Nothing matches this search.' : 'This folder has no files. Upload some, or pick another folder.'}
      </p>
    );
  } else {
    body = <FilesView source={source} />;
  }

  return (
    <section className="files-pane" aria-label="Files browser">
      <SearchBox queryError={source.isQueryError ? source.error : null} />
      <BrowserToolbar />
      <Breadcrumb />
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
      <div className="files-notice" role="status" aria-label="Last action">
        {notice && <span>{notice.text}</span>}
        {notice && notice.failures.length > 0 && (
          <ul className="failures">
            {notice.failures.map((f) => (
              <li key={f.item}>
                {f.item}: {f.message}
              </li>
            ))}
          </ul>
        )}
      </div>
      <JobsProgress />
    </section>
  );
}
