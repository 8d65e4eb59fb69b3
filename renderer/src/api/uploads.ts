import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FileProgress, UploadOptions, UploadSource } from '../../../shared/domain/uploads';
import type { ChannelInput } from '../../../shared/ipc/contract';
import { STAGE_CHUNK_BYTES } from '../../../shared/ipc/areas/uploads';
import { invoke } from './client';
import { getBridge } from './transport';
import { addIncomingInParts } from './add-in-parts';
import { useActiveProfile } from './profiles';
import { uploadKeys } from './upload-events';

export { uploadKeys, useUploadEvents } from './upload-events';

export function useUploadsProfileId(): string | undefined {
  return useActiveProfile()?.id;
}

/** The queue of the open profile: items, totals and concurrency; kept current by pushes (useUploadEvents). */
export function useUploads() {
  const profileId = useUploadsProfileId();
  return useQuery({
    queryKey: uploadKeys.snapshot(profileId ?? ''),
    queryFn: () => invoke('uploads.list', { profileId }),
    enabled: Boolean(profileId),
  });
}

/** Live per-file progress (bytes, speed, time left) by item id. */
export function useUploadProgress(): Record<number, FileProgress> {
  const profileId = useUploadsProfileId();
  return (
    useQuery({
      queryKey: uploadKeys.progress(profileId ?? ''),
      queryFn: () => ({}) as Record<number, FileProgress>,
      enabled: false,
      initialData: {},
    }).data ?? {}
  );
}

type Target = Omit<ChannelInput<'uploads.pause'>, 'profileId'>;
export type QueueAction = 'pause' | 'resume' | 'cancel' | 'retry';

export function useQueueAction() {
  const profileId = useUploadsProfileId();
  return useMutation({
    mutationFn: ({ action, target }: { action: QueueAction; target: Target }) => invoke(`uploads.${action}`, { profileId, ...target }),
  });
}

export function useResolveConflict() {
  const profileId = useUploadsProfileId();
  return useMutation({
    mutationFn: (input: Target & { choice: 'replace' | 'keepBoth' | 'skip' }) => invoke('uploads.resolveConflict', { profileId, ...input }),
  });
}

export function useClearFinished() {
  const profileId = useUploadsProfileId();
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => invoke('uploads.clearFinished', { profileId }),
    onSuccess: () => client.invalidateQueries({ queryKey: uploadKeys.snapshot(profileId ?? '') }),
  });
}

export function useSetConcurrency() {
  const profileId = useUploadsProfileId();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (concurrency: number) => invoke('uploads.setConcurrency', { profileId, concurrency }),
    onSuccess: () => client.invalidateQueries({ queryKey: uploadKeys.snapshot(profileId ?? '') }),
  });
}

export function useUploadDefaults() {
  const profileId = useUploadsProfileId();
  return useQuery({ queryKey: uploadKeys.defaults(profileId ?? ''), queryFn: () => invoke('uploads.defaults.get', { profileId }), enabled: Boolean(profileId) });
}

export function useSaveUploadDefaults() {
  const profileId = useUploadsProfileId();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (options: UploadOptions) => invoke('uploads.defaults.save', { profileId, options }),
    onSuccess: (saved) => client.setQueryData(uploadKeys.defaults(profileId ?? ''), saved),
  });
}

export function useMetadataFields(enabled = true) {
  const profileId = useUploadsProfileId();
  return useQuery({
    queryKey: uploadKeys.fields(profileId ?? ''),
    queryFn: () => invoke('uploads.metadataFields', { profileId }),
    enabled: enabled && Boolean(profileId),
    staleTime: 60_000,
  });
}

/**
 * Queues a batch. When it has files the window must send (`incoming` sources, `files` in the same order), the
 * mutation resolves as soon as the first part of the batch is queued (add-in-parts.ts): the rest is queued and
 * the bytes follow in the background, file by file, each starting its upload as it arrives; a file cancelled
 * meanwhile is not sent. `onPartFailed` hears when a later part could not be queued.
 */
export function useAddUploads(onPartFailed: (message: string, files: number) => void = () => undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ files = [], ...input }: ChannelInput<'uploads.add'> & { profileId: string; files?: Blob[] }) => {
      if (files.length === 0) return invoke('uploads.add', input);
      return addIncomingInParts(input, files, onPartFailed);
    },
    // Not awaited: the dialog closes as soon as the batch is queued; pushes keep the list current meanwhile.
    onSuccess: (_out, input) => void client.invalidateQueries({ queryKey: uploadKeys.snapshot(input.profileId) }),
  });
}

/** A file the window holds (dropped, picked or pasted) and where it sits inside what was dropped. */
export interface WindowFile {
  file: Blob & { name?: string };
  /** `photo.jpg`, or `album/2024/photo.jpg` for a file inside a dropped folder. */
  relativePath: string;
}

/** Base64 of a slice, encoded natively (FileReader) rather than byte by byte in script. */
function toBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('Could not read the file.'));
    reader.readAsDataURL(blob);
  });
}

/**
 * Sends files the window holds to the main side in chunks of STAGE_CHUNK_BYTES (never a whole file in one message), where
 * they become temp files the queue reads from disk. Returns the staged sources: one per dropped file or
 * top-level folder, so folder structure is recreated under the target folder.
 */
export async function stageFiles(
  profileId: string,
  files: WindowFile[],
  onProgress?: (sentBytes: number, totalBytes: number) => void,
): Promise<{ groupId: string; sources: UploadSource[] }> {
  const total = files.reduce((s, f) => s + f.file.size, 0);
  let sent = 0;
  let groupId: string | undefined;
  for (const { file, relativePath } of files) {
    const begun = await invoke('uploads.stage.begin', { profileId, relativePath, size: file.size, groupId });
    groupId = begun.groupId;
    for (let offset = 0; offset < file.size; offset += STAGE_CHUNK_BYTES) {
      const chunk = file.slice(offset, offset + STAGE_CHUNK_BYTES);
      await invoke('uploads.stage.chunk', { profileId, stagedId: begun.stagedId, offset, data: await toBase64(chunk) });
      sent += chunk.size;
      onProgress?.(sent, total);
    }
    await invoke('uploads.stage.end', { profileId, stagedId: begun.stagedId });
  }
  if (!groupId) throw new Error('Nothing to upload: no files were given.');
  const tops = [...new Set(files.map((f) => f.relativePath.split('/').filter(Boolean)[0]!))];
  return { groupId, sources: tops.map((top) => ({ kind: 'staged', stagedId: `${groupId}/${top}` })) };
}

/**
 * Files the window holds as sources the queue takes at once (`incoming`): each item waits in `receiving` until
 * `sendIncomingFiles` has sent its bytes.
 */
export function incomingSources(files: WindowFile[]): UploadSource[] {
  return files.map(({ file, relativePath }) => ({ kind: 'incoming', relativePath, size: file.size }));
}

/**
 * In the Electron app a dropped or picked file has a place on disk, so the queue can read it there instead
 * of the window staging its bytes. Returns one path source per dropped file or top-level folder (the
 * folder's own path, so its structure is recreated), or null when the bytes must be staged: no
 * `pathForFile` (the web host), a file without a path (a pasted image), a file renamed on the way in (its
 * path does not end in its relative path). The near-duplicate check holds single files of a folder in the
 * queue itself, so it needs no copies.
 */
export function diskSources(files: WindowFile[], pathForFile = bridgePathForFile()): UploadSource[] | null {
  if (!pathForFile || files.length === 0) return null;
  const tops: string[] = [];
  for (const { file, relativePath } of files) {
    const segments = relativePath.split('/').filter(Boolean);
    const onDisk = pathForFile(file);
    if (!onDisk) return null;
    const top = stripTrailingSegments(onDisk, segments);
    if (top === null) return null;
    if (!tops.includes(top)) tops.push(top);
  }
  return tops.map((path) => ({ kind: 'path', path }));
}

function bridgePathForFile(): ((file: object) => string) | undefined {
  const bridge = getBridge();
  return bridge.pathForFile ? (file) => bridge.pathForFile!(file) : undefined;
}

/** `/home/me/album/2024/a.jpg` minus `album/2024/a.jpg`'s last two segments is `/home/me/album`; null if the tail differs. */
function stripTrailingSegments(diskPath: string, segments: string[]): string | null {
  const parts = diskPath.split(/[\\/]/);
  const tail = parts.slice(parts.length - segments.length);
  if (tail.length !== segments.length || tail.some((part, i) => part !== segments[i])) return null;
  let top = diskPath;
  for (let i = 1; i < segments.length; i += 1) top = top.slice(0, Math.max(top.lastIndexOf('/'), top.lastIndexOf('\\')));
  return top;
}
