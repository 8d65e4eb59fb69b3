import type ImageKit from '@imagekit/nodejs';
import { apiFolderPath, folderName, type BulkJobStatus } from '../../../shared/domain/library';
import type { ParsedInput } from '../../../shared/ipc/contract';
import { toAppError } from '../imagekit/to-app-error';
import type { NameIndex } from './name-index';

export interface FolderOperationDeps {
  client: ImageKit;
  index: NameIndex;
}

/** Folder create/delete, and copy/move/rename, which ImageKit runs as bulk jobs. */
export class FolderOperations {
  constructor(private readonly deps: FolderOperationDeps) {}

  async create(parentFolderPath: string, name: string): Promise<Record<string, never>> {
    try {
      await this.deps.client.folders.create({ folderName: name, parentFolderPath: apiFolderPath(parentFolderPath) });
    } catch (error) {
      throw toAppError(error, `create the folder ${name}`);
    }
    return {};
  }

  async delete(folderPath: string): Promise<Record<string, never>> {
    try {
      await this.deps.client.folders.delete({ folderPath: apiFolderPath(folderPath) });
    } catch (error) {
      throw toAppError(error, `delete the folder ${folderName(folderPath)}`);
    }
    this.deps.index.removeFolder(folderPath);
    return {};
  }

  async startJob(input: ParsedInput<'library.folderJob'>): Promise<{ jobId: string }> {
    const source = apiFolderPath(input.sourceFolderPath);
    try {
      switch (input.action) {
        case 'copy':
          return await this.deps.client.folders.copy({ sourceFolderPath: source, destinationPath: apiFolderPath(input.destinationPath), includeVersions: input.includeVersions });
        case 'move': {
          const job = await this.deps.client.folders.move({ sourceFolderPath: source, destinationPath: apiFolderPath(input.destinationPath) });
          this.deps.index.removeFolder(input.sourceFolderPath);
          return job;
        }
        case 'rename': {
          const job = await this.deps.client.folders.rename({ folderPath: source, newFolderName: input.newFolderName, purgeCache: input.purgeCache });
          this.deps.index.removeFolder(input.sourceFolderPath);
          return job;
        }
      }
    } catch (error) {
      throw toAppError(error, `${input.action} the folder ${folderName(input.sourceFolderPath)}`);
    }
  }

  async jobStatus(jobId: string): Promise<BulkJobStatus> {
    try {
      const job = (await this.deps.client.folders.job.get(jobId)) as { jobId?: string; type?: string; status?: string; message?: string };
      const status = job.status ?? 'Pending';
      return { jobId: job.jobId ?? jobId, type: job.type ?? '', status, done: status !== 'Pending', message: job.message ?? null };
    } catch (error) {
      throw toAppError(error, 'check the folder job');
    }
  }
}
