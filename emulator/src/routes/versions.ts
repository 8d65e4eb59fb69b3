import type { RouteModule } from '../context.js';
import type { EmulatorCore } from '../core.js';
import { badRequest, notFound } from '../http/errors.js';
import { toFileDetails } from '../model/file-details.js';
import type { FileRecord } from '../model/file-record.js';
import { assertFileIdShape, nowIso } from '../store/file-ops.js';
import { currentOr404 } from './files.js';

type VersionParams = { Params: { fileId: string; versionId: string } };

function versionOr404(core: EmulatorCore, fileId: string, versionId: string, message: string): FileRecord {
  currentOr404(core, fileId);
  assertFileIdShape(versionId, 'versionId');
  const version = core.library.version(fileId, versionId);
  if (!version) throw notFound(message);
  return version;
}

/** File versions: list, details, delete (never the current one), restore. */
export const versionRoutes: RouteModule<EmulatorCore> = (app, core) => {
  app.get<{ Params: { fileId: string } }>('/v1/files/:fileId/versions', async (request) => {
    const current = currentOr404(core, request.params.fileId);
    return core.library.versionsOf(current.fileId).map((v) => toFileDetails(v, core.config.urlEndpoint));
  });

  app.get<VersionParams>('/v1/files/:fileId/versions/:versionId', async (request) => {
    const { fileId, versionId } = request.params;
    return toFileDetails(versionOr404(core, fileId, versionId, 'The requested file version does not exist.'), core.config.urlEndpoint);
  });

  app.delete<VersionParams>('/v1/files/:fileId/versions/:versionId', async (request, reply) => {
    const { fileId, versionId } = request.params;
    const version = versionOr404(core, fileId, versionId, 'The requested asset does not exist.');
    if (version.isCurrent) {
      throw badRequest('You cannot delete the current version of a file. Delete the file, or restore another version first.');
    }
    core.library.apply({ deleteVersions: [{ fileId, versionId }] });
    return reply.code(204).send();
  });

  app.put<VersionParams>('/v1/files/:fileId/versions/:versionId/restore', async (request) => {
    const { fileId, versionId } = request.params;
    const version = versionOr404(core, fileId, versionId, 'The requested file version does not exist.');
    const { library } = core;
    if (!version.isCurrent) {
      const current = library.currentById(fileId)!;
      const at = nowIso();
      // The restored version takes the file's current name and place (it may have been renamed or moved since).
      const restored: FileRecord = {
        ...version, isCurrent: true, updatedAt: at,
        name: current.name, filePath: current.filePath, folderPath: current.folderPath,
      };
      library.apply({ putVersions: [{ ...current, isCurrent: false }, restored] });
    }
    return toFileDetails(library.currentById(fileId)!, core.config.urlEndpoint);
  });
};
