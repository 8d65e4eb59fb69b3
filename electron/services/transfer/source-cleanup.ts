import { APIError } from '@imagekit/nodejs';
import { classifyFailure, withRetry, type RetryOptions } from '../upload-queue/retry-policy';
import type { LibraryAccess } from './item-runner';
import type { JobStore } from './job-store';

/**
 * The second half of a move: deletes each source file whose copy at the target was verified (or
 * was already identical there, as the plan found by checksum). A file whose copy failed or did not
 * verify stays where it is. Each deletion is recorded, so a crash repeats only the missing ones.
 */
export async function deleteVerifiedSources(store: JobStore, sourceAccess: (profileId: string) => Promise<LibraryAccess>, retry: RetryOptions): Promise<void> {
  const plan = store.job().plan;
  const sources = new Map(plan.sources.map((s) => [s.relPath, s]));
  const verified = new Set(store.items(['done']).filter((i) => i.verify?.ok).map((i) => i.relPath));
  const alreadyThere = plan.rows.filter((r) => r.action === 'skip' && !r.choosable).map((r) => r.relPath);
  const tasks = [];
  for (const relPath of [...verified, ...alreadyThere]) {
    const origin = sources.get(relPath)?.current.origin;
    if (origin?.kind === 'library') tasks.push({ kind: 'source-delete' as const, key: relPath, payload: { profileId: origin.profileId, fileId: origin.fileId } });
  }
  store.addSetup(tasks);
  for (const task of store.setup()) {
    if (task.kind !== 'source-delete' || task.state === 'done') continue;
    const { profileId, fileId } = task.payload as { profileId: string; fileId: string };
    try {
      const client = (await sourceAccess(profileId)).client.withOptions({ maxRetries: 0 });
      await withRetry(() => client.files.delete(fileId), retry).catch((error: unknown) => {
        if (!(error instanceof APIError && error.status === 404)) throw error;
      });
      store.setSetupState('source-delete', task.key, 'done');
    } catch (error) {
      store.setSetupState('source-delete', task.key, 'failed', `Could not delete the source: ${classifyFailure(error).message}`);
    }
  }
}
