import { useVersions } from '../../api/editing';
import type { FileDetails } from '../../../../shared/domain/library';
import { Chip } from '../../ui/controls/Badge';
import { codecWords, formatBitRate, formatDuration, formatTimestamp, isVideoFile } from '../../../../shared/video/video-facts';
import { formatBytes, formatDate } from './format';
import { versionPosition } from './version-position';

function typeWords(file: FileDetails): string {
  const ext = file.name.includes('.') ? file.name.slice(file.name.lastIndexOf('.') + 1).toUpperCase() : '';
  const kind = file.fileType === 'image' ? 'image' : isVideoFile(file) ? 'video' : 'file';
  return ext ? `${ext} ${kind}` : (file.mime ?? kind);
}

/** "Version 2 of 3": where the current version stands in the file's history. */
function VersionFact({ file }: { file: FileDetails }) {
  const versions = useVersions(file.fileId);
  if (!versions.data || versions.data.length === 0) return <>—</>;
  const list = versions.data;
  return <>{`Version ${versionPosition(list)} of ${list.length}`}</>;
}

/** What ffprobe found in a video or audio file: duration, bit rate, codecs, in the words players use. */
function MediaFacts({ file }: { file: FileDetails }) {
  const rows: [string, string, string?][] = [];
  if (file.duration) rows.push(['Duration', formatDuration(file.duration), `${formatTimestamp(file.duration)} (${file.duration} s)`]);
  if (file.bitRate) rows.push(['Bit rate', formatBitRate(file.bitRate), `${file.bitRate.toLocaleString()} bits per second`]);
  if (file.videoCodec) rows.push(['Video codec', codecWords(file.videoCodec), file.videoCodec]);
  if (file.audioCodec) rows.push(['Audio codec', codecWords(file.audioCodec), file.audioCodec]);
  else if (file.videoCodec) rows.push(['Audio codec', 'None (silent)']);
  return (
    <>
      {rows.map(([term, words, title]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd title={title}>{words}</dd>
        </div>
      ))}
    </>
  );
}

/** The file's facts in words: type, "4000 × 3000", "2.4 MB", dates, visibility, version, tags as chips. */
export function DetailsFacts({ file }: { file: FileDetails }) {
  const tags = file.tags ?? [];
  const aiTags = file.AITags ?? [];
  return (
    <dl className="details-facts">
      <div>
        <dt>Type</dt>
        <dd>{typeWords(file)}</dd>
      </div>
      {file.width && file.height ? (
        <div>
          <dt>Dimensions</dt>
          <dd>
            {file.width} × {file.height}
            {file.hasAlpha ? ', transparent' : ''}
          </dd>
        </div>
      ) : null}
      <div>
        <dt>Size</dt>
        <dd title={`${file.size.toLocaleString()} bytes`}>{formatBytes(file.size)}</dd>
      </div>
      <MediaFacts file={file} />
      <div>
        <dt>Created</dt>
        <dd>
          <time dateTime={file.createdAt}>{formatDate(file.createdAt)}</time>
        </dd>
      </div>
      <div>
        <dt>Updated</dt>
        <dd>
          <time dateTime={file.updatedAt}>{formatDate(file.updatedAt)}</time>
        </dd>
      </div>
      <div>
        <dt>Access</dt>
        <dd>{file.isPrivateFile ? 'Private (signed URLs only)' : 'Public'}</dd>
      </div>
      <div>
        <dt>Version</dt>
        <dd>
          <VersionFact file={file} />
        </dd>
      </div>
      <div>
        <dt>Tags</dt>
        <dd className="details-chips">{tags.length ? tags.map((t) => <Chip key={t}>{t}</Chip>) : <span className="muted">None</span>}</dd>
      </div>
      {aiTags.length > 0 && (
        <div>
          <dt>AI tags</dt>
          <dd className="details-chips">
            {aiTags.map((t) => (
              <Chip key={t.name}>{t.confidence ? `${t.name} ${Math.round(t.confidence)}%` : t.name}</Chip>
            ))}
          </dd>
        </div>
      )}
      {file.description && (
        <div>
          <dt>Description</dt>
          <dd>{file.description}</dd>
        </div>
      )}
    </dl>
  );
}
