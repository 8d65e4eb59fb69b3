import { APIError } from '@imagekit/nodejs';
import { withRetry, type RetryOptions } from '../upload-queue/retry-policy';
import type { ChecksumCache } from './checksum-cache';
import { fieldDifferences } from './fields';
import type { LibraryAccess } from './item-runner';
import type { JobItem, VerifyResult } from './job-store';
import { fieldsOf, LibraryReader } from './library-reader';
import { digestUrl, originalUrl } from './originals';
import { joinLibrary } from './paths';
import type { TransferFields } from './types';

export interface VerifyDeps {
  target: LibraryAccess;
  retry: RetryOptions;
  cache: ChecksumCache;
  targetDefaults: Record<string, unknown>;
  signal?: AbortSignal;
}

/** What an item must have produced at the target: checksum per version and the final fields. */
function expectations(item: JobItem, sourceChecksum: string | null): { checksums: (string | null)[]; fields: TransferFields | null } {
  if (item.action === 'update-fields') return { checksums: [sourceChecksum], fields: item.finalFields };
  return { checksums: item.checksums, fields: item.steps[item.steps.length - 1]?.fields ?? null };
}

/**
 * Checks one finished item against the source: the target file is where the plan put it, its
 * fields equal the source's, and the SHA-256 of its original bytes (every transferred version's,
 * when versions travelled) equals the source's. Reads only; records verified checksums in the cache.
 */
export async function verifyItem(item: JobItem, sourceChecksum: string | null, deps: VerifyDeps): Promise<VerifyResult> {
  const problems: string[] = [];
  const targetPath = joinLibrary(item.targetFolder, item.targetName ?? '');
  const client = deps.target.client.withOptions({ maxRetries: 0 });
  const call = <T>(fn: () => Promise<T>) => withRetry(fn, deps.retry, deps.signal);
  if (item.action === 'delete') {
    const still = await new LibraryReader(deps.target.client, deps.retry, deps.signal).fileAt(targetPath);
    if (still && still.fileId === item.targetFileId) problems.push('the file is still at the target');
    return { ok: problems.length === 0, problems, checksum: null };
  }
  if (!item.targetFileId) return { ok: false, problems: ['the job has no target file id for this item'], checksum: null };
  let current;
  try {
    current = await call(() => client.files.get(item.targetFileId as string, { signal: deps.signal }));
  } catch (error) {
    if (error instanceof APIError && error.status === 404) return { ok: false, problems: ['the target file no longer exists'], checksum: null };
    throw error;
  }
  const expected = expectations(item, sourceChecksum);
  if (current.filePath !== targetPath) problems.push(`it is at ${current.filePath ?? '?'} instead of ${targetPath}`);
  if (expected.fields) {
    const differences = fieldDifferences(expected.fields, fieldsOf(current), deps.targetDefaults);
    for (const name of differences) problems.push(`${name} differs from the source`);
  }
  const currentVersion = current.versionInfo?.id ?? current.fileId ?? '';
  const versionIds = item.action === 'update-fields' ? [currentVersion] : item.targetVersions;
  if (item.action !== 'update-fields' && versionIds[versionIds.length - 1] !== currentVersion) problems.push('its current version is not the last one transferred');
  let checksum: string | null = null;
  for (let k = 0; k < versionIds.length; k++) {
    const isCurrent = versionIds[k] === currentVersion;
    const url = originalUrl(deps.target.client, deps.target.urlEndpoint, { filePath: targetPath, versionId: versionIds[k], isCurrent, isPrivateFile: current.isPrivateFile === true, updatedAt: current.updatedAt ?? null });
    let digest;
    try {
      digest = await digestUrl(url, { retry: deps.retry, signal: deps.signal });
    } catch (error) {
      if (error instanceof APIError && error.status === 404) {
        problems.push(`version ${k + 1} of ${versionIds.length} is missing at the target`);
        continue;
      }
      throw error;
    }
    const want = expected.checksums[k] ?? null;
    if (want && digest.sha256 !== want) problems.push(`${versionIds.length > 1 ? `version ${k + 1}: ` : ''}checksum differs from the source`);
    if (!want) problems.push(`${versionIds.length > 1 ? `version ${k + 1}: ` : ''}no source checksum to compare with`);
    if (want && digest.sha256 === want) deps.cache.put(deps.target.libraryKey, item.targetFileId, versionIds[k], digest.size, digest.sha256);
    if (isCurrent) checksum = digest.sha256;
  }
  return { ok: problems.length === 0, problems, checksum };
}
