import { useRef, useState } from 'react';
import { Braces, ClipboardCopy, Code, FileText, Link } from 'lucide-react';
import { useFileDetails } from '../../api/library';
import { describeError } from '../../api/errors';
import { useBrowserStore } from '../../ui/browser-store';
import { useDetailsSections } from '../../ui/details-sections';
import { Button } from '../../ui/controls/Button';
import type { FileDetails } from '../../../../shared/domain/library';
import { DetailsFacts } from './DetailsFacts';
import { formatBytes } from './format';
import { posterTransformation, isVideoFile } from '../../../../shared/video/video-facts';
import { usePreviewSrc } from './use-preview-src';
import { PosterPicker } from './PosterPicker';
import { VideoPlayer } from './VideoPlayer';
import { copyText } from './use-file-actions';

/** The Details panel: preview, the file's facts in words, ways to copy its URL, the feature sections, the raw object. */
export function DetailsPanel() {
  const selectedFiles = useBrowserStore((s) => s.selectedFiles);
  const details = useFileDetails(selectedFiles.length === 1 ? selectedFiles[0]?.fileId : undefined);

  let body;
  if (selectedFiles.length === 0) body = <p className="details-empty muted">Select a file to see its details.</p>;
  else if (selectedFiles.length > 1) {
    const total = selectedFiles.reduce((sum, f) => sum + f.size, 0);
    body = (
      <p className="details-empty">
        {selectedFiles.length} files selected, {formatBytes(total)} in total.
      </p>
    );
  } else if (details.isPending) body = <p className="details-empty" role="status">Loading details…</p>;
  else if (details.isError) body = <p className="details-empty" role="alert">Could not load the details: {describeError(details.error)}</p>;
  else body = <FileDetailsView key={details.data.fileId} file={details.data} />;

  return (
    <aside className="details-panel" aria-label="Details">
      <h2 className="pane-heading">Details</h2>
      {body}
    </aside>
  );
}

function DetailsPreview({ file }: { file: FileDetails }) {
  const { src, signingFailed } = usePreviewSrc(file, 320);
  if (file.fileType !== 'image') return <p className="details-preview details-preview-none">No preview for this file type.</p>;
  if (signingFailed) return <p className="details-preview details-preview-none">Private file: could not sign a preview URL.</p>;
  if (!src)
    return (
      <p className="details-preview details-preview-none" role="status">
        Loading the preview…
      </p>
    );
  return (
    <div className="details-preview">
      <img src={src} alt={`Preview of ${file.name}`} />
    </div>
  );
}

function RawObject({ file }: { file: FileDetails }) {
  const json = JSON.stringify(file, null, 2);
  return (
    <details className="details-raw">
      <summary>
        <Braces aria-hidden="true" /> Raw file object
      </summary>
      <Button size="sm" variant="quiet" icon={<ClipboardCopy />} onClick={() => void copyText(json, 'the file object')}>
        Copy JSON
      </Button>
      <pre tabIndex={0} aria-label="File object as JSON">
        {json}
      </pre>
    </details>
  );
}

function FileDetailsView({ file }: { file: FileDetails }) {
  const sections = useDetailsSections();
  const alt = file.name.replace(/\.[^.]+$/, '');
  const video = isVideoFile(file) && Boolean(file.url);
  // The poster frame chosen below; the player shows it until played.
  const [posterAt, setPosterAt] = useState(0);
  const player = useRef<HTMLVideoElement>(null);
  return (
    <>
      {video ? <VideoPlayer ref={player} file={file} frameAt={posterTransformation(posterAt, file.duration)} /> : <DetailsPreview file={file} />}
      <div className="details-title">
        <h3 className="details-name">{file.name}</h3>
        <p className="details-path">{file.filePath}</p>
      </div>
      <div className="details-copy" role="group" aria-label="Copy URL">
        <Button size="sm" icon={<Link />} onClick={() => void copyText(file.url, 'the URL')}>
          Copy URL
        </Button>
        <Button size="sm" icon={<Code />} onClick={() => void copyText(`<img src="${file.url}" alt="${alt}">`, 'the HTML')}>
          Copy HTML
        </Button>
        <Button size="sm" icon={<FileText />} onClick={() => void copyText(`![${alt}](${file.url})`, 'the Markdown')}>
          Copy Markdown
        </Button>
      </div>
      <DetailsFacts file={file} />
      {video && <PosterPicker file={file} at={posterAt} onChange={setPosterAt} player={player} />}
      {sections.map(({ id, Component }) => (
        <div key={id} className="details-block">
          <Component file={file} />
        </div>
      ))}
      <RawObject file={file} />
    </>
  );
}
