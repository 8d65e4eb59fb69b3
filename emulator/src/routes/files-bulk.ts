import type { RouteModule } from '../context.js';
import type { EmulatorCore } from '../core.js';
import { badRequest, notFound } from '../http/errors.js';
import type { FileRecord } from '../model/file-record.js';
import { deleteFileChange, nowIso } from '../store/file-ops.js';
import { assertTagBudget, MAX_TAG_CHARACTERS, withinTagBudget } from './tag-limits.js';
import type { LibraryChange } from '../store/library.js';

type Body = Record<string, unknown>;

/** `fileIds` checks with the messages ImageKit's spec lists for bulk operations. */
function fileIdsOf(body: Body, max: number): string[] {
  const ids = body.fileIds;
  if (ids === undefined) throw badRequest('fileIds parameter is missing.');
  if (!Array.isArray(ids)) throw badRequest('fileIds should be an Array.');
  if (ids.length === 0) throw badRequest('fileIds is empty.');
  if (ids.length > max) throw badRequest(`fileIds cannot have more than ${max} items.`);
  if (!ids.every((id) => typeof id === 'string' && id.length > 0)) throw badRequest('fileIds should be an Array of non-empty strings.');
  return [...new Set(ids as string[])];
}

function stringList(body: Body, name: string): string[] {
  const v = body[name];
  if (v === undefined) throw badRequest(`${name} parameter is missing.`);
  if (!Array.isArray(v)) throw badRequest(`${name} should be an Array.`);
  if (v.length === 0) throw badRequest(`${name} is empty.`);
  if (!v.every((t) => typeof t === 'string' && t.trim().length > 0)) throw badRequest(`${name} should be an Array of non-empty strings.`);
  if (name === 'tags' && v.some((t: string) => t.includes('%'))) throw badRequest("tags cannot contain '%'.");
  const values = (v as string[]).map((t) => t.trim());
  assertTagBudget(values, name);
  return values;
}

/** All-or-nothing: any unknown id fails the whole operation with `missingFileIds`. */
function currentAll(core: EmulatorCore, ids: string[]): FileRecord[] {
  const { library } = core;
  const missing = ids.filter((id) => !library.currentById(id));
  if (missing.length > 0) throw notFound('The requested file(s) does not exist.', { missingFileIds: missing });
  return ids.map((id) => library.currentById(id)!);
}

function bodyOf(raw: unknown): Body {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw badRequest('Your request body must be a JSON object.');
  return raw as Body;
}

/** Bulk delete and bulk tag operations. */
export const bulkFileRoutes: RouteModule<EmulatorCore> = (app, core) => {
  app.post('/v1/files/batch/deleteByFileIds', async (request) => {
    const ids = fileIdsOf(bodyOf(request.body), 100);
    const { library } = core;
    currentAll(core, ids);
    const change: LibraryChange = { deleteVersions: ids.flatMap((id) => deleteFileChange(library, id).deleteVersions ?? []) };
    library.apply(change);
    return { successfullyDeletedFileIds: ids };
  });

  const retag = (path: string, listName: string, edit: (r: FileRecord, values: string[]) => FileRecord) => {
    app.post(path, async (request) => {
      const body = bodyOf(request.body);
      const ids = fileIdsOf(body, 50);
      const values = stringList(body, listName);
      const files = currentAll(core, ids);
      const at = nowIso();
      core.library.apply({ putVersions: files.map((r) => ({ ...edit(r, values), updatedAt: at })) });
      return { successfullyUpdatedFileIds: ids };
    });
  };
  retag('/v1/files/addTags', 'tags', (r, tags) => {
    const merged = [...new Set([...(r.tags ?? []), ...tags])];
    if (!withinTagBudget(merged)) {
      throw badRequest(`Your request contains invalid tags parameter. File ${r.fileId} would have more than ${MAX_TAG_CHARACTERS} characters of tags; remove some first.`);
    }
    return { ...r, tags: merged };
  });
  retag('/v1/files/removeTags', 'tags', (r, tags) => {
    const kept = (r.tags ?? []).filter((t) => !tags.includes(t));
    return { ...r, tags: kept.length === 0 ? null : kept };
  });
  retag('/v1/files/removeAITags', 'AITags', (r, names) => {
    const kept = (r.aiTags ?? []).filter((t) => !names.includes(t.name));
    return { ...r, aiTags: kept.length === 0 ? null : kept };
  });
};
