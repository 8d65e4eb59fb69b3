// The uploads feature area (the app's side of uploading): one durable queue per profile, staged bytes from the
// window, option defaults, the custom-metadata check and the near-duplicate check.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { CoreServices, FeatureAreaFactory } from '../app/feature-area';
import { AppError } from '../../../shared/ipc/index';
import type { UploadSource } from '../../../shared/domain/uploads';
import { expandSources, type UploadSource as QueueSource } from '../upload-queue/source-expander';
import { sanitizeFolder } from '../upload-queue/library-probe';
import { checkCustomMetadata, toBatchOptions } from './batch-options';
import { listMetadataFields } from './metadata-fields';
import { suggestPurge } from '../purge/suggest-purge';
import { ProfileUploads } from './profile-uploads';
import type { UploadQueueOptions } from '../upload-queue/upload-queue';
import { warmHasher, type Candidate } from './near-duplicates';
import { errorMessage } from '../../../shared/error-message';

export interface UploadsAreaOptions {
  /** Queue tuning (tests shorten retry waits). */
  queue?: Omit<UploadQueueOptions, 'concurrency'>;
}

export function profileDir(dataDir: string, profileId: string): string {
  return path.join(dataDir, 'profiles', profileId);
}

function asBadInput(error: unknown): never {
  if (error instanceof AppError) throw error;
  throw new AppError('BAD_INPUT', errorMessage(error));
}

export function uploadsAreaWith(options: UploadsAreaOptions = {}): FeatureAreaFactory {
  return async (core: CoreServices) => {
    const perProfile = new Map<string, ProfileUploads>();

    const open = (profileId: string): ProfileUploads => {
      let uploads = perProfile.get(profileId);
      if (!uploads) {
        uploads = new ProfileUploads(
          profileId,
          profileDir(core.dataDir, profileId),
          async () => (await core.sessions.resolve(profileId)).client,
          {
            item: (item) => {
              core.events.emit('uploads.item', { profileId, item });
              // A replaced file keeps its URL, so CDN copies of the old picture live on until purged.
              if (item.state === 'done' && item.conflictChoice === 'replace' && item.result?.url) {
                const { url, filePath } = item.result;
                void suggestPurge(core, { profileId, fileUrls: [url], filePath, reason: 'overwrite' }).catch((error: unknown) =>
                  core.log('could not suggest a purge after an overwrite', error),
                );
              }
            },
            progress: (progress) => core.events.emit('uploads.progress', { profileId, progress }),
            total: (total) => core.events.emit('uploads.total', { profileId, total }),
            batchDone: (summary) => core.events.emit('uploads.batchDone', { profileId, summary }),
            log: core.log,
          },
          options.queue,
        );
        perProfile.set(profileId, uploads);
      }
      return uploads;
    };

    const forInput = async (input: { profileId?: string } | undefined): Promise<ProfileUploads> => {
      const profileId = core.sessions.idOf(input?.profileId);
      if (!perProfile.has(profileId)) await core.profiles.get(profileId); // NOT_FOUND for an unknown profile
      return open(profileId);
    };

    // Unfinished uploads of earlier runs (a crash, a quit) resume at start, whichever profile is open.
    for (const profile of await core.profiles.list()) {
      if (existsSync(path.join(profileDir(core.dataDir, profile.id), 'uploads.db'))) open(profile.id);
    }

    const toQueueSources = async (uploads: ProfileUploads, sources: UploadSource[]): Promise<QueueSource[]> => {
      const group = uploads.staging.newGroupId(); // the incoming files of one batch are one drop
      return Promise.all(
        sources.map(async (s): Promise<QueueSource> => {
          if (s.kind === 'incoming') return uploads.reserve(s.relativePath, s.size, group);
          if (s.kind === 'staged') return { kind: 'path', path: await uploads.staging.resolve(s.stagedId) };
          if (s.kind === 'url') return { kind: 'url', url: s.url, ...(s.fileName ? { fileName: s.fileName } : {}) };
          // A path is read only if this process handed it to the window (a drop or the file picker in Electron).
          const granted = await core.grants.readable(s.path);
          return { kind: 'path', path: granted.path, ...(granted.only ? { only: granted.only } : {}) };
        }),
      );
    };

    const fieldsOf = async (profileId: string) => listMetadataFields((await core.sessions.resolve(profileId)).client);

    return {
      handlers: {
        'uploads.add': async (input) => {
          const uploads = await forInput(input);
          checkCustomMetadata(input.options.customMetadata, await (Object.keys(input.options.customMetadata).length ? fieldsOf(uploads.profileId) : []));
          const sources = await toQueueSources(uploads, input.sources);
          return uploads
            .add({ sources, targetFolder: input.targetFolder, options: toBatchOptions(input.options), batchId: input.batchId, more: input.more })
            .catch(asBadInput);
        },
        'uploads.stage.begin': async (input) => (await forInput(input)).staging.begin(input.relativePath, input.size, input.groupId),
        'uploads.stage.chunk': async (input) => ({ received: await (await forInput(input)).staging.chunk(input.stagedId, input.offset, input.data) }),
        'uploads.stage.end': async (input) => {
          const uploads = await forInput(input);
          const size = await uploads.staging.end(input.stagedId);
          await uploads.arrived(input.stagedId);
          return { size };
        },
        'uploads.stage.discard': async (input) => {
          const uploads = await forInput(input);
          await uploads.staging.discard(input.id);
          uploads.notArrived(input.id, 'the window stopped sending it');
          return {};
        },
        'uploads.list': async (input) => (await forInput(input)).list(),
        'uploads.pause': async (input) => {
          const q = await (await forInput(input)).current();
          if (input.itemId !== undefined) q.pause(input.itemId);
          else q.pauseAll(input.batchId);
          return {};
        },
        'uploads.resume': async (input) => {
          const q = await (await forInput(input)).current();
          if (input.itemId !== undefined) q.resume(input.itemId);
          else q.resumeAll(input.batchId);
          return {};
        },
        'uploads.cancel': async (input) => {
          const q = await (await forInput(input)).current();
          if (input.itemId !== undefined) q.cancel(input.itemId);
          else q.cancelAll(input.batchId);
          return {};
        },
        'uploads.retry': async (input) => {
          const q = await (await forInput(input)).current();
          const ids =
            input.itemId !== undefined
              ? [input.itemId]
              : q.items({ batchId: input.batchId, states: ['failed', 'cancelled'] }).map((it) => it.id);
          for (const id of ids) q.retryItem(id);
          return {};
        },
        'uploads.resolveConflict': async (input) => {
          const q = await (await forInput(input)).current();
          if (input.itemId !== undefined) q.resolveConflict(input.itemId, input.choice);
          else q.resolveAllConflicts(input.choice, input.batchId);
          return {};
        },
        'uploads.clearFinished': async (input) => ({ removed: await (await forInput(input)).clearFinished() }),
        'uploads.setConcurrency': async (input) => {
          await (await forInput(input)).setConcurrency(input.concurrency);
          return {};
        },
        'uploads.defaults.get': async (input) => {
          const uploads = await forInput(input);
          // The Upload dialog is opening: the look-alike check's decoder loads now, after this answer, not
          // in front of the batch's first check (or its first byte).
          setImmediate(warmHasher);
          return uploads.store.defaults();
        },
        'uploads.defaults.save': async (input) => (await forInput(input)).store.saveDefaults(input.options),
        'uploads.metadataFields': async (input) => fieldsOf((await forInput(input)).profileId),
        'uploads.nearDuplicates': async (input) => {
          const uploads = await forInput(input);
          const candidates: Candidate[] = [];
          for (const source of input.sources) {
            if (source.kind === 'url') continue; // the server fetches URLs; there are no local bytes to hash
            const [queueSource] = await toQueueSources(uploads, [source]);
            const expanded = await expandSources([queueSource!], sanitizeFolder(input.targetFolder)).catch(asBadInput);
            for (const it of expanded) {
              const label = source.kind === 'staged' ? uploads.staging.idOf(it.source) : it.source;
              candidates.push({ source: label, file: it.source, name: it.fileName, folder: it.folder });
            }
          }
          return uploads.duplicates.find(candidates, input.maxDistance);
        },
      },
      // The web host streams the bytes of incoming files here (PUT /uploads/stage), beside the contract.
      stagedIntake: {
        receive: async ({ profileId, stagedId }, body) => ({ size: await (await forInput({ profileId })).receive(stagedId, body) }),
      },
      close: async () => {
        await Promise.all([...perProfile.values()].map((u) => u.close()));
      },
    };
  };
}

export const createUploadsArea: FeatureAreaFactory = uploadsAreaWith();
