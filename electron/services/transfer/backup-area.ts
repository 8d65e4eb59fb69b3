import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import type { BackupSummaryView } from '../../../shared/ipc/areas/transfer';
import { AppError, type Handlers } from '../../../shared/ipc/index';
import type { CoreServices } from '../app/feature-area';
import type { RetryOptions } from '../upload-queue/retry-policy';
import { BackupActivities } from './backup-activities';
import { backupTree } from './backup';
import { readBackupSource, streamBackupZip } from './backup-zip';
import type { LibraryAccess } from './item-runner';
import { ManifestError, readManifest, type Manifest } from './manifest';
import { baseName, BadPathError, normalizeLibraryPath } from './paths';
import { unpackBackupZip } from './restore-zip';
import type { SourceSnapshot } from './snapshots';
import type { TransferService } from './transfer-service';
import type { TransferPlan } from './types';

/** What the web host's zip routes call (electron/web/archive-endpoints.ts). */
export interface TransferArchives {
  /** A zip backup made ready by `transfer.prepareBackupZip`: its file name, and the stream of it (once). */
  openBackupZip(id: string): { fileName: string; write(out: Writable): Promise<void> };
  /** Unpacks an uploaded backup .zip (refused whole if anything is wrong) and reads its manifest. */
  receiveBackupZip(body: Readable): Promise<BackupSummaryView>;
}

export interface BackupAreaDeps {
  core: CoreServices;
  service: TransferService;
  access(profileId: string): Promise<LibraryAccess>;
  retry: RetryOptions;
  /** Keeps a plan for `transfer.start` and answers its view, as `transfer.plan` does. */
  keepPlan(plan: TransferPlan): ChannelOutput<'transfer.plan'>;
  asAppError(error: unknown, action: string): AppError;
}

/** Unpacked uploads not restored within this long are removed (at the next start). */
const RESTORE_KEEP_MS = 7 * 24 * 60 * 60_000;

function backupName(libraryPath: string): string {
  return `${libraryPath === '/' ? 'library' : baseName(libraryPath)}-backup-${new Date().toISOString().slice(0, 10)}`;
}

function summaryOf(backupId: string, manifest: Manifest): BackupSummaryView {
  return {
    backupId,
    profileName: manifest.source.profileName,
    sourcePath: manifest.source.path,
    createdAt: manifest.createdAt,
    files: manifest.files.length,
    bytes: manifest.files.reduce((sum, f) => sum + f.size, 0),
    versions: manifest.files.reduce((sum, f) => sum + f.versions.length, 0),
    folders: manifest.folders.length,
  };
}

/** A folder the person chose in this process's folder dialog (or dropped): a backup may be read from it. */
async function grantedFolder(core: CoreServices, directory: string): Promise<string> {
  const readable = await core.grants.readable(directory).catch(() => null);
  if (readable && !readable.only) return readable.path;
  return core.grants.writableDirectory(directory).catch(() => {
    throw new AppError('NOT_ALLOWED', `MediaDesk did not read "${directory}": it only restores from a folder you chose in its folder dialog. Choose the backup folder again.`);
  });
}

/**
 * Backup and restore in the app: a folder tree backed up into a folder the person chose (desktop)
 * or streamed as a .zip download (browser), and a backup folder or an uploaded .zip restored through
 * a reviewed plan and a transfer job, so fields, folders and checksums travel as in any transfer.
 */
export function createBackupArea(deps: BackupAreaDeps): { handlers: Partial<Handlers>; archives: TransferArchives; close(): void } {
  const { core, service } = deps;
  const activities = new BackupActivities((view) => core.events.emit('transfer.backupChanged', view));
  const restoresDir = path.join(core.dataDir, 'transfers', 'restores');
  /** Backups that may be restored: a granted folder, or an uploaded zip unpacked under `restoresDir`. */
  const backups = new Map<string, string>();
  /** Zip backups whose tree was read, waiting for their download. */
  const prepared = new Map<string, { snapshot: SourceSnapshot; access: LibraryAccess; profileName: string; versions: boolean; fileName: string }>();

  void (async () => {
    for (const name of await readdir(restoresDir).catch(() => [] as string[])) {
      const dir = path.join(restoresDir, name);
      const info = await stat(dir).catch(() => null);
      if (info && Date.now() - info.mtimeMs > RESTORE_KEEP_MS) await rm(dir, { recursive: true, force: true });
    }
  })().catch((error: unknown) => core.log('could not clear old unpacked backups', error));

  const profileName = async (profileId: string) => (await core.profiles.list()).find((p) => p.id === profileId)?.name ?? profileId;
  const libraryPath = (raw: string) => {
    try {
      return normalizeLibraryPath(raw);
    } catch (error) {
      if (error instanceof BadPathError) throw new AppError('BAD_INPUT', error.message);
      throw error;
    }
  };

  const handlers: Partial<Handlers> = {
    'transfer.backupToFolder': async ({ profileId, path: raw, directory, versions }) => {
      // Only into a folder the person chose in our own dialog; the backup gets a new folder inside it.
      const into = await deps.core.grants.writableDirectory(directory);
      const from = libraryPath(raw);
      const access = await deps.access(profileId);
      const name = await profileName(profileId);
      const destination = path.join(into, backupName(from));
      const { view, signal } = activities.create({ kind: 'folder', state: 'running', profileId, path: from, destination });
      void backupTree({
        source: access,
        profileName: name,
        path: from,
        directory: destination,
        versions,
        cache: service.cache,
        retry: deps.retry,
        signal,
        onProgress: (p) => activities.progress(view.id, { files: { done: p.files, total: p.totalFiles }, bytes: { done: p.bytes, total: p.totalBytes } }),
      }).then(
        (result) => activities.finish(view.id, 'done', `${result.manifest.files.length} files in ${destination} (${result.downloaded} downloaded, ${result.unchanged} already there).`),
        (error: unknown) => {
          if (signal.aborted) return;
          activities.finish(view.id, 'failed', deps.asAppError(error, 'back up the folder').message);
        },
      );
      return view;
    },
    'transfer.prepareBackupZip': async ({ profileId, path: raw, versions }) => {
      const from = libraryPath(raw);
      try {
        const access = await deps.access(profileId);
        const snapshot = await readBackupSource({ source: access, path: from, versions, cache: service.cache, retry: deps.retry });
        const fileName = `${backupName(from)}.zip`;
        const { view } = activities.create({ kind: 'zip', state: 'waiting', profileId, path: from, destination: fileName });
        const totalBytes = snapshot.files.reduce((sum, f) => sum + f.current.size + f.older.reduce((s, v) => s + v.size, 0), 0);
        activities.progress(view.id, { files: { done: 0, total: snapshot.files.length }, bytes: { done: 0, total: totalBytes } });
        prepared.set(view.id, { snapshot, access, profileName: await profileName(profileId), versions, fileName });
        return activities.get(view.id);
      } catch (error) {
        throw deps.asAppError(error, 'read the folder to back up');
      }
    },
    'transfer.backups': () => activities.list(),
    'transfer.cancelBackup': ({ id }) => {
      prepared.delete(id);
      return activities.cancel(id);
    },
    'transfer.inspectBackup': async ({ directory }) => {
      const folder = await grantedFolder(core, directory);
      try {
        const manifest = await readManifest(folder);
        const backupId = randomUUID();
        backups.set(backupId, folder);
        return summaryOf(backupId, manifest);
      } catch (error) {
        if (error instanceof ManifestError) throw new AppError('BAD_INPUT', `${error.message} Nothing was restored.`);
        throw error;
      }
    },
    'transfer.planRestore': async ({ backupId, target, versions, onConflict }) => {
      const directory = backups.get(backupId);
      if (!directory) throw new AppError('NOT_FOUND', 'That backup is no longer open; choose it again.');
      try {
        const plan = await service.plan({ source: { kind: 'directory', directory }, target, mode: 'copy', versions, deleteExtraneous: false, onConflict });
        return deps.keepPlan(plan);
      } catch (error) {
        if (error instanceof ManifestError) throw new AppError('BAD_INPUT', `${error.message} Nothing was restored.`);
        throw deps.asAppError(error, 'plan the restore');
      }
    },
  };

  const archives: TransferArchives = {
    openBackupZip: (id) => {
      const entry = prepared.get(id);
      if (!entry) throw new AppError('NOT_FOUND', 'That backup is not ready to download (it was downloaded already, cancelled, or MediaDesk restarted); start it again.');
      activities.begin(id);
      prepared.delete(id);
      const signal = activities.signalOf(id);
      return {
        fileName: entry.fileName,
        write: async (out) => {
          try {
            const result = await streamBackupZip(
              entry.snapshot,
              {
                source: entry.access,
                profileName: entry.profileName,
                path: entry.snapshot.root,
                versions: entry.versions,
                cache: service.cache,
                retry: deps.retry,
                signal,
                onProgress: (p) => activities.progress(id, { files: { ...activities.get(id).files, done: p.files }, bytes: { ...activities.get(id).bytes, done: p.bytes } }),
              },
              out,
            );
            activities.finish(id, 'done', `${result.files} files in ${entry.fileName}.`);
          } catch (error) {
            if (signal.aborted) return;
            const closed = (error as { code?: string }).code === 'ERR_STREAM_PREMATURE_CLOSE';
            activities.finish(id, closed ? 'cancelled' : 'failed', closed ? 'The browser stopped the download before it ended.' : deps.asAppError(error, 'back up the folder').message);
          }
        },
      };
    },
    receiveBackupZip: async (body) => {
      const backupId = randomUUID();
      const dir = path.join(restoresDir, backupId);
      await mkdir(dir, { recursive: true });
      const zipFile = path.join(dir, 'upload.zip');
      try {
        await pipeline(body, createWriteStream(zipFile, { flags: 'wx' }));
        const { manifest } = await unpackBackupZip(zipFile, path.join(dir, 'backup'));
        backups.set(backupId, path.join(dir, 'backup'));
        return summaryOf(backupId, manifest);
      } catch (error) {
        await rm(dir, { recursive: true, force: true });
        if (error instanceof ManifestError) throw new AppError('BAD_INPUT', error.message);
        throw error;
      } finally {
        await rm(zipFile, { force: true });
      }
    },
  };

  return { handlers, archives, close: () => activities.abortAll() };
}
