import type ImageKit from '@imagekit/nodejs';
import type { Handlers } from '../../../shared/ipc/index';
import type { CoreServices, FeatureArea, FeatureAreaFactory } from '../app/feature-area';
import { suggestPurge } from '../purge/suggest-purge';
import { embeddedMetadataOf } from './embedded-metadata';
import { FieldsService } from './fields-service';
import { FileEdits } from './file-edits';
import { TagsService } from './tags-service';
import { VersionsService } from './versions-service';
import type { ProfileSession } from '../sessions/profile-sessions';
import { withSessions } from '../sessions/session-handlers';

interface ProfileParts {
  profileId: string;
  client: ImageKit;
  versions: VersionsService;
  tags: TagsService;
  fields: FieldsService;
  edits: FileEdits;
}

/** The file's URL without `?updatedAt=…`: what a CDN purge names. */
function purgeableUrl(url: string): string {
  const parsed = new URL(url);
  parsed.search = '';
  return parsed.toString();
}

/**
 * The editing area's main side: versions, tags, custom metadata fields and values,
 * coordinates and embedded metadata, all through each profile's official SDK client. Nothing is
 * kept on disk; the tag vocabulary is cached in memory per client.
 */
export const createEditingArea: FeatureAreaFactory = (core: CoreServices): FeatureArea => {
  const cache = new Map<string, ProfileParts>();

  function parts({ id: profileId, client, connection }: ProfileSession): ProfileParts {
    const cached = cache.get(profileId);
    if (cached && cached.client === client) return cached;
    const { urlEndpoint } = connection;
    const fields = new FieldsService(client);
    const fresh: ProfileParts = {
      profileId,
      client,
      versions: new VersionsService({ client, urlEndpoint }),
      tags: new TagsService({ client }),
      fields,
      edits: new FileEdits(client, fields),
    };
    cache.set(profileId, fresh);
    return fresh;
  }

  const handlers: Partial<Handlers> = withSessions(core.sessions, {
    'editing.versions': (session, { fileId }) => parts(session).versions.list(fileId),
    'editing.versionPixels': (session, { fileId, versionIds, maxSize }) =>
      parts(session).versions.pixels(fileId, versionIds, maxSize),
    'editing.restoreVersion': async (session, { fileId, versionId }) => {
      const p = parts(session);
      const file = await p.versions.restore(fileId, versionId);
      // The CDN may keep serving the replaced bytes: record a suggestion the UI offers right away.
      const purgeUrls = [purgeableUrl(file.url)];
      let purgeSuggestionId: string | null = null;
      try {
        const suggestion = await suggestPurge(core, { profileId: p.profileId, fileUrls: purgeUrls, reason: 'restore', filePath: file.filePath });
        purgeSuggestionId = suggestion?.id ?? null;
      } catch (error) {
        core.log('editing: could not record a purge suggestion after a restore', error);
      }
      return { file, purgeSuggestionId, purgeUrls };
    },
    'editing.deleteVersion': (session, { fileId, versionId }) => parts(session).versions.delete(fileId, versionId),
    'editing.addTags': (session, { fileIds, tags }) => parts(session).tags.addTags(fileIds, tags),
    'editing.removeTags': (session, { fileIds, tags }) => parts(session).tags.removeTags(fileIds, tags),
    'editing.removeAITags': (session, { fileIds, aiTags }) => parts(session).tags.removeAITags(fileIds, aiTags),
    'editing.promoteAITags': (session, { fileIds, aiTags }) => parts(session).tags.promoteAITags(fileIds, aiTags),
    'editing.libraryTags': (session) => parts(session).tags.libraryTags(),
    'editing.fields': (session, { includeDeleted }) => parts(session).fields.list(includeDeleted),
    // The profile was resolved into the session; the field's own properties go to ImageKit.
    'editing.createField': (session, { profileId: _profileId, ...body }) => parts(session).fields.create(body),
    'editing.updateField': (session, { profileId: _profileId, id, ...body }) => parts(session).fields.update(id, body),
    'editing.deleteField': (session, { id }) => parts(session).fields.delete(id),
    'editing.updateFile': async (session, { fileId, edit }) => {
      const p = parts(session);
      if (edit.tags !== undefined) p.tags.forgetVocabulary();
      return p.edits.update(fileId, edit);
    },
    'editing.updateFiles': async (session, { edits }) => {
      const p = parts(session);
      if (edits.some((e) => e.edit.tags !== undefined)) p.tags.forgetVocabulary();
      return p.edits.updateMany(edits);
    },
    'editing.filesDetails': (session, { fileIds }) => parts(session).edits.details(fileIds),
    'editing.embeddedMetadata': (session, { fileId }) => embeddedMetadataOf(session.client, fileId),
  });

  return { handlers, close: () => cache.clear() };
};
