import type { FeatureAreaFactory } from '../app/feature-area';
import { MetadataTools } from '../metadata-tools/metadata-tools';
import { PurgeService, type PurgeServiceDeps } from './purge-service';
import { checkForChanges } from './change-scanner';
import { registerPurgeService, unregisterPurgeService } from './suggest-purge';

/** Knobs tests turn (faster polling); the app uses the defaults. */
export type PurgeAreaOptions = Pick<PurgeServiceDeps, 'pollDelaysMs' | 'sendConcurrency' | 'now'>;

/** The purge area: purge centre and the metadata tools, over the purge contract. */
export function createPurgeAreaWith(options: PurgeAreaOptions = {}): FeatureAreaFactory {
  return (core) => {
    const service = new PurgeService({
      ...options,
      dataDir: core.dataDir,
      sessions: core.sessions,
      emitRequest: (view) => core.events.emit('purge.requestChanged', view),
      emitSuggestion: (view) => core.events.emit('purge.suggested', view),
      log: core.log,
    });
    const tools = new MetadataTools({ sessions: core.sessions });
    registerPurgeService(core, service);
    const now = options.now ?? (() => new Date());
    const id = (profileId: string | undefined) => service.resolveProfile(profileId);

    return {
      handlers: {
        'purge.submit': async ({ profileId, urls, suggestionId }) => ({ requests: await service.submit(id(profileId), urls, suggestionId) }),
        'purge.requests': ({ profileId, limit }) => service.requests(id(profileId), limit),
        'purge.quota': ({ profileId }) => service.quota(id(profileId)),
        'purge.settings': ({ profileId }) => service.settings(id(profileId)),
        'purge.updateSettings': ({ profileId, ...change }) => service.updateSettings(id(profileId), change),
        'purge.suggestions': ({ profileId }) => service.suggestions(id(profileId)),
        'purge.suggest': ({ profileId, ...input }) => service.suggest({ ...input, profileId: id(profileId) }),
        'purge.dismissSuggestion': ({ profileId, id: suggestionId }) => {
          service.dismissSuggestion(id(profileId), suggestionId);
          return { id: suggestionId };
        },
        'purge.checkForChanges': async ({ profileId }) => {
          const profile = id(profileId);
          return checkForChanges(service, (await core.sessions.resolve(profile)).client, profile, now());
        },
        'purge.fileMetadata': ({ profileId, filePath }) => tools.fileMetadata(id(profileId), filePath),
        'purge.urlMetadata': ({ profileId, url }) => tools.urlMetadata(id(profileId), url),
        'purge.findSimilar': ({ profileId, referencePath, folderPath, limit }) => tools.findSimilar(id(profileId), referencePath, folderPath, limit),
      },
      close: () => {
        unregisterPurgeService(core);
        service.close();
      },
    };
  };
}

export const createPurgeArea: FeatureAreaFactory = createPurgeAreaWith();
