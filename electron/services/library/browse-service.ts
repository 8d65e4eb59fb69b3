import type ImageKit from '@imagekit/nodejs';
import type { AssetListParams } from '@imagekit/nodejs/resources/assets';
import type { File as IkFile, Folder as IkFolder } from '@imagekit/nodejs/resources/files/files';
import { apiFolderPath, type FileDetails, type FolderSummary, type NameSearchResult } from '../../../shared/domain/library';
import type { ChannelOutput, ParsedInput } from '../../../shared/ipc/contract';
import { toAppError } from '../imagekit/to-app-error';
import type { NameIndex } from './name-index';
import { composeSearchQuery, isFolder, toFileSummary, toFolderSummary } from './summaries';

/** After this long a complete listing may miss changes made elsewhere (another app, the dashboard). */
export const INDEX_FRESH_MS = 10 * 60_000;
const PAGE = 1000;
/** The delete confirmation counts up to this many items, then says "more than". */
export const COUNT_CAP = 10_000;

export interface BrowseDeps {
  client: ImageKit;
  index: NameIndex;
  now?: () => number;
}

type ListInput = ParsedInput<'library.list'>;

/** Reads of the library through the official SDK; every listing also feeds the local name index. */
export class BrowseService {
  /** When the current full listing of a folder began (set on its first page). */
  readonly #listingStarted = new Map<string, number>();

  constructor(private readonly deps: BrowseDeps) {}

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }

  /** `signal` (every method's) stops the listing when the caller cancels: a search superseded by the next keystroke. */
  async list(input: ListInput, signal?: AbortSignal): Promise<ChannelOutput<'library.list'>> {
    const searchQuery = composeSearchQuery(input.searchQuery, input.visibility);
    const params: AssetListParams = {
      type: 'file',
      sort: input.sort as AssetListParams['sort'],
      fileType: input.fileType,
      skip: input.skip,
      limit: input.limit,
      ...(input.scope === 'folder' ? { path: apiFolderPath(input.folderPath) } : {}),
      ...(searchQuery ? { searchQuery } : {}),
    };
    const plainFolderListing = !searchQuery && input.scope === 'folder' && input.fileType === 'all';
    if (plainFolderListing && input.skip === 0) this.#listingStarted.set(input.folderPath, this.now());
    let page: Array<IkFile | IkFolder>;
    try {
      page = await this.deps.client.assets.list(params, { signal });
    } catch (error) {
      throw toAppError(error, input.searchQuery?.trim() ? 'search' : 'list the files');
    }
    if (input.searchQuery?.trim()) this.deps.index.addRecent('query', input.searchQuery.trim());
    // With a searchQuery the API also returns matching folders; the grid shows files.
    const items = page.filter((item): item is IkFile => !isFolder(item)).map(toFileSummary);
    this.deps.index.record(items, this.now());
    const hasMore = page.length === input.limit;
    const started = this.#listingStarted.get(input.folderPath);
    if (plainFolderListing && !hasMore && started !== undefined) {
      this.deps.index.markComplete(input.folderPath, started);
      this.#listingStarted.delete(input.folderPath);
    }
    return { items, nextSkip: input.skip + page.length, hasMore };
  }

  /** Direct subfolders, all of them (folders are few compared to files), sorted by name. */
  async folders(folderPath: string, signal?: AbortSignal): Promise<FolderSummary[]> {
    const out: FolderSummary[] = [];
    try {
      for (let skip = 0; ; skip += PAGE) {
        const page = await this.deps.client.assets.list({ type: 'folder', path: apiFolderPath(folderPath), sort: 'ASC_NAME', skip, limit: PAGE }, { signal });
        out.push(...page.filter(isFolder).map(toFolderSummary));
        if (page.length < PAGE) break;
      }
    } catch (error) {
      throw toAppError(error, `list the folders in ${folderPath}`);
    }
    return out;
  }

  async file(fileId: string, signal?: AbortSignal): Promise<FileDetails> {
    try {
      return (await this.deps.client.files.get(fileId, { signal })) as FileDetails;
    } catch (error) {
      throw toAppError(error, 'load the file details');
    }
  }

  /** Files and folders at any depth below `folderPath`, counted up to COUNT_CAP. */
  async folderCounts(folderPath: string, signal?: AbortSignal): Promise<{ files: number; folders: number; capped: boolean }> {
    let files = 0;
    let folders = 0;
    const query = `path : "${apiFolderPath(folderPath).replaceAll('"', '\\"')}"`;
    try {
      for (let skip = 0; skip < COUNT_CAP; skip += PAGE) {
        const page = await this.deps.client.assets.list({ type: 'all', searchQuery: query, skip, limit: PAGE }, { signal });
        for (const item of page) if (isFolder(item)) folders += 1; else files += 1;
        if (page.length < PAGE) return { files, folders, capped: false };
      }
    } catch (error) {
      throw toAppError(error, `count what is in ${folderPath}`);
    }
    return { files, folders, capped: true };
  }

  /** Lists every file once so name search covers the whole library. */
  async reindex(signal?: AbortSignal): Promise<{ indexedFiles: number; completeAt: string }> {
    const started = this.now();
    let seen = 0;
    try {
      for (let skip = 0; ; skip += PAGE) {
        const page = await this.deps.client.assets.list({ type: 'file', sort: 'ASC_CREATED', skip, limit: PAGE }, { signal });
        const files = page.filter((i): i is IkFile => !isFolder(i)).map(toFileSummary);
        this.deps.index.record(files, this.now());
        seen += files.length;
        if (page.length < PAGE) break;
      }
    } catch (error) {
      throw toAppError(error, 'index the library');
    }
    this.deps.index.markComplete(undefined, started);
    return { indexedFiles: seen, completeAt: new Date(started).toISOString() };
  }

  searchNames(text: string, folderPath: string | undefined, limit: number): NameSearchResult {
    const found = this.deps.index.search(text, folderPath, limit);
    this.deps.index.addRecent('name', text);
    const age = found.completeAt === null ? null : this.now() - found.completeAt;
    const stale = age === null || age > INDEX_FRESH_MS;
    return {
      items: found.items,
      indexedFiles: found.indexedFiles,
      completeAt: found.completeAt === null ? null : new Date(found.completeAt).toISOString(),
      stale,
      note: describeCoverage(found.indexedFiles, age, folderPath === undefined),
    };
  }
}

function describeCoverage(indexed: number, ageMs: number | null, wholeLibrary: boolean): string {
  const names = `${indexed.toLocaleString('en-US')} name${indexed === 1 ? '' : 's'}`;
  if (ageMs === null) {
    return wholeLibrary
      ? `Searched the ${names} MediaDesk has listed so far; the whole library has not been indexed yet, so results may be missing. Choose “Index library” to include everything.`
      : `Searched the ${names} MediaDesk has listed so far; this folder has not been listed in full yet, so results may be missing.`;
  }
  const minutes = Math.round(ageMs / 60_000);
  const when = minutes < 1 ? 'less than a minute ago' : `${minutes} min ago`;
  return ageMs > INDEX_FRESH_MS
    ? `Searched ${names} indexed ${when}; changes made elsewhere since then may be missing.`
    : `Searched ${names} indexed ${when}.`;
}
