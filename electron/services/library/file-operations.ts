import { createWriteStream } from 'node:fs';
import { mkdir, open, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type ReadableWeb from 'node:stream/web';
import type ImageKit from '@imagekit/nodejs';
import { APIError } from '@imagekit/nodejs';
import { apiFolderPath, type OperationOutcome } from '../../../shared/domain/library';
import { AppError } from '../../../shared/ipc/index';
import { toAppError } from '../imagekit/to-app-error';
import type { NameIndex } from './name-index';

/** ImageKit deletes at most 100 files per bulk call. */
const DELETE_BATCH = 100;

export interface FileOperationDeps {
  client: ImageKit;
  index: NameIndex;
  /** The profile's URL endpoint (signing private originals for download). */
  urlEndpoint: string;
  fetch?: typeof fetch;
}

type Outcome = OperationOutcome;

function messageOf(error: unknown, action: string): string {
  return toAppError(error, action).message;
}

/** File operations of the Media API, each reporting per item what worked and what did not. */
export class FileOperations {
  constructor(private readonly deps: FileOperationDeps) {}

  async rename(filePath: string, newFileName: string, purgeCache: boolean): Promise<{ purgeRequestId: string | null }> {
    try {
      const answer = (await this.deps.client.files.rename({ filePath, newFileName, purgeCache })) as { purgeRequestId?: string } | undefined;
      this.deps.index.renamed(filePath, newFileName);
      return { purgeRequestId: answer?.purgeRequestId ?? null };
    } catch (error) {
      throw toAppError(error, `rename ${path.posix.basename(filePath)}`);
    }
  }

  /** Copy or move files one by one (the API takes one source per call). */
  async transfer(mode: 'copy' | 'move', filePaths: string[], destinationFolder: string, includeVersions: boolean): Promise<Outcome> {
    const outcome: Outcome = { succeeded: [], failed: [] };
    const destinationPath = apiFolderPath(destinationFolder);
    for (const sourceFilePath of filePaths) {
      try {
        if (mode === 'copy') await this.deps.client.files.copy({ sourceFilePath, destinationPath, includeFileVersions: includeVersions });
        else await this.deps.client.files.move({ sourceFilePath, destinationPath });
        outcome.succeeded.push(sourceFilePath);
      } catch (error) {
        outcome.failed.push({ item: sourceFilePath, message: messageOf(error, `${mode} ${path.posix.basename(sourceFilePath)}`) });
      }
    }
    // Moved files show up again when their new folder is listed.
    if (mode === 'move') this.deps.index.removeByPaths(outcome.succeeded);
    return outcome;
  }

  /**
   * Bulk delete in batches of 100. ImageKit fails a whole batch when any id is missing (404 with
   * `missingFileIds`): those are reported and the rest of the batch is tried again.
   */
  async delete(fileIds: string[]): Promise<Outcome> {
    const outcome: Outcome = { succeeded: [], failed: [] };
    for (let i = 0; i < fileIds.length; i += DELETE_BATCH) {
      let batch = fileIds.slice(i, i + DELETE_BATCH);
      while (batch.length) {
        try {
          const answer = (await this.deps.client.files.bulk.delete({ fileIds: batch })) as {
            successfullyDeletedFileIds?: string[];
            errors?: { fileId: string; error: string }[];
          };
          outcome.succeeded.push(...(answer.successfullyDeletedFileIds ?? []));
          for (const e of answer.errors ?? []) outcome.failed.push({ item: e.fileId, message: e.error });
          break;
        } catch (error) {
          const missing = error instanceof APIError && error.status === 404 ? missingIds(error) : [];
          const stillThere = batch.filter((id) => !missing.includes(id));
          if (missing.length && stillThere.length < batch.length) {
            for (const id of missing) outcome.failed.push({ item: id, message: 'This file no longer exists.' });
            batch = stillThere;
            continue;
          }
          const message = messageOf(error, 'delete the files');
          for (const id of batch) outcome.failed.push({ item: id, message });
          break;
        }
      }
    }
    this.deps.index.remove(outcome.succeeded);
    this.deps.index.remove(outcome.failed.filter((f) => f.message === 'This file no longer exists.').map((f) => f.item));
    return outcome;
  }

  /** Downloads each original into `directory` (never overwriting: "name (2).jpg"). */
  async saveOriginals(fileIds: string[], directory = path.join(os.homedir(), 'Downloads')): Promise<Outcome & { directory: string }> {
    const outcome: Outcome & { directory: string } = { succeeded: [], failed: [], directory };
    await mkdir(directory, { recursive: true });
    const doFetch = this.deps.fetch ?? fetch;
    for (const fileId of fileIds) {
      try {
        const file = await this.deps.client.files.get(fileId);
        const src = file.isPrivateFile
          ? this.deps.client.helper.buildSrc({ urlEndpoint: this.deps.urlEndpoint, src: file.filePath ?? '', signed: true, expiresIn: 300 })
          : (file.url ?? '');
        const response = await doFetch(src);
        if (!response.ok || !response.body) throw new AppError('UNREACHABLE', `the server answered HTTP ${response.status}`);
        const target = await freeName(directory, file.name ?? fileId);
        try {
          await pipeline(Readable.fromWeb(response.body as ReadableWeb.ReadableStream), createWriteStream(target, { flags: 'w' }));
        } catch (error) {
          await rm(target, { force: true });
          throw error;
        }
        outcome.succeeded.push(target);
      } catch (error) {
        outcome.failed.push({ item: fileId, message: error instanceof AppError && error.code === 'UNREACHABLE' ? `Could not download: ${error.message}` : messageOf(error, 'download the original') });
      }
    }
    return outcome;
  }
}

function missingIds(error: APIError): string[] {
  const body = error.error as { missingFileIds?: unknown } | undefined;
  return Array.isArray(body?.missingFileIds) ? body.missingFileIds.filter((x): x is string => typeof x === 'string') : [];
}

/** Reserves a file name in `directory` that does not exist yet (created empty, exclusively). */
async function freeName(directory: string, name: string): Promise<string> {
  const safe = path.basename(name).replace(/[\\/:*?"<>|]/g, '_') || 'download';
  const ext = path.extname(safe);
  const stem = safe.slice(0, safe.length - ext.length);
  for (let n = 1; n < 10_000; n += 1) {
    const candidate = path.join(directory, n === 1 ? safe : `${stem} (${n})${ext}`);
    try {
      // Created empty and exclusively, so two downloads of the same name never share a file.
      await (await open(candidate, 'wx')).close();
      return candidate;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  throw new AppError('CONFLICT', `Too many files named ${safe} in ${directory}.`);
}
