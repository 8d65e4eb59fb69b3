import { z } from 'zod';
import type { RouteModule } from '../context.js';
import type { EmulatorCore } from '../core.js';
import { badRequest, IkError } from '../http/errors.js';
import { parseBody } from '../http/body.js';
import { deliveryUrl } from '../model/file-details.js';
import type { FileRecord } from '../model/file-record.js';
import { normalizeFilePath, normalizeFolderPath, sanitizeFileName } from '../model/paths.js';
import { nowIso } from '../store/file-ops.js';
import { TransferPlan } from '../store/transfer.js';
import { recordPurge } from './purge-store.js';

const copySchema = z.object({
  sourceFilePath: z.string().min(1),
  destinationPath: z.string().min(1),
  includeFileVersions: z.boolean().optional(),
});
const moveSchema = copySchema.omit({ includeFileVersions: true });
const renameSchema = z.object({ filePath: z.string().min(1), newFileName: z.string().min(1), purgeCache: z.boolean().optional() });

const MISSING = { reason: 'MISSING_PARAMETER' };

function sourceOr404(core: EmulatorCore, rawPath: string, reason: string): FileRecord {
  const filePath = withReason(() => normalizeFilePath(rawPath, 'sourceFilePath'));
  const source = core.library.currentByPath(filePath);
  if (!source) throw new IkError(404, `No file found with filePath ${filePath}`, { reason });
  return source;
}

/** Path errors in copy/move carry `reason: INVALID_FOLDER_PATH` as ImageKit's do. */
function withReason<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof IkError && err.status === 400 && !err.extra.reason) {
      throw badRequest(err.message, { ...err.extra, reason: 'INVALID_FOLDER_PATH' });
    }
    throw err;
  }
}

/** Copy, move and rename of single files. */
export const copyMoveRenameRoutes: RouteModule<EmulatorCore> = (app, core) => {
  app.post('/v1/files/copy', async (request, reply) => {
    const body = parseBody(copySchema, request.body, MISSING);
    const source = sourceOr404(core, body.sourceFilePath, 'SOURCE_FILE_MISSING');
    const dest = withReason(() => normalizeFolderPath(body.destinationPath, 'destinationPath'));
    if (dest === source.folderPath) {
      throw badRequest('sourceFilePath and destinationPath cannot be the same folder.', { reason: 'SAME_SOURCE_AND_DESTINATION' });
    }
    const plan = new TransferPlan(core.library, nowIso());
    plan.copy(source, dest, body.includeFileVersions ?? false);
    plan.apply();
    return reply.code(204).send();
  });

  app.post('/v1/files/move', async (request, reply) => {
    const body = parseBody(moveSchema, request.body, MISSING);
    const source = sourceOr404(core, body.sourceFilePath, 'SOURCE_FILE_MISSING');
    const dest = withReason(() => normalizeFolderPath(body.destinationPath, 'destinationPath'));
    if (dest === source.folderPath) {
      throw badRequest('sourceFilePath and destinationPath cannot be the same folder.', { reason: 'SAME_SOURCE_AND_DESTINATION' });
    }
    const plan = new TransferPlan(core.library, nowIso());
    plan.move(source, dest);
    plan.apply();
    return reply.code(204).send();
  });

  app.put('/v1/files/rename', async (request) => {
    const body = parseBody(renameSchema, request.body, MISSING);
    const filePath = normalizeFilePath(body.filePath, 'filePath');
    const { library } = core;
    const source = library.currentByPath(filePath);
    if (!source) throw new IkError(404, `No file found with filePath ${filePath}`, { reason: 'FILE_MISSING' });
    const newName = sanitizeFileName(body.newFileName, 'newFileName');
    if (newName === source.name) throw badRequest('newFileName cannot be the same as its existing name.', { reason: 'SAME_NAME' });
    if (library.currentByPath(source.folderPath + newName)) {
      throw new IkError(409, `File with name ${newName} already exists at the same location.`, { reason: 'FILE_ALREADY_EXISTS' });
    }
    const oldUrl = deliveryUrl(core.config.urlEndpoint, source.filePath);
    const plan = new TransferPlan(library, nowIso());
    plan.rename(source, newName);
    plan.apply();
    if (!body.purgeCache) return {};
    const { requestId } = recordPurge(core.db, `${oldUrl}*`, core);
    return { purgeRequestId: requestId };
  });
};
