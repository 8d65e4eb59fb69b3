import { z } from 'zod';
import type { RouteModule } from '../context.js';
import { badRequest, IkError, notFound } from '../http/errors.js';
import { parseBody } from '../http/body.js';
import { deliveryUrl } from '../model/file-details.js';
import { newObjectId } from '../model/ids.js';
import { folderNameOf, normalizeFolderPath, parentFolder, sanitizeFolderName } from '../model/paths.js';
import { runInBackground, type EmulatorCore } from '../core.js';
import { transferFolder, type FolderJobKind } from '../store/folder-transfer.js';
import { getJob, pendingJobs, saveJob, type BulkJob } from '../store/jobs-repo.js';
import { recordPurge } from './purge-store.js';

const copySchema = z.object({ sourceFolderPath: z.string(), destinationPath: z.string(), includeVersions: z.boolean().optional() });
const moveSchema = z.object({ sourceFolderPath: z.string(), destinationPath: z.string() });
const renameSchema = z.object({ folderPath: z.string(), newFolderName: z.string(), purgeCache: z.boolean().optional() });

const overlaps = (a: string, b: string) => a.startsWith(b) || b.startsWith(a);

/** ImageKit's 423 when a running job works on a folder that `folderPath` contains or lies in. */
export function assertFolderUnlocked(core: EmulatorCore, folderPath: string): void {
  for (const l of core.lockedFolders) {
    if (overlaps(l, folderPath)) throw new IkError(423, 'A bulk job is running on given folder path, please try after sometime.');
  }
}

/** Folder copy/move/rename as bulk jobs, and `GET /v1/bulkJobs/{jobId}`. */
export const bulkJobRoutes: RouteModule<EmulatorCore> = (app, core) => {
  // Jobs a crash interrupted never applied (each job is one transaction): run them again.
  for (const job of pendingJobs(core.db)) start(core, job);

  app.post('/v1/bulkJobs/copyFolder', async (request) => {
    const body = parseBody(copySchema, request.body);
    const { source, newRoot } = validateTransfer(core, body.sourceFolderPath, body.destinationPath, 'COPY_FOLDER');
    return { jobId: submit(core, 'COPY_FOLDER', { source, newRoot, includeVersions: body.includeVersions ?? false }) };
  });

  app.post('/v1/bulkJobs/moveFolder', async (request) => {
    const body = parseBody(moveSchema, request.body);
    const { source, newRoot } = validateTransfer(core, body.sourceFolderPath, body.destinationPath, 'MOVE_FOLDER');
    return { jobId: submit(core, 'MOVE_FOLDER', { source, newRoot, includeVersions: true }) };
  });

  app.post('/v1/bulkJobs/renameFolder', async (request, reply) => {
    const body = parseBody(renameSchema, request.body);
    const source = normalizeFolderPath(body.folderPath, 'folderPath');
    if (source === '/') throw badRequest('folderPath cannot be root.');
    if (!core.library.folder(source)) throw notFound('Source folder not found.');
    const name = sanitizeFolderName(body.newFolderName, 'newFolderName');
    const newRoot = `${parentFolder(source)}${name}/`;
    if (newRoot === source) throw badRequest('newFolderName cannot be the same as the current folder name.');
    if (core.library.folder(newRoot)) {
      throw new IkError(409, `Folder with name ${name} already exists at the same location.`);
    }
    assertFolderUnlocked(core, source);
    const purgeUrl = body.purgeCache ? `${deliveryUrl(core.config.urlEndpoint, source)}*` : undefined;
    return reply.code(202).send({ jobId: submit(core, 'RENAME_FOLDER', { source, newRoot, includeVersions: true, purgeUrl }) });
  });

  app.get<{ Params: { jobId: string } }>('/v1/bulkJobs/:jobId', async (request) => {
    const job = getJob(core.db, request.params.jobId);
    if (!job) throw notFound('The requested job does not exist.');
    return { jobId: job.jobId, type: job.type, status: job.status, ...(job.purgeRequestId ? { purgeRequestId: job.purgeRequestId } : {}) };
  });
};

function validateTransfer(core: EmulatorCore, rawSource: string, rawDest: string, kind: FolderJobKind) {
  const source = normalizeFolderPath(rawSource, 'sourceFolderPath');
  const dest = normalizeFolderPath(rawDest, 'destinationPath');
  const { library } = core;
  if (source === '/') throw badRequest('sourceFolderPath cannot be root.');
  if (!library.folder(source)) {
    throw new IkError(404, `No files & folder found at sourceFolderPath ${source}`, { reason: 'NO_FILES_FOLDER' });
  }
  const newRoot = `${dest}${folderNameOf(source)}/`;
  if (source === dest || newRoot === source) throw badRequest('sourceFolderPath and destinationPath is same.');
  if (dest.startsWith(source)) {
    throw badRequest(kind === 'MOVE_FOLDER' ? 'Parent folder cannot be moved into child folder.' : 'A folder cannot be copied into itself.');
  }
  assertFolderUnlocked(core, source);
  assertFolderUnlocked(core, newRoot);
  return { source, newRoot };
}

function submit(core: EmulatorCore, type: FolderJobKind, request: BulkJob['request']): string {
  const job: BulkJob = { jobId: newObjectId(), type, status: 'Pending', request };
  saveJob(core.db, job);
  start(core, job);
  return job.jobId;
}

function start(core: EmulatorCore, job: BulkJob): void {
  const { source, newRoot } = job.request;
  const locked = core.lockedFolders;
  locked.add(source);
  locked.add(newRoot);
  runInBackground(core, async () => {
    try {
      const { library } = core;
      // The job's effect, its purge request and its Completed status commit in one transaction.
      const complete = () => {
        const purgeRequestId = job.request.purgeUrl ? recordPurge(core.db, job.request.purgeUrl, core).requestId : undefined;
        saveJob(core.db, { ...job, status: 'Completed', ...(purgeRequestId ? { purgeRequestId } : {}) });
      };
      if (library.folder(source)) transferFolder(library, job.type, source, newRoot, job.request.includeVersions, complete);
      else core.db.transaction(complete)();
    } finally {
      locked.delete(source);
      locked.delete(newRoot);
    }
  });
}
