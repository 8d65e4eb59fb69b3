import { memo, type DragEvent, type MouseEvent } from 'react';
import { ClipboardCopy, Film, History, Lock, WandSparkles } from 'lucide-react';
import type { FileSummary } from '../../../../shared/domain/library';
import { durationWords, formatDuration, isVideoFile } from '../../../../shared/video/video-facts';
import { IconButton } from '../../ui/controls/IconButton';
import { Badge } from '../../ui/controls/Badge';
import { formatBytes, formatDate, typeBadge } from './format';
import { Thumbnail } from './Thumbnail';
import { hasPreview } from './use-preview-src';

/** A tile is the thumbnail plus its padding and the name line below it. */
export const tileWidth = (thumb: number) => thumb + 18;
export const tileHeight = (thumb: number) => thumb + 44;
export const LIST_ROW_HEIGHT = 34;

/** Pointer events of a file cell, by index; one stable object per grid so cells can be memoized. */
export interface ItemEvents {
  click(e: MouseEvent, index: number): void;
  open(index: number): void;
  dragStart(e: DragEvent, index: number): void;
  copyUrl(index: number): void;
  openInBuilder(index: number): void;
}

interface CellProps {
  file: FileSummary;
  index: number;
  focused: boolean;
  events: ItemEvents;
}

const isVideo = (file: FileSummary) => isVideoFile(file);

/** Top left: private, and "v3" once a file has been replaced (the number comes with the list answer). */
function TileBadges({ file }: { file: FileSummary }) {
  const version = file.versionNumber ?? 1;
  if (!file.isPrivateFile && version < 2) return null;
  return (
    <span className="tile-badges">
      {file.isPrivateFile && (
        <Badge icon={<Lock aria-hidden="true" />} title="Private: served through signed URLs only">
          Private
        </Badge>
      )}
      {version > 1 && (
        <Badge icon={<History aria-hidden="true" />} title={`Version ${version}: earlier versions are listed in Details`}>
          v{version}
        </Badge>
      )}
    </span>
  );
}

/** Bottom right of a video's thumbnail: a film icon and the duration (m:ss), as video players show it. */
function VideoBadge({ file }: { file: FileSummary }) {
  if (!isVideo(file)) return null;
  const duration = formatDuration(file.duration);
  return (
    <span className="tile-video">
      <Badge icon={<Film aria-hidden="true" />} title={duration ? `Video, ${durationWords(file.duration)}` : 'Video'}>
        {duration ? <time dateTime={`PT${Math.round(file.duration ?? 0)}S`}>{duration}</time> : 'Video'}
      </Badge>
    </span>
  );
}

/**
 * One thumbnail tile of the grid; its accessible name is the file name. Hovering shows quick actions
 * (copy URL, open in the URL builder). Memoized: while scrolling only the tiles coming into view render.
 * `quickActions` is false while the grid scrolls: the two buttons with their tooltips cost more than the
 * rest of a tile, and a fast scroll mounts a screenful of new tiles every frame that nobody can hover.
 */
export const FileTile = memo(function FileTile({ file, index, selected, focused, events, thumb, quickActions }: CellProps & { selected: boolean; thumb: number; quickActions: boolean }) {
  const stop = (e: MouseEvent) => e.stopPropagation();
  return (
    <div
      id={`file-item-${index}`}
      role="gridcell"
      aria-selected={selected}
      aria-label={file.name}
      className={`file-tile${focused ? ' is-focused' : ''}`}
      data-index={index}
      draggable
      style={{ width: tileWidth(thumb) - 6 }}
      onClick={(e) => events.click(e, index)}
      onDoubleClick={() => events.open(index)}
      onDragStart={(e) => events.dragStart(e, index)}
      title={file.filePath}
    >
      <span className="tile-thumb" style={{ height: thumb }}>
        <Thumbnail file={file} size={thumb} />
        <TileBadges file={file} />
        <VideoBadge file={file} />
        {quickActions && (
          <span className="tile-quick" onClick={stop} onDoubleClick={stop}>
            <IconButton size="sm" variant="secondary" tabIndex={-1} label={`Copy URL of ${file.name}`} tooltip="Copy URL" onClick={() => events.copyUrl(index)}>
              <ClipboardCopy />
            </IconButton>
            {hasPreview(file) && (
              <IconButton size="sm" variant="secondary" tabIndex={-1} label={`Open ${file.name} in URL builder`} tooltip="Open in URL builder" onClick={() => events.openInBuilder(index)}>
                <WandSparkles />
              </IconButton>
            )}
          </span>
        )}
      </span>
      <span className="file-tile-name">{file.name}</span>
      <span className="file-tile-meta">
        {file.width && file.height ? `${file.width} × ${file.height} · ` : ''}
        {formatBytes(file.size)}
      </span>
    </div>
  );
});

/** One row of the list view's cells (the row element itself carries the selection). */
export const FileRow = memo(function FileRow({ file, index, focused, events }: CellProps) {
  return (
    <div
      className={`file-row-cells${focused ? ' is-focused' : ''}`}
      data-index={index}
      draggable
      onClick={(e) => events.click(e, index)}
      onDoubleClick={() => events.open(index)}
      onDragStart={(e) => events.dragStart(e, index)}
    >
      <div role="gridcell" className="col col-name" title={file.filePath}>
        <span className="row-thumb">
          <Thumbnail file={file} size={24} />
        </span>
        <span className="col-text">{file.name}</span>
        {file.isPrivateFile && <Lock className="row-flag" aria-label="Private" />}
      </div>
      <div role="gridcell" className="col col-type" title={isVideo(file) && file.duration ? `${typeBadge(file.name)} video, ${formatDuration(file.duration)} (${file.mime ?? file.fileType})` : (file.mime ?? file.fileType)}>
        {isVideo(file) && file.duration ? (
          // The column is narrow: a video shows a film icon and its duration; the type is in the name and the title.
          <span className="col-duration">
            <Film aria-hidden="true" />
            <span className="visually-hidden">{typeBadge(file.name)} video, </span>
            <time dateTime={`PT${Math.round(file.duration)}S`}>{formatDuration(file.duration)}</time>
          </span>
        ) : (
          typeBadge(file.name)
        )}
      </div>
      <div role="gridcell" className="col col-size">
        {formatBytes(file.size)}
      </div>
      <div role="gridcell" className="col col-dimensions">
        {file.width && file.height ? `${file.width} × ${file.height}` : '—'}
      </div>
      <div role="gridcell" className="col col-created" title={formatDate(file.createdAt)}>
        <time dateTime={file.createdAt}>{formatDay(file.createdAt)}</time>
      </div>
      <div role="gridcell" className="col col-updated" title={formatDate(file.updatedAt)}>
        <time dateTime={file.updatedAt}>{formatDay(file.updatedAt)}</time>
      </div>
      <div role="gridcell" className="col col-tags" title={file.tags.join(', ')}>
        {file.tags.join(', ')}
      </div>
    </div>
  );
});

/** The list's dates: the day only, in the reader's locale (the full time is in the cell's title). */
function formatDay(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString(undefined, { dateStyle: 'medium' });
}
