import type { ImageKit } from '@imagekit/nodejs';
import { withRetry, type RetryOptions } from './retry-policy.js';
import type { QueueItem, TargetSnapshot } from './types.js';

/** The subset of a listed file the queue relies on. */
export interface LibraryFile {
  fileId: string;
  name: string;
  filePath: string;
  size: number;
  versionId: string | null;
  updatedAt: string | null;
  createdAt: string | null;
  url: string | null;
}

const PAGE = 1000;
const CACHE_TTL_MS = 15_000;

/** Normalises a folder to `/a/b` (root is `/`). */
export function normalizeFolder(folder: string): string {
  const parts = folder.split(/[\\/]+/).filter((p) => p && p !== '.');
  if (parts.some((p) => p === '..')) throw new Error(`Folder "${folder}" must not contain "..".`);
  return '/' + parts.join('/');
}

export function joinFolder(base: string, ...rest: string[]): string {
  return normalizeFolder([base, ...rest].join('/'));
}

/**
 * ImageKit replaces every character outside letters, marks, numerals, `.` and `-` with `_` (reference §3).
 * We send names already in that form so the stored path is predictable, which reconciliation depends on.
 */
export function sanitizeName(name: string): string {
  return name.normalize('NFC').replace(/[^\p{L}\p{M}\p{N}.-]/gu, '_');
}

export function sanitizeFolder(folder: string): string {
  const norm = normalizeFolder(folder);
  if (norm === '/') return norm;
  return '/' + norm.slice(1).split('/').map((seg) => seg.normalize('NFC').replace(/[^\p{L}\p{M}\p{N}._-]/gu, '_')).join('/');
}

function splitExt(name: string): { stem: string; ext: string } {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? { stem: name.slice(0, dot), ext: name.slice(dot) } : { stem: name, ext: '' };
}

/** A keep-both name: `photo-1.jpg`, `photo-2.jpg`… first one free in the folder and among queued siblings. */
export function keepBothName(name: string, taken: (candidate: string) => boolean): string {
  const { stem, ext } = splitExt(name);
  for (let n = 1; ; n++) {
    const candidate = `${stem}-${n}${ext}`;
    if (!taken(candidate)) return candidate;
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Names the server may produce for `name` with useUniqueFileName=true: `stem_<suffix>.ext`. */
export function isUniqueVariant(candidate: string, name: string): boolean {
  const { stem, ext } = splitExt(name);
  return candidate === name || new RegExp(`^${escapeRegExp(stem)}_[A-Za-z0-9-]+${escapeRegExp(ext)}$`, 'u').test(candidate);
}

type ListedEntry = { type?: string; fileId?: string; name?: string; filePath?: string; size?: number; versionInfo?: { id?: string }; updatedAt?: string; createdAt?: string; url?: string };

function toLibraryFile(e: ListedEntry): LibraryFile | null {
  if (e.type === 'folder' || !e.fileId || !e.name || !e.filePath) return null;
  return {
    fileId: e.fileId,
    name: e.name,
    filePath: e.filePath,
    size: typeof e.size === 'number' ? e.size : -1,
    versionId: e.versionInfo?.id ?? null,
    updatedAt: e.updatedAt ?? null,
    createdAt: e.createdAt ?? null,
    url: e.url ?? null,
  };
}

export type ReconcileOutcome = { landed: true; file: LibraryFile } | { landed: false };

/** Looks at the library before sending: what is at the target, and did an interrupted attempt already land? */
export class LibraryProbe {
  private readonly cache = new Map<string, { at: number; files: Promise<LibraryFile[]> }>();

  constructor(
    private readonly getClient: () => Promise<ImageKit>,
    private readonly retry: RetryOptions,
  ) {}

  /** Files directly inside `folder` (paginated; nested folders excluded). Cached briefly so a batch lists once. */
  listFolder(folder: string, fresh = false): Promise<LibraryFile[]> {
    const hit = this.cache.get(folder);
    if (!fresh && hit && Date.now() - hit.at < CACHE_TTL_MS) return hit.files;
    const files = this.fetchFolder(folder);
    this.cache.set(folder, { at: Date.now(), files });
    files.catch(() => this.cache.delete(folder));
    return files;
  }

  /** Keeps the cached listing true after our own upload, without another request. */
  noteUploaded(folder: string, file: LibraryFile): void {
    const hit = this.cache.get(folder);
    if (!hit) return;
    hit.files = hit.files.then((list) => [...list.filter((f) => f.filePath !== file.filePath), file]);
  }

  invalidate(folder: string): void {
    this.cache.delete(folder);
  }

  private async fetchFolder(folder: string): Promise<LibraryFile[]> {
    const out: LibraryFile[] = [];
    const path = folder === '/' ? '/' : folder + '/';
    // Our retry loop replaces the client's, so attempts do not multiply.
    const client = (await this.getClient()).withOptions({ maxRetries: 0 });
    for (let skip = 0; ; skip += PAGE) {
      const page = (await withRetry(() => client.assets.list({ path, type: 'file', limit: PAGE, skip }), this.retry)) as ListedEntry[];
      for (const e of page) {
        const f = toLibraryFile(e);
        // Some servers return nested files for `path`; keep only direct children.
        if (f && f.filePath === (folder === '/' ? '' : folder) + '/' + f.name) out.push(f);
      }
      if (page.length < PAGE) return out;
    }
  }

  snapshotFor(files: LibraryFile[], item: QueueItem, unique: boolean): TargetSnapshot {
    const existing = files.find((f) => f.name === item.targetName) ?? null;
    return {
      existing: existing && { fileId: existing.fileId, versionId: existing.versionId, size: existing.size, updatedAt: existing.updatedAt },
      siblingIds: unique ? files.filter((f) => isUniqueVariant(f.name, item.targetName)).map((f) => f.fileId) : undefined,
    };
  }

  /**
   * Did an attempt that may have reached the server store the file? Evidence is the target path (or, with
   * useUniqueFileName, a new `stem_xxx` sibling not claimed by another item) holding a file of the same size
   * that differs from what was there before we sent (snapshot: file id, version id, updatedAt).
   */
  async reconcile(item: QueueItem, unique: boolean, claimedIds: Set<string>): Promise<ReconcileOutcome> {
    const files = await this.listFolder(item.folder, true);
    const sizeMatches = (f: LibraryFile) => item.size === null || f.size === item.size;
    const before = item.snapshot?.existing ?? null;
    if (unique) {
      const known = new Set(item.snapshot?.siblingIds ?? []);
      const candidate = files
        .filter((f) => isUniqueVariant(f.name, item.targetName) && !known.has(f.fileId) && !claimedIds.has(f.fileId) && sizeMatches(f))
        .sort((a, b) => String(a.createdAt).localeCompare(String(b.createdAt)))[0];
      return candidate ? { landed: true, file: candidate } : { landed: false };
    }
    const at = files.find((f) => f.name === item.targetName);
    if (!at || !sizeMatches(at)) return { landed: false };
    if (!before) return { landed: true, file: at };
    const changed = at.fileId !== before.fileId || at.versionId !== before.versionId || at.updatedAt !== before.updatedAt;
    return changed ? { landed: true, file: at } : { landed: false };
  }
}
