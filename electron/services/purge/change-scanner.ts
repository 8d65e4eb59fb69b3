import type ImageKit from '@imagekit/nodejs';
import type { PurgeSuggestionView } from '../../../shared/domain/purge';
import { toAppError } from '../imagekit/to-app-error';
import type { PurgeService } from './purge-service';

const LAST_SCAN_KEY = 'lastChangeScanAt';
/** Look a little before the last scan, so a change stamped by a server clock slightly behind ours is not missed. */
const CLOCK_SLACK_MS = 5_000;
const PAGE = 1000;

interface ListedFile {
  type?: string;
  fileId?: string;
  filePath?: string;
  url?: string;
  versionInfo?: { id?: string; name?: string };
}

/**
 * Notices files replaced outside the app (another tool, the SDK, the dashboard): each check lists files
 * updated since the previous one and suggests a purge for each whose current version changed. The
 * first check only sets the starting point.
 */
export async function checkForChanges(
  service: PurgeService,
  client: ImageKit,
  profileId: string,
  now: Date,
): Promise<{ suggested: PurgeSuggestionView[]; checkedAt: string }> {
  const store = service.storeFor(profileId);
  const checkedAt = now.toISOString();
  const last = store.getSetting(LAST_SCAN_KEY);
  if (!last) {
    store.setSetting(LAST_SCAN_KEY, checkedAt);
    return { suggested: [], checkedAt };
  }
  const since = new Date(Date.parse(last) - CLOCK_SLACK_MS).toISOString();
  const suggested: PurgeSuggestionView[] = [];
  for (let skip = 0; ; skip += PAGE) {
    let page: ListedFile[];
    try {
      page = (await client.assets.list({ type: 'file', searchQuery: `updatedAt > "${since}"`, sort: 'ASC_UPDATED', limit: PAGE, skip })) as ListedFile[];
    } catch (error) {
      throw toAppError(error, 'check the library for changed files');
    }
    for (const file of page) {
      const versionId = file.versionInfo?.id;
      if (file.type !== 'file' || !file.fileId || !versionId || !file.url) continue;
      const known = store.knownVersion(file.fileId);
      // Unknown files count as replaced only when past their first version (a new upload has no stale cache).
      const replaced = known ? known !== versionId : !/^Version 1$/.test(file.versionInfo?.name ?? 'Version 1');
      store.rememberVersion(file.fileId, versionId);
      if (replaced) suggested.push(await service.suggest({ profileId, fileUrls: [file.url], reason: 'overwrite', filePath: file.filePath }));
    }
    if (page.length < PAGE) break;
  }
  store.setSetting(LAST_SCAN_KEY, checkedAt);
  return { suggested, checkedAt };
}
