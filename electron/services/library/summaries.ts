import type { File as IkFile, Folder as IkFolder } from '@imagekit/nodejs/resources/files/files';
import type { FileSummary, FolderSummary } from '../../../shared/domain/library';
import { versionNumber } from '../../../shared/video/video-facts';

/** The slim row the grid and the name index keep; the Details panel fetches the whole object. */
export function toFileSummary(file: IkFile): FileSummary {
  return {
    fileId: file.fileId ?? '',
    name: file.name ?? '',
    filePath: file.filePath ?? '',
    url: file.url ?? '',
    fileType: file.fileType ?? 'non-image',
    mime: file.mime ?? null,
    size: file.size ?? 0,
    width: file.width ?? null,
    height: file.height ?? null,
    isPrivateFile: file.isPrivateFile ?? false,
    tags: file.tags ?? [],
    createdAt: file.createdAt ?? '',
    updatedAt: file.updatedAt ?? '',
    duration: file.duration ?? null,
    versionNumber: versionNumber(file.versionInfo),
  };
}

/** FolderDetails.folderPath comes without a trailing slash, e.g. `/a/b`. */
export function toFolderSummary(folder: IkFolder): FolderSummary {
  const raw = folder.folderPath ?? `/${folder.name ?? ''}`;
  const folderPath = raw.length > 1 ? raw.replace(/\/+$/, '') : raw;
  return {
    folderId: folder.folderId ?? folderPath,
    name: folder.name ?? '',
    folderPath,
    createdAt: folder.createdAt ?? '',
    updatedAt: folder.updatedAt ?? '',
  };
}

export function isFolder(item: IkFile | IkFolder): item is IkFolder {
  return item.type === 'folder';
}

/**
 * The searchQuery the API gets: the person's query (grouped, so their ORs stay theirs) AND the
 * private-file filter, which the API only offers through searchQuery.
 */
export function composeSearchQuery(userQuery: string | undefined, visibility: 'all' | 'private' | 'public'): string | undefined {
  const parts: string[] = [];
  const trimmed = userQuery?.trim();
  if (trimmed) parts.push(parts.length || visibility !== 'all' ? `(${trimmed})` : trimmed);
  if (visibility === 'private') parts.push('private = true');
  if (visibility === 'public') parts.push('private = false');
  return parts.length ? parts.join(' AND ') : undefined;
}
