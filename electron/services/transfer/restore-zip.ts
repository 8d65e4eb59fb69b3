import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm, statfs, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { MAX_UPLOAD_BYTES } from '../../../shared/domain/uploads';
import { Manifest, MANIFEST_NAME, ManifestError } from './manifest';

/** The zip is hostile until proven otherwise: each of these stops the unpacking before the library is touched. */
export interface UnpackLimits {
  /** Entries in the archive's directory (a directory of millions of entries is a way to exhaust memory). */
  maxEntries: number;
  manifestBytes: number;
  /** One original; ImageKit accepts nothing larger. */
  fileBytes: number;
  /** Everything unpacked together; also never more than the free disk space (less a margin). */
  totalBytes: number;
}

export const DEFAULT_UNPACK_LIMITS: UnpackLimits = {
  maxEntries: 200_000,
  manifestBytes: 64 * 1024 * 1024,
  fileBytes: MAX_UPLOAD_BYTES,
  totalBytes: 100 * 1024 ** 3,
};

/** Disk space left free after unpacking, so a restore never fills the disk. */
const DISK_MARGIN = 512 * 1024 * 1024;

export interface UnpackedBackup {
  manifest: Manifest;
  files: number;
  bytes: number;
}

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

function refuse(message: string): never {
  throw new ManifestError(`This .zip is not a MediaDesk backup that can be restored: ${message} Nothing was restored.`);
}

async function readAll(stream: Readable, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > max) {
      stream.destroy();
      refuse(`its manifest is larger than ${max} bytes.`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * Unpacks a backup .zip (as `streamBackupZip` writes it, or a folder backup zipped by hand, with or
 * without one top folder) into `dest`, a new folder of our own, ready for `readDirectorySource`.
 * Only the entries the manifest lists are written, each at a path the manifest schema allows (no
 * `..`, no absolute paths), never through a symlink entry, never over an existing file; every
 * entry's size must match its manifest size (yauzl also checks the bytes actually inflated against
 * the declared size) and its SHA-256 its manifest checksum. Any failure removes `dest` whole.
 */
export async function unpackBackupZip(zipPath: string, dest: string, limits: UnpackLimits = DEFAULT_UNPACK_LIMITS): Promise<UnpackedBackup> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(zipPath, { lazyEntries: true, validateEntrySizes: true, strictFileNames: true, autoClose: false });
  } catch (error) {
    refuse(`it cannot be read as a zip (${(error as Error).message}).`);
  }
  try {
    if (zip.entryCount > limits.maxEntries) refuse(`it has ${zip.entryCount} entries; at most ${limits.maxEntries} are accepted.`);
    const entries = new Map<string, yauzl.Entry>();
    for await (const entry of zip.eachEntry()) {
      if (entries.has(entry.fileName)) refuse(`it holds ${entry.fileName} twice.`);
      entries.set(entry.fileName, entry);
    }
    // A folder backup zipped by hand has its files under one top folder.
    let prefix = '';
    if (!entries.has(MANIFEST_NAME)) {
      const nested = [...entries.keys()].filter((name) => /^[^/]+\/[^/]+$/.test(name) && name.endsWith(`/${MANIFEST_NAME}`));
      if (nested.length !== 1) refuse(`it has no ${MANIFEST_NAME} at its top (make the backup with "Back up folder…").`);
      prefix = nested[0].slice(0, -MANIFEST_NAME.length);
    }
    const manifestEntry = entries.get(prefix + MANIFEST_NAME)!;
    if (manifestEntry.uncompressedSize > limits.manifestBytes) refuse(`its manifest is larger than ${limits.manifestBytes} bytes.`);
    const manifestBytes = await readAll(await zip.openReadStreamPromise(manifestEntry), limits.manifestBytes);
    let json: unknown;
    try {
      json = JSON.parse(manifestBytes.toString('utf8'));
    } catch (error) {
      refuse(`its ${MANIFEST_NAME} is not valid JSON (${(error as Error).message}).`);
    }
    const parsed = Manifest.safeParse(json);
    if (!parsed.success) {
      refuse(`its ${MANIFEST_NAME} does not match the backup format (${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || 'manifest'}: ${i.message}`).join('; ')}).`);
    }
    const manifest = parsed.data;

    // Everything the manifest needs, checked before one byte is unpacked.
    const wanted = manifest.files.flatMap((f) => [{ rel: f.path, size: f.size, sha256: f.sha256 }, ...f.versions.map((v) => ({ rel: v.file, size: v.size, sha256: v.sha256 }))]);
    const seen = new Set<string>();
    let total = 0;
    for (const item of wanted) {
      if (seen.has(item.rel)) refuse(`its manifest lists ${item.rel} twice.`);
      seen.add(item.rel);
      const entry = entries.get(prefix + item.rel);
      if (!entry) refuse(`${item.rel} is listed in its manifest but missing from the zip.`);
      if (((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK) refuse(`${item.rel} is a symbolic link.`);
      if (entry.isEncrypted() || !entry.canDecodeFileData()) refuse(`${item.rel} is encrypted or compressed in a way MediaDesk cannot read.`);
      if (entry.uncompressedSize !== item.size) refuse(`${item.rel} holds ${entry.uncompressedSize} bytes but its manifest says ${item.size}.`);
      if (item.size > limits.fileBytes) refuse(`${item.rel} is larger than ImageKit accepts (${limits.fileBytes} bytes).`);
      total += item.size;
    }
    if (total > limits.totalBytes) refuse(`it would unpack to ${total} bytes; at most ${limits.totalBytes} are accepted.`);
    await mkdir(dest, { recursive: true });
    const disk = await statfs(dest);
    if (total + DISK_MARGIN > disk.bavail * disk.bsize) refuse(`unpacking it needs ${total} bytes and the disk has ${disk.bavail * disk.bsize} free.`);

    const root = path.resolve(dest);
    for (const item of wanted) {
      const target = path.resolve(root, ...item.rel.split('/'));
      if (!target.startsWith(root + path.sep)) refuse(`${item.rel} points outside the backup.`);
      await mkdir(path.dirname(target), { recursive: true });
      const hash = createHash('sha256');
      const hashing = new Transform({
        transform(chunk: Buffer, _enc, done) {
          hash.update(chunk);
          done(null, chunk);
        },
      });
      // 'wx': a name that already exists (two paths equal on a case-insensitive disk) is an error, never an overwrite.
      await pipeline(await zip.openReadStreamPromise(entries.get(prefix + item.rel)!), hashing, createWriteStream(target, { flags: 'wx' }));
      if (hash.digest('hex') !== item.sha256) refuse(`${item.rel} does not have the checksum its manifest records (the zip is damaged or was changed).`);
    }
    await writeFile(path.join(root, MANIFEST_NAME), manifestBytes, { flag: 'wx' });
    return { manifest, files: manifest.files.length, bytes: total };
  } catch (error) {
    await rm(dest, { recursive: true, force: true });
    if (error instanceof ManifestError) throw error;
    refuse(`${(error as Error).message}.`);
  } finally {
    zip.close();
  }
}
