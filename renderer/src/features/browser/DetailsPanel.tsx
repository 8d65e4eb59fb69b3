import type { FileDetails } from '../../../../shared/domain/library';
import { useFileDetails } from '../../api/library';
import { describeError } from '../../api/errors';
import { useBrowserStore } from '../../ui/browser-store';
import { detailsSections } from '../../ui/details-sections';
import { formatBytes } from './format';
import { usePreviewSrc } from './use-preview-src';
import { copyText } from './use-file-actions';

/** The Details panel: preview, every field of the file object, and ways to copy its URL. */
export function DetailsPanel() {
  const selectedFiles = useBrowserStore((s) => s.selectedFiles);
  const details = useFileDetails(selectedFiles.length === 1 ? selectedFiles[0]?.fileId : undefined);

  let body;
  if (selectedFiles.length === 0) body = <p className="muted">Select a file to see its details.</p>;
  else if (selectedFiles.length > 1) {
    const total = selectedFiles.reduce((sum, f) => sum + f.size, 0);
    body = (
      <p>
        {selectedFiles.length} files selected, {formatBytes(total)} in total.
      </p>
    );
  } else if (details.isPending) body = <p role="status">Loading details…</p>;
  else if (details.isError) body = <p role="alert">Could not load the details: {describeError(details.error)}</p>;
  else body = <FileDetailsView file={details.data} />;

  return (
    <aside className="details-panel" aria-label="Details">
      <h2 className="details-heading">Details</h2>
      {body}
    </aside>
  );
}

function DetailsPreview({ file }: { file: FileDetails }) {
  const { src, signingFailed } = usePreviewSrc(file, 280);
  if (file.fileType !== 'image') return <p className="details-preview details-preview-none">No preview for this file type.</p>;
  if (signingFailed) return <p className="details-preview details-preview-none">Private file: could not sign a preview URL.</p>;
  if (!src) return <p className="details-preview details-preview-none" role="status">Loading the preview…</p>;
  return <img className="details-preview" src={src} alt={`Preview of ${file.name}`} />;
}

function FileDetailsView({ file }: { file: FileDetails }) {
  const alt = file.name.replace(/\.[^.]+$/, '');
  return (
    <>
      <DetailsPreview file={file} />
      <div className="details-copy" role="group" aria-label="Copy URL">
        <button type="button" onClick={() => void copyText(file.url, 'the URL')}>
          Copy URL
        </button>
        <button type="button" onClick={() => void copyText(`<img src="${file.url}" alt="${alt}">`, 'the HTML')}>
          Copy HTML
        </button>
        <button type="button" onClick={() => void copyText(`![${alt}](${file.url})`, 'the Markdown')}>
          Copy Markdown
        </button>
      </div>
      <dl className="details-fields">
        {Object.entries(file).map(([key, value]) => (
          <div key={key} className="details-field">
            <dt>{key}</dt>
            <dd>{renderValue(key, value)}</dd>
          </div>
        ))}
      </dl>
      {detailsSections.map((Section, i) => (
        <Section key={i} file={file} />
      ))}
    </>
  );
}

function renderValue(key: string, value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (key === 'size' && typeof value === 'number') return `${formatBytes(value)} (${value.toLocaleString()} bytes)`;
  if (typeof value === 'object') return Object.keys(value).length === 0 ? '—' : JSON.stringify(value, null, 1);
  return String(value);
}
