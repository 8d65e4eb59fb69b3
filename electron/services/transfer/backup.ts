import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import pLimit from 'p-limit';
import type { RetryOptions } from '../upload-queue/retry-policy';
import type { ChecksumCache } from './checksum-cache';
import type { LibraryAccess } from './item-runner';
import { LibraryReader } from './library-reader';
import { MANIFEST_NAME, VERSIONS_DIR, writeManifest, type Manifest, type ManifestFile } from './manifest';
import { digestFile, downloadToFile, originalUrl } from './originals';
import { readLibrarySource } from './snapshots';
import type { SourceSnapshot } from './snapshots';
import type { SourceVersion } from './types';

export interface BackupOptions {
  source: LibraryAccess;
  profileName: string;
  /** Library path: `/`, a folder or one file. */
  path: string;
  /** Local folder that receives the originals and the manifest (created if missing). */
  directory: string;
  versions: boolean;
  cache: ChecksumCache;
  retry: RetryOptions;
  concurrency?: number;
  signal?: AbortSignal;
  onProgress?: (progress: { files: number; totalFiles: number; bytes: number; totalBytes: number }) => void;
}

export interface BackupResult {
  directory: string;
  manifest: Manifest;
  downloaded: number;
  /** Already in the folder with the right checksum (a second run, or a resumed one). */
  unchanged: number;
  bytes: number;
}

/** Where the `index`-th older version (0 = oldest) of `relPath` lives in a backup, folder or zip alike. */
export function versionRel(relPath: string, index: number, version: SourceVersion): string {
  return `${VERSIONS_DIR}/${relPath}/${index + 1}-${version.versionKey.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/** The manifest of a backup: every file's fields and checksums, and the definitions of the custom metadata fields they use. */
export function buildManifest(snapshot: SourceSnapshot, entries: ManifestFile[], source: Manifest['source']): Manifest {
  const usedFields = new Set(entries.flatMap((e) => [e.fields, ...e.versions.map((v) => v.fields)].flatMap((f) => Object.keys(f.customMetadata))));
  return {
    format: 'mediadesk-backup',
    version: 1,
    createdAt: new Date().toISOString(),
    source,
    customMetadataFields: snapshot.fields.filter((f) => usedFields.has(f.name)).map(({ id: _id, ...definition }) => definition),
    folders: snapshot.folders,
    files: entries,
  };
}

function localPath(directory: string, rel: string): string {
  const full = path.resolve(directory, ...rel.split('/'));
  // The listing is checked already; this keeps any path that still escapes out of the folder.
  if (!full.startsWith(path.resolve(directory) + path.sep)) throw new Error(`${rel} would be written outside ${directory}; refused.`);
  return full;
}

/**
 * Downloads a folder tree (or one file) to a local folder: the originals at their relative paths,
 * older versions under `.mediadesk-versions/` when asked, and `mediadesk-manifest.json` with every
 * file's fields, checksums and the custom metadata field definitions, so `restore` can put it all
 * back. Running it again only downloads what is missing or different, so an interrupted backup
 * is resumed by running it again.
 */
export async function backupTree(options: BackupOptions): Promise<BackupResult> {
  const { source, cache, retry, signal } = options;
  const reader = new LibraryReader(source.client, retry, signal);
  const snapshot = await readLibrarySource(reader, source.profileId, options.path, {
    versions: options.versions,
    checksumOf: (fileId, versionId, size) => cache.get(source.libraryKey, fileId, versionId, size),
  });
  await mkdir(options.directory, { recursive: true });
  const totalBytes = snapshot.files.reduce((sum, f) => sum + f.current.size + f.older.reduce((s, v) => s + v.size, 0), 0);
  let files = 0;
  let bytes = 0;
  let downloaded = 0;
  let unchanged = 0;

  /** One version into `rel`, unless the folder already holds exactly these bytes. */
  const fetchVersion = async (version: SourceVersion, rel: string): Promise<string> => {
    const dest = localPath(options.directory, rel);
    if (version.checksum) {
      const existing = await stat(dest).catch(() => null);
      if (existing?.isFile() && existing.size === version.size && (await digestFile(dest, signal)).sha256 === version.checksum) {
        unchanged += 1;
        return version.checksum;
      }
    }
    if (version.origin.kind !== 'library') throw new Error('A backup reads from a library.');
    const partial = `${dest}.partial`;
    const digest = await downloadToFile(originalUrl(source.client, source.urlEndpoint, version.origin), partial, { retry, signal });
    await rename(partial, dest);
    cache.put(source.libraryKey, version.origin.fileId, version.origin.versionId, digest.size, digest.sha256);
    downloaded += 1;
    return digest.sha256;
  };

  const limit = pLimit(options.concurrency ?? 4);
  const entries: ManifestFile[] = await Promise.all(
    snapshot.files.map((file) =>
      limit(async () => {
        await mkdir(path.dirname(localPath(options.directory, file.relPath)), { recursive: true });
        const versions: ManifestFile['versions'] = [];
        for (const [i, version] of file.older.entries()) {
          const rel = versionRel(file.relPath, i, version);
          await mkdir(path.dirname(localPath(options.directory, rel)), { recursive: true });
          versions.push({ file: rel, size: version.size, sha256: await fetchVersion(version, rel), fields: version.fields });
          bytes += version.size;
        }
        const sha256 = await fetchVersion(file.current, file.relPath);
        bytes += file.current.size;
        options.onProgress?.({ files: ++files, totalFiles: snapshot.files.length, bytes, totalBytes });
        return { path: file.relPath, size: file.current.size, sha256, fields: file.current.fields, aiTags: file.aiTags, versions };
      }),
    ),
  );
  const manifest = buildManifest(snapshot, entries, { profileName: options.profileName, urlEndpoint: source.urlEndpoint, path: options.path });
  await rm(path.join(options.directory, `${MANIFEST_NAME}.partial`), { force: true });
  await writeManifest(options.directory, manifest);
  return { directory: options.directory, manifest, downloaded, unchanged, bytes };
}
