import type ImageKit from '@imagekit/nodejs';
import type { LibraryTags, LibraryTag } from '../../../shared/domain/editing';
import type { OperationOutcome } from '../../../shared/domain/library';
import { messageOf, missingIdsOf, toEditingError } from './errors';

/** ImageKit's tag endpoints take at most 50 files per call. */
export const TAG_BATCH = 50;
/** The autocomplete scans at most this many files (most recently updated first). */
const TAG_SCAN_LIMIT = 20_000;
const PAGE = 1000;
/**
 * A scan is reused for this long at most, and only while the library's most recently updated file is
 * still the one it saw: tags arrive through uploads, other apps and the SDK too, not only through
 * this service, and a scan taken on an empty library must not hide them.
 */
const TAGS_FRESH_MS = 60_000;

type BulkCall = (fileIds: string[]) => Promise<{ successfullyUpdatedFileIds?: string[]; errors?: { fileId: string; error: string }[] }>;

export interface TagsDeps {
  client: ImageKit;
  now?: () => number;
}

const changeMark = (file: { fileId?: string; updatedAt?: string } | undefined) => (file ? `${file.fileId ?? ''}@${file.updatedAt ?? ''}` : 'empty');

/** Bulk tag and AI-tag edits, and the library's tag vocabulary for autocomplete. */
export class TagsService {
  #vocabulary: { at: number; newest: string; value: LibraryTags } | undefined;

  constructor(private readonly deps: TagsDeps) {}

  addTags(fileIds: string[], tags: string[]): Promise<OperationOutcome> {
    return this.bulk(fileIds, 'add the tags', (ids) => this.deps.client.files.bulk.addTags({ fileIds: ids, tags }));
  }

  removeTags(fileIds: string[], tags: string[]): Promise<OperationOutcome> {
    return this.bulk(fileIds, 'remove the tags', (ids) => this.deps.client.files.bulk.removeTags({ fileIds: ids, tags }));
  }

  removeAITags(fileIds: string[], aiTags: string[]): Promise<OperationOutcome> {
    return this.bulk(fileIds, 'remove the AI tags', (ids) => this.deps.client.files.bulk.removeAITags({ fileIds: ids, AITags: aiTags }));
  }

  /** AI tags become plain tags: added first, so a failure never loses a tag; removed only where the add worked. */
  async promoteAITags(fileIds: string[], aiTags: string[]): Promise<OperationOutcome> {
    const added = await this.addTags(fileIds, aiTags);
    if (added.succeeded.length === 0) return added;
    const removed = await this.removeAITags(added.succeeded, aiTags);
    return { succeeded: removed.succeeded, failed: [...added.failed, ...removed.failed] };
  }

  /** Every tag in the library with its use count, most used first (scanned, then cached for a minute). */
  async libraryTags(): Promise<LibraryTags> {
    const now = (this.deps.now ?? Date.now)();
    let newest = '';
    try {
      if (this.#vocabulary && now - this.#vocabulary.at < TAGS_FRESH_MS) {
        newest = await this.newestChange();
        if (newest === this.#vocabulary.newest) return this.#vocabulary.value;
      }
    } catch (error) {
      throw toEditingError(error, 'load the library’s tags');
    }
    const counts = new Map<string, number>();
    let scanned = 0;
    let partial = false;
    try {
      for (let skip = 0; ; skip += PAGE) {
        const page = (await this.deps.client.assets.list({ type: 'file', sort: 'DESC_UPDATED', skip, limit: PAGE })) as Array<{
          tags?: string[] | null;
          fileId?: string;
          updatedAt?: string;
        }>;
        if (skip === 0) newest = changeMark(page[0]);
        for (const file of page) for (const tag of file.tags ?? []) counts.set(tag, (counts.get(tag) ?? 0) + 1);
        scanned += page.length;
        if (page.length < PAGE) break;
        if (scanned >= TAG_SCAN_LIMIT) {
          partial = true;
          break;
        }
      }
    } catch (error) {
      throw toEditingError(error, 'load the library’s tags');
    }
    const tags: LibraryTag[] = [...counts].map(([tag, count]) => ({ tag, count }));
    tags.sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
    const value = { tags, scannedFiles: scanned, partial };
    this.#vocabulary = { at: now, newest, value };
    return value;
  }

  /** The most recently updated file, as one small listing: it changes whenever any file's tags may have. */
  private async newestChange(): Promise<string> {
    const [latest] = (await this.deps.client.assets.list({ type: 'file', sort: 'DESC_UPDATED', skip: 0, limit: 1 })) as Array<{ fileId?: string; updatedAt?: string }>;
    return changeMark(latest);
  }

  /** Tags changed: the next autocomplete request scans again. */
  forgetVocabulary(): void {
    this.#vocabulary = undefined;
  }

  /**
   * Runs a bulk call in batches of 50. A 404 naming missing ids fails a whole batch in ImageKit; those
   * ids are reported and the rest of the batch is sent again.
   */
  private async bulk(fileIds: string[], action: string, call: BulkCall): Promise<OperationOutcome> {
    const outcome: OperationOutcome = { succeeded: [], failed: [] };
    const unique = [...new Set(fileIds)];
    for (let i = 0; i < unique.length; i += TAG_BATCH) {
      let batch = unique.slice(i, i + TAG_BATCH);
      while (batch.length) {
        try {
          const answer = await call(batch);
          const failedIds = new Set((answer.errors ?? []).map((e) => e.fileId));
          outcome.succeeded.push(...(answer.successfullyUpdatedFileIds ?? batch.filter((id) => !failedIds.has(id))));
          for (const e of answer.errors ?? []) outcome.failed.push({ item: e.fileId, message: e.error });
          break;
        } catch (error) {
          const missing = missingIdsOf(error);
          const stillThere = batch.filter((id) => !missing.includes(id));
          if (missing.length && stillThere.length < batch.length) {
            for (const id of missing) outcome.failed.push({ item: id, message: 'This file no longer exists.' });
            batch = stillThere;
            continue;
          }
          const message = messageOf(error, action);
          for (const id of batch) outcome.failed.push({ item: id, message });
          break;
        }
      }
    }
    this.forgetVocabulary();
    return outcome;
  }
}
