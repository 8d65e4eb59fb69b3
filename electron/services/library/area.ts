import path from 'node:path';
import type { Handlers } from '../../../shared/ipc/index';
import type { CoreServices, FeatureArea, FeatureAreaFactory } from '../app/feature-area';
import { BrowseService } from './browse-service';
import { FileOperations } from './file-operations';
import { FolderOperations } from './folder-operations';
import { NameIndex } from './name-index';
import { recordPurgeSent, suggestPurge } from '../purge/suggest-purge';
import { createSignedUrlSigner } from './signed-urls';
import { deliveryUrlOf } from './delivery-url';
import type { ProfileSession } from '../sessions/profile-sessions';
import { withSessions } from '../sessions/session-handlers';
import { abortSignalOf } from '../app/call-signal';

interface ProfileParts {
  browse: BrowseService;
  files: FileOperations;
  folders: FolderOperations;
}

/**
 * The library browser's main side: listing, search, file and folder operations through
 * each profile's official SDK client, and a name index per profile under
 * `<dataDir>/profiles/<profileId>/library-index.db`.
 */
export const createLibraryArea: FeatureAreaFactory = (core: CoreServices): FeatureArea => {
  const indexes = new Map<string, NameIndex>();
  const browseState = new Map<string, { client: unknown; browse: BrowseService }>();
  const signUrls = createSignedUrlSigner();

  function indexFor(profileId: string): NameIndex {
    let index = indexes.get(profileId);
    if (!index) {
      index = new NameIndex(path.join(core.dataDir, 'profiles', profileId, 'library-index.db'));
      indexes.set(profileId, index);
    }
    return index;
  }

  function parts({ id, client, connection }: ProfileSession): ProfileParts {
    const index = indexFor(id);
    // BrowseService remembers where full listings began, so keep one per client.
    let state = browseState.get(id);
    if (!state || state.client !== client) {
      state = { client, browse: new BrowseService({ client, index }) };
      browseState.set(id, state);
    }
    return {
      browse: state.browse,
      files: new FileOperations({ client, index, urlEndpoint: connection.urlEndpoint }),
      folders: new FolderOperations({ client, index }),
    };
  }

  const handlers: Partial<Handlers> = {
    ...withSessions(core.sessions, {
      'library.list': (session, input, call) => parts(session).browse.list(input, abortSignalOf(call)),
      'library.folders': (session, { folderPath }, call) => parts(session).browse.folders(folderPath, abortSignalOf(call)),
      'library.file': (session, { fileId }, call) => parts(session).browse.file(fileId, abortSignalOf(call)),
      'library.rename': async (session, { filePath, newFileName, purgeCache }) => {
        const renamed = await parts(session).files.rename(filePath, newFileName, purgeCache);
        const fileUrls = [deliveryUrlOf(session.connection.urlEndpoint, filePath)];
        try {
          // With purgeCache ImageKit purged the old URL itself: that request joins the purge history and quota.
          if (renamed.purgeRequestId) recordPurgeSent(core, { profileId: session.id, urls: fileUrls, ikRequestId: renamed.purgeRequestId });
          // Without it the CDN keeps serving the old URL until its copies are purged; offer that.
          if (!purgeCache) await suggestPurge(core, { profileId: session.id, fileUrls, filePath, reason: 'rename' });
        } catch (error) {
          core.log('could not record the purge of a rename', error);
        }
        return renamed;
      },
      'library.transferFiles': (session, { mode, filePaths, destinationPath, includeVersions }) =>
        parts(session).files.transfer(mode, filePaths, destinationPath, includeVersions),
      'library.deleteFiles': (session, { fileIds }) => parts(session).files.delete(fileIds),
      'library.saveOriginals': async (session, { fileIds, directory }) => {
        // Without a folder the originals go to Downloads; a named folder must be one the person chose in
        // our own dialog (or the main process made), never one the window names on its own.
        const into = directory === undefined ? undefined : await core.grants.writableDirectory(directory);
        return parts(session).files.saveOriginals(fileIds, into);
      },
      'library.createFolder': (session, { parentFolderPath, folderName }) => parts(session).folders.create(parentFolderPath, folderName),
      'library.deleteFolder': (session, { folderPath }) => parts(session).folders.delete(folderPath),
      'library.folderCounts': (session, { folderPath }, call) => parts(session).browse.folderCounts(folderPath, abortSignalOf(call)),
      'library.folderJob': (session, input) => parts(session).folders.startJob(input),
      'library.jobStatus': (session, { jobId }) => parts(session).folders.jobStatus(jobId),
      'library.searchNames': (session, { text, folderPath, limit }) => parts(session).browse.searchNames(text, folderPath, limit),
      'library.reindex': (session, _input, call) => parts(session).browse.reindex(abortSignalOf(call)),
      'library.signedUrls': (session, { items }) => signUrls(session, items),
    }),
    // The recent searches live in the local index alone: no key, no client.
    'library.recentSearches': ({ profileId }) => indexFor(core.sessions.idOf(profileId)).recent(),
  };

  return {
    handlers,
    close: () => {
      for (const index of indexes.values()) index.close();
      indexes.clear();
    },
  };
};
