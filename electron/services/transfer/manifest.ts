import { readFile, realpath, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { AccountField } from './schema-check';
import type { SourceSnapshot } from './snapshots';
import type { FieldDefinition, SourceFile, SourceVersion, TransferFields } from './types';

/** The file a backup writes beside the originals; `upload DIR` finds it there. */
export const MANIFEST_NAME = 'mediadesk-manifest.json';
/** Older versions of `a/b.jpg` live under `.mediadesk-versions/a/b.jpg/<n>-<versionId>`. */
export const VERSIONS_DIR = '.mediadesk-versions';

/** A relative path that stays inside the backup folder: no `..`, no absolute or drive paths, no NUL or backslash. */
const RelPath = z
  .string()
  .min(1)
  .max(1024)
  .refine((p) => !/[\0\\]/.test(p) && !p.startsWith('/') && !/^[A-Za-z]:/.test(p), 'must be a relative path with "/" separators')
  .refine((p) => p.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..'), 'must not contain empty, "." or ".." segments')
  // ImageKit's own name alphabet: a name it would rewrite could not be found again at its path.
  .refine((p) => p.split('/').every((seg) => /^[\p{L}\p{M}\p{N}._-]+$/u.test(seg)), 'may only use letters, digits, ".", "-" and "_" in each name');

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in hex');

export const ManifestFields = z.object({
  tags: z.array(z.string().max(500)).max(500),
  customMetadata: z.record(z.string().max(100), z.unknown()),
  customCoordinates: z.string().max(200).nullable(),
  description: z.string().max(10_000).nullable(),
  isPrivateFile: z.boolean(),
  isPublished: z.boolean(),
});

const ManifestVersion = z.object({ file: RelPath, size: z.number().int().min(0), sha256: Sha256, fields: ManifestFields });

const ManifestFile = z.object({
  path: RelPath,
  size: z.number().int().min(0),
  sha256: Sha256,
  fields: ManifestFields,
  aiTags: z.array(z.string()).default([]),
  /** Older versions, oldest first. */
  versions: z.array(ManifestVersion).default([]),
});

const ManifestField = z.object({
  name: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/),
  label: z.string().min(1).max(200),
  schema: z.object({ type: z.string() }).passthrough(),
  description: z.string().max(1000).optional(),
});

export const Manifest = z.object({
  format: z.literal('mediadesk-backup'),
  version: z.literal(1),
  createdAt: z.string(),
  source: z.object({ profileName: z.string(), urlEndpoint: z.string(), path: z.string() }),
  customMetadataFields: z.array(ManifestField),
  folders: z.array(RelPath),
  files: z.array(ManifestFile),
});
export type Manifest = z.infer<typeof Manifest>;
export type ManifestFile = z.infer<typeof ManifestFile>;

export class ManifestError extends Error {
  override readonly name = 'ManifestError';
}

/** `rel` inside `root`, refusing anything (a symlink included) that resolves outside it. */
export async function insideRoot(root: string, rel: string): Promise<string> {
  const realRoot = await realpath(root);
  const candidate = path.resolve(realRoot, ...rel.split('/'));
  if (!candidate.startsWith(realRoot + path.sep)) throw new ManifestError(`${rel} points outside the backup folder.`);
  let real: string;
  try {
    real = await realpath(candidate);
  } catch (error) {
    throw new ManifestError(`${rel} is listed in the manifest but missing from the backup folder (${(error as NodeJS.ErrnoException).code ?? 'unreadable'}).`);
  }
  if (!real.startsWith(realRoot + path.sep)) throw new ManifestError(`${rel} is a link that points outside the backup folder; it is refused.`);
  return real;
}

function describeZod(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || 'manifest'}: ${i.message}`)
    .join('; ');
}

export async function readManifest(dir: string): Promise<Manifest> {
  const file = path.join(dir, MANIFEST_NAME);
  let text: string;
  try {
    if ((await stat(file)).size > 512 * 1024 * 1024) throw new ManifestError(`${file} is larger than 512 MB; it is not a MediaDesk manifest.`);
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof ManifestError) throw error;
    throw new ManifestError(`${dir} has no readable ${MANIFEST_NAME} (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ManifestError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = Manifest.safeParse(json);
  if (!parsed.success) throw new ManifestError(`${file} is not a valid MediaDesk backup manifest: ${describeZod(parsed.error)}`);
  return parsed.data;
}

/** Writes the manifest atomically: a half-written manifest never replaces a good one. */
export async function writeManifest(dir: string, manifest: Manifest): Promise<void> {
  const file = path.join(dir, MANIFEST_NAME);
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(manifest, null, 2)}\n`);
  await rename(temp, file);
}

function diskVersion(file: string, size: number, sha256: string, fields: TransferFields): SourceVersion {
  return { versionKey: `disk:${sha256}`, size, checksum: sha256, fields, origin: { kind: 'disk', path: file } };
}

/** A backup folder as the source of a transfer: every path checked to stay inside the folder. */
export async function readDirectorySource(dir: string): Promise<SourceSnapshot> {
  const manifest = await readManifest(dir);
  const files: SourceFile[] = [];
  for (const entry of manifest.files) {
    const current = diskVersion(await insideRoot(dir, entry.path), entry.size, entry.sha256, entry.fields);
    const older: SourceVersion[] = [];
    for (const v of entry.versions) older.push(diskVersion(await insideRoot(dir, v.file), v.size, v.sha256, v.fields));
    files.push({ relPath: entry.path, current, older, aiTags: entry.aiTags });
  }
  const fields: AccountField[] = manifest.customMetadataFields.map((f: FieldDefinition) => ({ ...f, id: `manifest:${f.name}` }));
  return { root: '/', files, folders: manifest.folders, fields };
}
