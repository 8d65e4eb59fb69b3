import type { ImageKit } from '@imagekit/nodejs';
import pLimit from 'p-limit';
import sharp from 'sharp';
import { perceptualHash } from '../../../emulator/src/metadata/phash';
import { pHashDistance, isPHash } from '../../../shared/imagekit/phash';
import type { NearDuplicate } from '../../../shared/domain/uploads';
import { isImageName } from '../../../shared/domain/image-names';
import { toAppError } from '../imagekit/to-app-error';

/** A file of the queue's expansion: where it is on disk and which library folder it would land in. */
export interface Candidate {
  /** What the person gave (path or staged id), so the UI can drop it from the batch. */
  source: string;
  file: string;
  name: string;
  folder: string;
}

interface RemoteImage {
  fileId: string;
  name: string;
  filePath: string;
  thumbnail: string | null;
  pHash: string;
}

export { isImageName };

/**
 * Loads the image decoder the check hashes with (sharp, loaded on first use: about half a second of blocked
 * event loop) ahead of the first check, while the person is still in the Upload dialog.
 */
export function warmHasher(): void {
  void sharp.versions;
}
/** Past this many images in a folder the check would cost more requests than it saves; it stops there. */
const MAX_REMOTE = 500;
/** A folder's images are looked up once per scope (a batch) and kept this long, for at most this many scopes. */
const FOLDER_TTL_MS = 10 * 60_000;
const MAX_FOLDER_ENTRIES = 64;
/** Metadata calls in flight at once while a folder's image hashes are fetched (well under ImageKit's rate limits). */
const METADATA_CALLS_AT_ONCE = 6;

/**
 * Near-duplicate check by perceptual hash: the candidate's pHash is computed here (sharp, the same DCT
 * pHash ImageKit reports), the target folder's from ImageKit's metadata API. Never skips anything
 * itself; the answer is shown to the person as a choice.
 */
export class NearDuplicateFinder {
  /** pHash per `fileId@versionId`: a version never changes, so this never goes stale. */
  private readonly remoteHashes = new Map<string, string | null>();
  /** The images of a folder as one scope (a batch) saw them first, shared by its items checked in parallel. */
  private readonly folders = new Map<string, { at: number; images: Promise<RemoteImage[]> }>();

  constructor(private readonly client: () => Promise<ImageKit>) {}

  /**
   * The library image one candidate looks like, or null. For the queue, file by file, just before each is sent:
   * the folder's images are fetched once per `scope` (so the files of a batch are compared with the folder as
   * it was before the batch, not with each other) and a non-image or undecodable file is never held.
   */
  async lookalike(c: Candidate, maxDistance: number, scope: string): Promise<NearDuplicate['match'] & { distance: number } | null> {
    if (!isImageName(c.name)) return null;
    const remote = await this.folderImagesOnce(scope, c.folder);
    if (remote.length === 0) return null;
    const local = await perceptualHash(c.file).catch(() => null);
    if (!local) return null;
    const best = closest(local, remote, maxDistance);
    return best && { fileId: best.image.fileId, name: best.image.name, filePath: best.image.filePath, thumbnail: best.image.thumbnail, distance: best.distance };
  }

  /** Starts fetching a folder's image hashes for `scope` now, so the first check need not wait for them. */
  prefetch(scope: string, folder: string): void {
    this.folderImagesOnce(scope, folder).catch(() => undefined); // a failure is asked again by the first check
  }

  private folderImagesOnce(scope: string, folder: string): Promise<RemoteImage[]> {
    const now = Date.now();
    for (const [key, entry] of this.folders) if (now - entry.at > FOLDER_TTL_MS || this.folders.size > MAX_FOLDER_ENTRIES) this.folders.delete(key);
    const key = `${scope}\n${folder}`;
    let entry = this.folders.get(key);
    if (!entry) {
      entry = { at: now, images: this.folderImages(folder) };
      this.folders.set(key, entry);
      // A failed lookup is not kept: the next item asks again.
      entry.images.catch(() => this.folders.delete(key));
    }
    return entry.images;
  }

  async find(candidates: Candidate[], maxDistance: number): Promise<NearDuplicate[]> {
    const images = candidates.filter((c) => isImageName(c.name));
    const byFolder = new Map<string, Candidate[]>();
    for (const c of images) byFolder.set(c.folder, [...(byFolder.get(c.folder) ?? []), c]);
    const out: NearDuplicate[] = [];
    for (const [folder, group] of byFolder) {
      const remote = await this.folderImages(folder);
      if (remote.length === 0) continue;
      for (const c of group) {
        const local = await perceptualHash(c.file).catch(() => null); // not decodable: nothing to compare
        if (!local) continue;
        const best = closest(local, remote, maxDistance);
        if (best) {
          const { image, distance } = best;
          out.push({ source: c.source, name: c.name, distance, match: { fileId: image.fileId, name: image.name, filePath: image.filePath, thumbnail: image.thumbnail } });
        }
      }
    }
    return out;
  }

  private async folderImages(folder: string): Promise<RemoteImage[]> {
    const client = await this.client();
    let listed;
    try {
      listed = (await client.assets.list({ path: folder === '/' ? '/' : `${folder}/`, type: 'file', fileType: 'image', limit: MAX_REMOTE })) as Array<{
        type?: string;
        fileId?: string;
        name?: string;
        filePath?: string;
        thumbnail?: string;
        versionInfo?: { id?: string };
      }>;
    } catch (error) {
      throw toAppError(error, `list the images in ${folder}`);
    }
    const direct = listed.filter((f) => f.fileId && f.name && f.filePath === `${folder === '/' ? '' : folder}/${f.name}`);
    // A few metadata calls at once: the first file of a batch waits for all of them before it can be sent.
    const limit = pLimit(METADATA_CALLS_AT_ONCE);
    const hashes = await Promise.all(
      direct.map((f) =>
        limit(async () => {
          const key = `${f.fileId}@${f.versionInfo?.id ?? ''}`;
          let hash = this.remoteHashes.get(key);
          if (hash === undefined) {
            try {
              const meta = await client.files.metadata.get(f.fileId!);
              hash = isPHash(meta.pHash) ? meta.pHash : null;
            } catch {
              hash = null; // e.g. a file whose metadata cannot be read: it simply cannot match
            }
            this.remoteHashes.set(key, hash);
          }
          return hash;
        }),
      ),
    );
    return direct.flatMap((f, i) => {
      const hash = hashes[i];
      return hash ? [{ fileId: f.fileId!, name: f.name!, filePath: f.filePath!, thumbnail: f.thumbnail ?? null, pHash: hash }] : [];
    });
  }
}

function closest(local: string, remote: RemoteImage[], maxDistance: number): { image: RemoteImage; distance: number } | null {
  let best: { image: RemoteImage; distance: number } | null = null;
  for (const image of remote) {
    const distance = pHashDistance(local, image.pHash);
    if (distance <= maxDistance && (!best || distance < best.distance)) best = { image, distance };
  }
  return best;
}
