import path from 'node:path';
import type { Handlers } from '../../../shared/ipc/index';
import type { CoreServices, FeatureArea, FeatureAreaFactory } from '../app/feature-area';
import { BrowseService } from './browse-service';
import { FileOperations } from './file-operations';
import { FolderOperations } from './folder-operations';
import { NameIndex } from './name-index';
import { suggestPurge } from '../purge/suggest-purge';
import { createSignedUrlSigner } from './signed-urls';
import { deliveryUrlOf } from './delivery-url';

interface ProfileParts {
  browse: BrowseService;
  files: FileOperations;
  folders: FolderOperations;
}

/**
 * The library browser's main side (issue 5): listing, search, file and folder operations through
 * each profile's official SDK client, and a name index per profile under
 * `<dataDir>/profiles/<profileId>/library-index.db`.
 */
export const createLibraryArea: FeatureAreaFactory = (core: CoreServices): FeatureArea => {
  const indexes = new Map<string, NameIndex>();
  const browseState = new Map<string, { client: unknown; browse: BrowseService }>();
  const signUrls = createSignedUrlSigner({ connectionOf: (id) => core.profiles.connectionOf(id) });

  function indexFor(profileId: string): NameIndex {
    let index = indexes.get(profileId);
    if (!index) {
      index = new NameIndex(path.join(core.dataDir, 'profiles', profileId, 'library-index.db'));
      indexes.set(profileId, index);
    }
    return index;
  }

  async function parts(requested: string | undefined): Promise<ProfileParts> {
    const profileId = requested ?? core.profiles.activeId();
    const client = await core.clients.forProfile(profileId);
    const connection = await core.profiles.connectionOf(profileId);
    const index = indexFor(profileId);
    // BrowseService remembers where full listings began, so keep one per client.
    let state = browseState.get(profileId);
    if (!state || state.client !== client) {
      state = { client, browse: new BrowseService({ client, index }) };
      browseState.set(profileId, state);
    }
    return {
      browse: state.browse,
      files: new FileOperations({ client, index, urlEndpoint: connection.urlEndpoint }),
      folders: new FolderOperations({ client, index }),
    };
  }

  const handlers: Partial<Handlers> = {
    'library.list': async (input) => (await parts(input.profileId)).browse.list(input),
    'library.folders': async ({ profileId, folderPath }) => (await parts(profileId)).browse.folders(folderPath),
    'library.file': async ({ profileId, fileId }) => (await parts(profileId)).browse.file(fileId),
    'library.rename': async ({ profileId: requested, filePath, newFileName, purgeCache }) => {
      const profileId = requested ?? core.profiles.activeId();
      const renamed = await (await parts(profileId)).files.rename(filePath, newFileName, purgeCache);
      // Without purgeCache the CDN keeps serving the old URL until its copies are purged; offer that.
      if (!purgeCache) {
        try {
          const { urlEndpoint } = await core.profiles.connectionOf(profileId);
          await suggestPurge(core, { profileId, fileUrls: [deliveryUrlOf(urlEndpoint, filePath)], filePath, reason: 'rename' });
        } catch (error) {
          core.log('could not suggest a purge after a rename', error);
        }
      }
      return renamed;
    },
    'library.transferFiles': async ({ profileId, mode, filePaths, destinationPath, includeVersions }) =>
      (await parts(profileId)).files.transfer(mode, filePaths, destinationPath, includeVersions),
    'library.deleteFiles': async ({ profileId, fileIds }) => (await parts(profileId)).files.delete(fileIds),
    'library.saveOriginals': async ({ profileId, fileIds, directory }) => {
      // Without a folder the originals go to Downloads; a named folder must be one the person chose in
      // our own dialog (or the main process made), never one the window names on its own.
      const into = directory === undefined ? undefined : await core.grants.writableDirectory(directory);
      return (await parts(profileId)).files.saveOriginals(fileIds, into);
    },
    'library.createFolder': async ({ profileId, parentFolderPath, folderName }) =>
      (await parts(profileId)).folders.create(parentFolderPath, folderName),
    'library.deleteFolder': async ({ profileId, folderPath }) => (await parts(profileId)).folders.delete(folderPath),
    'library.folderCounts': async ({ profileId, folderPath }) => (await parts(profileId)).browse.folderCounts(folderPath),
    'library.folderJob': async (input) => (await parts(input.profileId)).folders.startJob(input),
    'library.jobStatus': async ({ profileId, jobId }) => (await parts(profileId)).folders.jobStatus(jobId),
    'library.searchNames': async ({ profileId, text, folderPath, limit }) => (await parts(profileId)).browse.searchNames(text, folderPath, limit),
    'library.reindex': async ({ profileId }) => (await parts(profileId)).browse.reindex(),
    'library.recentSearches': ({ profileId }) => indexFor(profileId ?? core.profiles.activeId()).recent(),
    'library.signedUrls': ({ profileId, items }) => signUrls(profileId ?? core.profiles.activeId(), items),
  };

  return {
    handlers,
    close: () => {
      for (const index of indexes.values()) index.close();
      indexes.clear();
    },
  };
};
