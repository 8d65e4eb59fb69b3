import type { FileSummary } from '../../../../shared/domain/library';

/** Files dragged inside MediaDesk (onto the Folders tree) carry their paths under this type. */
export const FILES_DRAG_TYPE = 'application/x-mediadesk-files';

export interface DraggedFiles {
  filePaths: string[];
}

/**
 * Fills a drag with the files: their paths for a drop on a folder in the tree, their URLs for other
 * apps, and (Chromium's `DownloadURL`) the first original, so dropping on the desktop downloads it.
 */
export function startDragOut(data: DataTransfer, files: FileSummary[]): void {
  const payload: DraggedFiles = { filePaths: files.map((f) => f.filePath) };
  data.effectAllowed = 'copyMove';
  data.setData(FILES_DRAG_TYPE, JSON.stringify(payload));
  data.setData('text/uri-list', files.map((f) => f.url).join('\r\n'));
  data.setData('text/plain', files.map((f) => f.url).join('\n'));
  const first = files[0];
  if (first) data.setData('DownloadURL', `${first.mime ?? 'application/octet-stream'}:${first.name}:${new URL(first.url, window.location.href).href}`);
}

export function readDraggedFiles(data: DataTransfer): DraggedFiles | null {
  const raw = data.getData(FILES_DRAG_TYPE);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as DraggedFiles;
    return Array.isArray(parsed.filePaths) ? parsed : null;
  } catch {
    return null;
  }
}

export function carriesFiles(data: DataTransfer): boolean {
  return data.types.includes(FILES_DRAG_TYPE);
}

export interface DragStartLike {
  altKey: boolean;
  dataTransfer: DataTransfer;
  preventDefault(): void;
}

/**
 * A drag from the grid. A plain drag stays a MediaDesk drag (drop on a folder to move; other apps get
 * the URLs). With Alt held, the desktop app hands the originals to the OS as real files instead;
 * where it cannot (web host), the plain drag goes on.
 */
export function beginFilesDrag(event: DragStartLike, files: FileSummary[], nativeDragOut: (fileIds: string[]) => boolean): 'native' | 'in-app' {
  if (event.altKey && nativeDragOut(files.map((f) => f.fileId))) {
    event.preventDefault();
    return 'native';
  }
  startDragOut(event.dataTransfer, files);
  return 'in-app';
}
