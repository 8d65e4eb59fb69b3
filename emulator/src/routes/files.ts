import { z } from 'zod';
import type { RouteModule } from '../context.js';
import { badRequest } from '../http/errors.js';
import { parseBody } from '../http/body.js';
import { toFileDetails } from '../model/file-details.js';
import type { FileRecord } from '../model/file-record.js';
import { runInBackground, type EmulatorCore } from '../core.js';
import { assertFileIdShape, deleteFileChange, notFoundFile, nowIso } from '../store/file-ops.js';
import { assertValidCustomMetadata } from './custom-metadata-check.js';
import { extensionStatusOf, notifyWebhook, parseExtensions } from './extensions.js';
import { parseCustomCoordinates } from './upload-options.js';
import { TAG_BUDGET_RULE, withinTagBudget } from './tag-limits.js';

const tagList = z
  .array(z.string().min(1, 'tags must not be empty strings').refine((t) => !t.includes('%'), "tags cannot contain '%'"))
  .refine(withinTagBudget, `tags can be ${TAG_BUDGET_RULE}`);

const updateSchema = z.object({
  removeAITags: z.union([z.array(z.string()).refine(withinTagBudget, `AI tag names can be ${TAG_BUDGET_RULE}`), z.literal('all')]).optional(),
  webhookUrl: z.string().regex(/^https?:\/\/\S+$/i, 'must be an http(s) URL').optional(),
  extensions: z.unknown().optional(),
  tags: tagList.nullable().optional(),
  customCoordinates: z.string().nullable().optional(),
  customMetadata: z.record(z.string(), z.unknown()).optional(),
  description: z.string().optional(),
});

const publishSchema = z.object({
  publish: z.object({ isPublished: z.boolean(), includeFileVersions: z.boolean().optional() }),
});

/** Details, update and delete of one file: `/v1/files/{fileId}/details`, `/v1/files/{fileId}`. */
export const fileRoutes: RouteModule<EmulatorCore> = (app, core) => {
  app.get<{ Params: { fileId: string } }>('/v1/files/:fileId/details', async (request) => {
    return toFileDetails(currentOr404(core, request.params.fileId), core.config.urlEndpoint);
  });

  app.patch<{ Params: { fileId: string } }>('/v1/files/:fileId/details', async (request) => {
    const current = currentOr404(core, request.params.fileId);
    const body = request.body;
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      throw badRequest('Your request body must be a JSON object.');
    }
    if ('publish' in body) {
      if (Object.keys(body).length > 1) throw badRequest('Your request contains publish together with other updates. Send publish alone.');
      return publish(core, current, parseBody(publishSchema, body).publish);
    }
    return update(core, current, parseBody(updateSchema, body));
  });

  app.delete<{ Params: { fileId: string } }>('/v1/files/:fileId', async (request, reply) => {
    const current = currentOr404(core, request.params.fileId);
    const { library } = core;
    library.apply(deleteFileChange(library, current.fileId));
    return reply.code(204).send();
  });
};

export function currentOr404(core: EmulatorCore, fileId: string): FileRecord {
  assertFileIdShape(fileId);
  const current = core.library.currentById(fileId);
  if (!current) throw notFoundFile();
  return current;
}

function publish(core: EmulatorCore, current: FileRecord, p: { isPublished: boolean; includeFileVersions?: boolean }) {
  const { library } = core;
  const at = nowIso();
  const targets = p.includeFileVersions ? library.versionsOf(current.fileId) : [current];
  const updated = targets.map((v) => ({ ...v, isPublished: p.isPublished, updatedAt: at }));
  library.apply({ putVersions: updated });
  return toFileDetails(library.currentById(current.fileId)!, core.config.urlEndpoint);
}

function update(core: EmulatorCore, current: FileRecord, body: z.infer<typeof updateSchema>) {
  const { library } = core;
  const extensions = parseExtensions(body.extensions);
  if (body.customMetadata) assertValidCustomMetadata(core.db, body.customMetadata);
  const next: FileRecord = { ...current, updatedAt: nowIso() };
  if (body.removeAITags !== undefined) {
    const remove = body.removeAITags;
    const kept = remove === 'all' ? [] : (current.aiTags ?? []).filter((t) => !remove.includes(t.name));
    next.aiTags = kept.length === 0 ? null : kept;
  }
  if (body.tags !== undefined) next.tags = body.tags === null || body.tags.length === 0 ? null : [...new Set(body.tags)];
  if (body.customCoordinates !== undefined) {
    next.customCoordinates = body.customCoordinates === null ? null : parseCustomCoordinates(body.customCoordinates);
  }
  if (body.customMetadata) {
    // Built with fromEntries (own data properties), so a `__proto__` key stays an ordinary key.
    const changes = body.customMetadata;
    const kept = Object.entries(current.customMetadata).filter(([k]) => !Object.hasOwn(changes, k));
    const set = Object.entries(changes).filter(([, v]) => v !== null);
    next.customMetadata = Object.fromEntries([...kept, ...set]);
  }
  if (body.description !== undefined) next.description = body.description;
  library.apply({ putVersions: [next] });
  const details = toFileDetails(next, core.config.urlEndpoint);
  const extensionStatus = extensionStatusOf(extensions);
  if (extensionStatus) {
    details.extensionStatus = extensionStatus;
    if (body.webhookUrl) {
      const url = body.webhookUrl;
      runInBackground(core, () => notifyWebhook(url, next, extensionStatus, core.outbound));
    }
  }
  return details;
}
