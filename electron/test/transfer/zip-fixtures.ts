import { createHash } from 'node:crypto';
import yazl from 'yazl';
import { MANIFEST_NAME } from '../../services/transfer/manifest';

export interface ZipFixtureFile {
  /** May contain `../` (written through a placeholder of the same length, then patched in the bytes). */
  rel: string;
  bytes: Buffer;
  symlink?: boolean;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A manifest in the backup format listing `files` with their real sizes and checksums. */
export function manifestFor(files: ZipFixtureFile[]): Buffer {
  const fields = { tags: [], customMetadata: {}, customCoordinates: null, description: null, isPrivateFile: false, isPublished: true };
  return Buffer.from(
    JSON.stringify({
      format: 'mediadesk-backup',
      version: 1,
      createdAt: new Date().toISOString(),
      source: { profileName: 'Fixture', urlEndpoint: 'http://127.0.0.1:1/x', path: '/fixture' },
      customMetadataFields: [],
      folders: [],
      files: files.map((f) => ({ path: f.rel, size: f.bytes.length, sha256: sha256(f.bytes), fields, versions: [] })),
    }),
  );
}

/**
 * A zip a hostile page could send: yazl refuses `..` in names, so those are written as `zz/` and
 * patched to `../` in the finished bytes (local header and central directory alike).
 */
export async function craftZip(files: ZipFixtureFile[], manifest: Buffer | null): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const f of files) zip.addBuffer(f.bytes, f.rel.replaceAll('../', 'zz/'), { compress: false, ...(f.symlink ? { mode: 0o120777 } : {}) });
  if (manifest) zip.addBuffer(manifest, MANIFEST_NAME);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  const out = Buffer.concat(chunks);
  for (const f of files.filter((file) => file.rel.includes('../'))) {
    const from = Buffer.from(f.rel.replaceAll('../', 'zz/'));
    const to = Buffer.from(f.rel);
    for (let at = out.indexOf(from); at !== -1; at = out.indexOf(from, at + 1)) to.copy(out, at);
  }
  return out;
}
