import { useSelectedFiles } from '../../ui/browser-store';
import { useFields, useFilesDetails } from '../../api/editing';
import { describeError } from '../../api/errors';
import { BulkEditor } from './BulkEditor';
import { FieldsScreen } from './FieldsScreen';
import './custom-metadata.css';

/** At most this many selected files are opened in the bulk editor at once (its rows are virtualized). */
const MAX_ROWS = 10_000;

/** The "Custom metadata" view: the field definitions, and the bulk editor for the browser's selection. */
export function CustomMetadataView() {
  const selected = useSelectedFiles();
  const fileIds = selected.slice(0, MAX_ROWS).map((f) => f.fileId);
  const files = useFilesDetails(fileIds);
  const fields = useFields();

  return (
    <div className="custom-metadata-view">
      <FieldsScreen />
      <section aria-label="Selected files" className="bulk-host">
        <h2>Metadata of the selected files</h2>
        {selected.length === 0 && <p className="muted">Select files in the Library view to edit their tags and custom metadata together here.</p>}
        {selected.length > MAX_ROWS && <p className="muted">Showing the first {MAX_ROWS} of {selected.length} selected files.</p>}
        {(files.isError || fields.isError) && <p role="alert">{describeError(files.error ?? fields.error)}</p>}
        {selected.length > 0 && files.isPending && <p className="muted">Loading the selected files…</p>}
        {files.data && fields.data && <BulkEditor files={files.data} fields={fields.data} />}
      </section>
    </div>
  );
}
