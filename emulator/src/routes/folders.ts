import { z } from 'zod';
import type { RouteModule } from '../context.js';
import type { EmulatorCore } from '../core.js';
import { badRequest, IkError } from '../http/errors.js';
import { parseBody } from '../http/body.js';
import { normalizeFolderPath, sanitizeFolderName } from '../model/paths.js';
import { missingFolders } from '../store/file-ops.js';
import { assertFolderUnlocked } from './bulk-jobs.js';

const createSchema = z.object({ folderName: z.string(), parentFolderPath: z.string() });
const deleteSchema = z.object({ folderPath: z.string() });

/** Folder create (`POST /v1/folder`) and recursive delete (`DELETE /v1/folder`). */
export const folderRoutes: RouteModule<EmulatorCore> = (app, core) => {
  app.post('/v1/folder', async (request, reply) => {
    const body = parseBody(createSchema, request.body);
    const name = sanitizeFolderName(body.folderName);
    const parent = normalizeFolderPath(body.parentFolderPath, 'parentFolderPath');
    const { library } = core;
    // Creating a folder that exists is a no-op; missing parents are created too.
    library.apply({ putFolders: missingFolders(library, `${parent}${name}/`) });
    return reply.code(201).send();
  });

  app.delete('/v1/folder', async (request, reply) => {
    const body = parseBody(deleteSchema, request.body);
    const folderPath = normalizeFolderPath(body.folderPath, 'folderPath');
    if (folderPath === '/') throw badRequest('folderPath cannot be root.');
    const { library } = core;
    const folder = library.folder(folderPath);
    if (!folder) throw new IkError(404, `No folder found with folderPath ${folderPath}`, { reason: 'FOLDER_NOT_FOUND' });
    assertFolderUnlocked(core, folderPath);
    const files = library.filesIn(folderPath, true);
    library.apply({
      deleteVersions: files.flatMap((f) => library.versionsOf(f.fileId).map((v) => ({ fileId: v.fileId, versionId: v.versionId }))),
      deleteFolders: [folderPath, ...library.foldersIn(folderPath, true).map((f) => f.folderPath)],
    });
    return reply.code(204).send();
  });
};
