import type ImageKit from '@imagekit/nodejs';
import type { Handlers } from '../../../shared/ipc/index';
import type { CoreServices, FeatureArea, FeatureAreaFactory } from '../app/feature-area';
import { suggestPurge } from '../purge/suggest-purge';
import { embeddedMetadataOf } from './embedded-metadata';
import { FieldsService } from './fields-service';
import { FileEdits } from './file-edits';
import { TagsService } from './tags-service';
import { VersionsService } from './versions-service';

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
 * The editing area's main side (issue 7): versions, tags, custom metadata fields and values,
 * coordinates and embedded metadata, all through each profile's official SDK client. Nothing is
 * kept on disk; the tag vocabulary is cached in memory per client.
 */
export const createEditingArea: FeatureAreaFactory = (core: CoreServices): FeatureArea => {
  const cache = new Map<string, ProfileParts>();

  async function parts(requested: string | undefined): Promise<ProfileParts> {
    const profileId = requested ?? core.profiles.activeId();
    const client = await core.clients.forProfile(profileId);
    const cached = cache.get(profileId);
    if (cached && cached.client === client) return cached;
    const { urlEndpoint } = await core.profiles.connectionOf(profileId);
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

  const handlers: Partial<Handlers> = {
    'editing.versions': async ({ profileId, fileId }) => (await parts(profileId)).versions.list(fileId),
    'editing.versionPixels': async ({ profileId, fileId, versionIds, maxSize }) =>
      (await parts(profileId)).versions.pixels(fileId, versionIds, maxSize),
    'editing.restoreVersion': async ({ profileId, fileId, versionId }) => {
      const p = await parts(profileId);
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
    'editing.deleteVersion': async ({ profileId, fileId, versionId }) => (await parts(profileId)).versions.delete(fileId, versionId),
    'editing.addTags': async ({ profileId, fileIds, tags }) => (await parts(profileId)).tags.addTags(fileIds, tags),
    'editing.removeTags': async ({ profileId, fileIds, tags }) => (await parts(profileId)).tags.removeTags(fileIds, tags),
    'editing.removeAITags': async ({ profileId, fileIds, aiTags }) => (await parts(profileId)).tags.removeAITags(fileIds, aiTags),
    'editing.promoteAITags': async ({ profileId, fileIds, aiTags }) => (await parts(profileId)).tags.promoteAITags(fileIds, aiTags),
    'editing.libraryTags': async ({ profileId }) => (await parts(profileId)).tags.libraryTags(),
    'editing.fields': async ({ profileId, includeDeleted }) => (await parts(profileId)).fields.list(includeDeleted),
    'editing.createField': async ({ profileId, ...body }) => (await parts(profileId)).fields.create(body),
    'editing.updateField': async ({ profileId, id, ...body }) => (await parts(profileId)).fields.update(id, body),
    'editing.deleteField': async ({ profileId, id }) => (await parts(profileId)).fields.delete(id),
    'editing.updateFile': async ({ profileId, fileId, edit }) => {
      const p = await parts(profileId);
      if (edit.tags !== undefined) p.tags.forgetVocabulary();
      return p.edits.update(fileId, edit);
    },
    'editing.updateFiles': async ({ profileId, edits }) => {
      const p = await parts(profileId);
      if (edits.some((e) => e.edit.tags !== undefined)) p.tags.forgetVocabulary();
      return p.edits.updateMany(edits);
    },
    'editing.filesDetails': async ({ profileId, fileIds }) => (await parts(profileId)).edits.details(fileIds),
    'editing.embeddedMetadata': async ({ profileId, fileId }) => embeddedMetadataOf((await parts(profileId)).client, fileId),
  };

  return { handlers, close: () => cache.clear() };
};
