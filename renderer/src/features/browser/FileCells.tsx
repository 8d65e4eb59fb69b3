import { memo, type DragEvent, type MouseEvent } from 'react';
import type { FileSummary } from '../../../../shared/domain/library';
import { formatBytes, formatDate } from './format';
import { Thumbnail } from './Thumbnail';

export const TILE_WIDTH = 164;
export const TILE_HEIGHT = 188;
export const THUMB_SIZE = 140;
export const LIST_ROW_HEIGHT = 32;

/** Pointer events of a file cell, by index; one stable object per grid so cells can be memoized. */
export interface ItemEvents {
  click(e: MouseEvent, index: number): void;
  open(index: number): void;
  dragStart(e: DragEvent, index: number): void;
}

interface CellProps {
  file: FileSummary;
  index: number;
  focused: boolean;
  events: ItemEvents;
}

/**
 * One thumbnail tile of the grid; its accessible name is the file name. Memoized: while scrolling only
 * the tiles that come into view render.
 */
export const FileTile = memo(function FileTile({ file, index, selected, focused, events }: CellProps & { selected: boolean }) {
  return (
    <div
      id={`file-item-${index}`}
      role="gridcell"
      aria-selected={selected}
      aria-label={file.name}
      className={`file-tile${focused ? ' is-focused' : ''}`}
      draggable
      onClick={(e) => events.click(e, index)}
      onDoubleClick={() => events.open(index)}
      onDragStart={(e) => events.dragStart(e, index)}
      title={file.filePath}
    >
      <Thumbnail file={file} size={THUMB_SIZE} />
      <span className="file-tile-name">{file.name}</span>
    </div>
  );
});

export const listColumns = ['Name', 'Type', 'Size', 'Dimensions', 'Created', 'Updated', 'Tags'] as const;

export function ListHeader() {
  return (
    <div role="row" aria-rowindex={1} className="files-row files-list-header">
      {listColumns.map((c) => (
        <div key={c} role="columnheader" className={`col col-${c.toLowerCase()}`}>
          {c}
        </div>
      ))}
    </div>
  );
}

/** One row of the list view's cells (the row element itself carries the selection). */
export const FileRow = memo(function FileRow({ file, index, focused, events }: CellProps) {
  return (
    <div
      className={`file-row-cells${focused ? ' is-focused' : ''}`}
      draggable
      onClick={(e) => events.click(e, index)}
      onDoubleClick={() => events.open(index)}
      onDragStart={(e) => events.dragStart(e, index)}
    >
      <div role="gridcell" className="col col-name" title={file.filePath}>
        {file.name}
      </div>
      <div role="gridcell" className="col col-type">
        {file.mime ?? file.fileType}
      </div>
      <div role="gridcell" className="col col-size">
        {formatBytes(file.size)}
      </div>
      <div role="gridcell" className="col col-dimensions">
        {file.width && file.height ? `${file.width} × ${file.height}` : '—'}
      </div>
      <div role="gridcell" className="col col-created">
        {formatDate(file.createdAt)}
      </div>
      <div role="gridcell" className="col col-updated">
        {formatDate(file.updatedAt)}
      </div>
      <div role="gridcell" className="col col-tags">
        {file.tags.join(', ')}
      </div>
    </div>
  );
});
