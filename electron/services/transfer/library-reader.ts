import type ImageKit from '@imagekit/nodejs';
import type { File as IkFile, Folder as IkFolder } from '@imagekit/nodejs/resources/files/files';
import type { CustomMetadataField } from '@imagekit/nodejs/resources/custom-metadata-fields';
import { withRetry, type RetryOptions } from '../upload-queue/retry-policy';
import { apiFolder, baseName, BadPathError, joinLibrary, normalizeLibraryPath, parentOf, relativeTo } from './paths';
import type { TransferFields } from './types';

const PAGE = 1000;

export type ListedEntry = IkFile | IkFolder;

export function isFolderEntry(entry: ListedEntry): entry is IkFolder {
  return entry.type === 'folder';
}

/** The transferable fields of a file object as ImageKit returns it (list, details, versions). */
export function fieldsOf(file: IkFile): TransferFields {
  return {
    tags: [...(file.tags ?? [])],
    customMetadata: { ...((file.customMetadata as Record<string, unknown> | undefined) ?? {}) },
    customCoordinates: file.customCoordinates ?? null,
    description: file.description ?? null,
    isPrivateFile: file.isPrivateFile === true,
    isPublished: file.isPublished !== false,
  };
}

/** "Version 3" → 3; versions without a number keep the API's order. */
function versionNumber(file: IkFile): number {
  const match = /(\d+)\s*$/.exec(file.versionInfo?.name ?? '');
  return match ? Number(match[1]) : Number.MAX_SAFE_INTEGER;
}

/**
 * Paths from a listing become target paths and, in a backup, local file names: one that is not a
 * plain path (`..`, `.`, empty segments, a backslash) or whose name is not its last segment is
 * refused before anything is written, whoever answered the listing.
 */
function checkListedPath(where: string, name: string | undefined): void {
  let normal: string;
  try {
    normal = normalizeLibraryPath(where);
  } catch {
    throw new BadPathError(`The server listed an unsafe path (${JSON.stringify(where).slice(0, 200)}); nothing was written.`);
  }
  if (normal !== where || (name !== undefined && baseName(where) !== name)) {
    throw new BadPathError(`The server listed an unsafe path (${JSON.stringify(where).slice(0, 200)}); nothing was written.`);
  }
}

export type ResolvedPath = { kind: 'folder'; folder: string } | { kind: 'file'; folder: string; file: IkFile };

export interface LibraryTree {
  /** Current versions of every file below the root, with paths relative to it. */
  files: { relPath: string; file: IkFile }[];
  /** Every folder below the root (relative), empty ones included, parents before children. */
  folders: string[];
}

/**
 * Reads one profile's library through the official SDK, with the upload queue's retry rules (429
 * waits for X-RateLimit-Reset, 5xx and network errors back off). The SDK's own retries are off so
 * attempts do not multiply.
 */
export class LibraryReader {
  private readonly client: ImageKit;
  /** With `remember`, each folder is listed once per reader (a plan reads a parent several times). */
  private readonly listed: Map<string, Promise<ListedEntry[]>> | null;

  constructor(
    client: ImageKit,
    private readonly retry: RetryOptions,
    private readonly signal?: AbortSignal,
    options: { remember?: boolean } = {},
  ) {
    this.client = client.withOptions({ maxRetries: 0 });
    this.listed = options.remember ? new Map() : null;
  }

  private call<T>(fn: () => Promise<T>): Promise<T> {
    return withRetry(fn, this.retry, this.signal);
  }

  /** Every entry directly in `folder` (files and folders), all pages. */
  listFolder(folder: string): Promise<ListedEntry[]> {
    if (!this.listed) return this.fetchFolder(folder);
    let entries = this.listed.get(folder);
    if (!entries) {
      entries = this.fetchFolder(folder);
      this.listed.set(folder, entries);
      entries.catch(() => this.listed?.delete(folder));
    }
    return entries;
  }

  private async fetchFolder(folder: string): Promise<ListedEntry[]> {
    const out: ListedEntry[] = [];
    for (let skip = 0; ; skip += PAGE) {
      const page = await this.call(() => this.client.assets.list({ path: apiFolder(folder), type: 'all', sort: 'ASC_NAME', limit: PAGE, skip }, { signal: this.signal }));
      for (const entry of page) {
        // Keep direct children only, whatever a server returns for `path`.
        const where = isFolderEntry(entry) ? (entry.folderPath ?? '').replace(/\/+$/, '') : (entry.filePath ?? '');
        checkListedPath(where, entry.name);
        if (where && parentOf(where) === folder) out.push(entry);
      }
      if (page.length < PAGE) return out;
    }
  }

  /** Whether `path` names the root, a folder or a file; a path that names nothing is a BadPathError. */
  async resolve(path: string): Promise<ResolvedPath> {
    if (path === '/') return { kind: 'folder', folder: '/' };
    const parent = parentOf(path);
    const name = baseName(path);
    const siblings = await this.listFolder(parent);
    const folder = siblings.find((e) => isFolderEntry(e) && e.name === name);
    if (folder) return { kind: 'folder', folder: path };
    const file = siblings.find((e): e is IkFile => !isFolderEntry(e) && e.name === name);
    if (file) return { kind: 'file', folder: parent, file };
    throw new BadPathError(`Nothing is at ${path}: no file or folder of that name in ${parent}.`);
  }

  /** Whether a folder exists (the root always does). */
  async folderExists(folder: string): Promise<boolean> {
    if (folder === '/') return true;
    const siblings = await this.listFolder(parentOf(folder));
    return siblings.some((e) => isFolderEntry(e) && e.name === baseName(folder));
  }

  /** Files and folders at any depth below `root`, walking one folder at a time (the documented List API). */
  async tree(root: string): Promise<LibraryTree> {
    const tree: LibraryTree = { files: [], folders: [] };
    const queue = [root];
    while (queue.length) {
      const folder = queue.shift() as string;
      for (const entry of await this.listFolder(folder)) {
        if (isFolderEntry(entry)) {
          const child = joinLibrary(folder, entry.name ?? '');
          const rel = relativeTo(root, child);
          if (rel) tree.folders.push(rel);
          queue.push(child);
        } else if (entry.filePath) {
          const rel = relativeTo(root, entry.filePath);
          if (rel) tree.files.push({ relPath: rel, file: entry });
        }
      }
    }
    return tree;
  }

  /** Every version of a file, oldest first (the current one included). */
  async versions(fileId: string): Promise<IkFile[]> {
    const list = await this.call(() => this.client.files.versions.list(fileId, { signal: this.signal }));
    return [...list].map((v, i) => ({ v, i })).sort((a, b) => versionNumber(a.v) - versionNumber(b.v) || a.i - b.i).map(({ v }) => v);
  }

  async file(fileId: string): Promise<IkFile> {
    return this.call(() => this.client.files.get(fileId, { signal: this.signal }));
  }

  /** The file at exactly `filePath`, or null. */
  async fileAt(filePath: string): Promise<IkFile | null> {
    const siblings = await this.listFolder(parentOf(filePath));
    return siblings.find((e): e is IkFile => !isFolderEntry(e) && e.filePath === filePath) ?? null;
  }

  /** The account's active custom metadata fields. */
  async metadataFields(): Promise<CustomMetadataField[]> {
    return this.call(() => this.client.customMetadataFields.list({ includeDeleted: false }, { signal: this.signal }));
  }
}
