import type { CoreServices } from '../app/feature-area';
import type { PurgeService, SuggestInput } from './purge-service';

/** The purge service of each app composition, keyed by the CoreServices every area receives. */
const services = new WeakMap<CoreServices, PurgeService>();

export function registerPurgeService(core: CoreServices, service: PurgeService): void {
  services.set(core, service);
}

export function unregisterPurgeService(core: CoreServices): void {
  services.delete(core);
}

/**
 * For other areas (uploads after an overwrite, editing after rename or restore): records the
 * changed files' URLs and their transformed variants as a purge suggestion and pushes
 * `purge.suggested`. Resolves to undefined when the purge area is not part of this composition.
 */
export async function suggestPurge(core: CoreServices, input: Omit<SuggestInput, 'reason'> & { reason?: SuggestInput['reason'] }) {
  const service = services.get(core);
  if (!service) return undefined;
  return service.suggest({ ...input, reason: input.reason ?? 'overwrite' });
}

/** For other areas: a purge ImageKit ran as part of another call (rename with purgeCache) joins the history. */
export function recordPurgeSent(core: CoreServices, input: { profileId: string; urls: readonly string[]; ikRequestId: string }) {
  const service = services.get(core);
  if (!service) return undefined;
  return service.recordSent(input.profileId, input.urls, input.ikRequestId);
}
