import type ImageKit from '@imagekit/nodejs';
import { AppError } from '../../../shared/ipc/result';
import type { FileMetadataView, SimilarityResult } from '../../../shared/domain/purge';
import { isPHash, rankBySimilarity } from '../../../shared/imagekit/phash';
import { toAppError } from '../imagekit/to-app-error';
import { mapLimit } from '../purge/map-limit';
import { findFileByPath, listFolderFiles, type FoundFile } from './file-lookup';
import { toMetadataView } from './metadata-view';
import { errorMessage } from '../../../shared/error-message';

export interface MetadataToolsDeps {
  /** The profile's SDK client (its cached session in the app). */
  sessions: { resolve(profileId: string): Promise<{ client: ImageKit }> };
  /** Metadata API calls in flight at once while hashing a folder. */
  concurrency?: number;
}

/**
 * The metadata tools: a file's full metadata, metadata of any delivery URL, and a similarity
 * finder over one folder using ImageKit's pHash. pHashes are remembered per file version, so a
 * second search in the same folder costs no API calls for unchanged files.
 */
export class MetadataTools {
  readonly #pHashes = new Map<string, string>();

  constructor(private readonly deps: MetadataToolsDeps) {}

  async fileMetadata(profileId: string, filePath: string): Promise<FileMetadataView> {
    const { client } = await this.deps.sessions.resolve(profileId);
    const file = await findFileByPath(client, filePath);
    return toMetadataView(file.filePath, await this.rawMetadata(client, file));
  }

  async urlMetadata(profileId: string, url: string): Promise<FileMetadataView> {
    const { client } = await this.deps.sessions.resolve(profileId);
    try {
      return toMetadataView(url, (await client.files.metadata.getFromURL({ url })) as Record<string, unknown>);
    } catch (error) {
      throw toAppError(error, 'read the metadata of that URL');
    }
  }

  async findSimilar(profileId: string, referencePath: string, folderPath: string, limit = 100): Promise<SimilarityResult> {
    const { client } = await this.deps.sessions.resolve(profileId);
    const reference = await findFileByPath(client, referencePath);
    const referenceHash = await this.pHashOf(client, reference);
    if (!referenceHash) throw new AppError('NOT_ALLOWED', `${referencePath} has no pHash (only images have one), so nothing can be compared with it.`);
    const folder = folderPath.length > 1 ? folderPath.replace(/\/+$/, '') : folderPath;
    const files = (await listFolderFiles(client, folder)).filter((f) => f.fileId !== reference.fileId);
    const hashed: Array<FoundFile & { pHash: string }> = [];
    const skipped: SimilarityResult['skipped'] = [];
    await mapLimit(files, this.deps.concurrency ?? 4, async (file) => {
      if (file.fileType !== 'image') return void skipped.push({ filePath: file.filePath, reason: 'Not an image.' });
      try {
        const hash = await this.pHashOf(client, file);
        if (hash) hashed.push({ ...file, pHash: hash });
        else skipped.push({ filePath: file.filePath, reason: 'ImageKit reported no pHash.' });
      } catch (error) {
        skipped.push({ filePath: file.filePath, reason: errorMessage(error) });
      }
    });
    const ranked = rankBySimilarity(referenceHash, hashed)
      .slice(0, limit)
      .map((f) => ({ fileId: f.fileId, name: f.name, filePath: f.filePath, url: f.url, thumbnail: f.thumbnail, pHash: f.pHash, distance: f.distance }));
    skipped.sort((a, b) => a.filePath.localeCompare(b.filePath));
    return { reference: { fileId: reference.fileId, filePath: reference.filePath, pHash: referenceHash }, folderPath: folder, ranked, skipped };
  }

  private async rawMetadata(client: ImageKit, file: FoundFile): Promise<Record<string, unknown>> {
    try {
      return (await client.files.metadata.get(file.fileId)) as Record<string, unknown>;
    } catch (error) {
      throw toAppError(error, `read the metadata of ${file.filePath}`);
    }
  }

  private async pHashOf(client: ImageKit, file: FoundFile): Promise<string | undefined> {
    const key = `${file.fileId}@${file.versionId ?? ''}`;
    const cached = this.#pHashes.get(key);
    if (cached) return cached;
    const hash = (await this.rawMetadata(client, file)).pHash;
    if (!isPHash(hash)) return undefined;
    this.#pHashes.set(key, hash);
    return hash;
  }
}
