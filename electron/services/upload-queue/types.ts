import type { FileUploadParams } from '@imagekit/nodejs/resources/files/files';

/** What to do when the target path already holds a file. Decided before anything is sent. */
export type ConflictChoice = 'replace' | 'keepBoth' | 'skip';
/** `ask` parks conflicting items in state `conflict` until `resolveConflict`/`resolveAllConflicts`. */
export type ConflictPolicy = ConflictChoice | 'ask';

/**
 * Every option of the upload API (reference §3) except the ones the queue owns:
 * `file`, `fileName`, `folder` come from each item; client-side auth fields are never used server-side.
 */
export type UploadApiOptions = Omit<
  FileUploadParams,
  'file' | 'fileName' | 'folder' | 'token' | 'signature' | 'expire' | 'publicKey'
>;

export interface BatchOptions extends UploadApiOptions {
  /** Default `ask`. Ignored when `useUniqueFileName` is true (the server never collides then). */
  onConflict?: ConflictPolicy;
  /**
   * Hold each image that looks like one already in its folder (the queue's `findLookalike`) in `conflict`
   * until the person decides. Checked per item just before it is sent, so other files upload meanwhile.
   */
  nearDuplicateCheck?: boolean;
}

export type ItemState =
  | 'receiving' // the window is still sending this file's bytes to its source path
  | 'pending' // waiting for the pre-send check (conflict lookup / reconciliation)
  | 'conflict' // target exists (or, with `lookalike`, a similar image does), waiting for the user's choice
  | 'queued' // checked, ready to send
  | 'uploading'
  | 'paused'
  | 'done'
  | 'skipped'
  | 'failed'
  | 'cancelled';

export const TERMINAL_STATES: readonly ItemState[] = ['done', 'skipped', 'failed', 'cancelled'];

export type SourceKind = 'file' | 'url';

/** A file already at the target before we sent anything: lets reconciliation tell "ours" from "was there". */
export interface TargetSnapshot {
  existing: { fileId: string; versionId: string | null; size: number; updatedAt: string | null } | null;
  /** Only for useUniqueFileName=true: ids of same-stem files present before sending. */
  siblingIds?: string[];
}

export interface UploadResultSummary {
  fileId: string;
  filePath: string;
  name: string;
  size: number;
  versionId: string | null;
  url: string | null;
  /** Per-extension outcome reported by the upload response (absent when no extensions were requested). */
  extensionStatus?: Record<string, string>;
  /** How the item was completed: sent by us now, or found already landed after an interrupted attempt. */
  via: 'upload' | 'reconciled';
}

/** A library image the item looks like (perceptual hash), found by the near-duplicate check. */
export interface Lookalike {
  fileId: string;
  name: string;
  filePath: string;
  thumbnail: string | null;
  /** Differing pHash bits: 0 is the same picture. */
  distance: number;
}

export interface QueueItem {
  id: number;
  batchId: number;
  seq: number;
  sourceKind: SourceKind;
  source: string;
  folder: string;
  fileName: string;
  /** Name actually sent (differs from fileName after keep-both renaming). */
  targetName: string;
  size: number | null;
  state: ItemState;
  conflictChoice: ConflictChoice | null;
  attempts: number;
  /** An attempt may have reached the server (crash, network error, 5xx, abort): check the library before resending. */
  needsReconcile: boolean;
  snapshot: TargetSnapshot | null;
  errorMessage: string | null;
  errorHelp: string | null;
  result: UploadResultSummary | null;
  /** The near-duplicate check is done for this item (passed, or the person chose to upload it anyway). */
  screened: boolean;
  /** Set while the item waits in `conflict` because it looks like this library image. */
  lookalike: Lookalike | null;
}

export interface Batch {
  id: number;
  targetFolder: string;
  /** Which account (profile) the batch uploads to; the client factory is asked for this profile's client. */
  profileId: string;
  options: BatchOptions;
  createdAt: number;
}

export interface FileProgress {
  itemId: number;
  batchId: number;
  bytesSent: number;
  totalBytes: number | null;
  bytesPerSecond: number;
  etaSeconds: number | null;
}

export interface TotalProgress {
  bytesSent: number;
  totalBytes: number;
  bytesPerSecond: number;
  etaSeconds: number | null;
  counts: Record<ItemState, number>;
}

export interface UploadQueueEvents {
  item: [QueueItem];
  progress: [FileProgress];
  total: [TotalProgress];
  /** Every item of the batch reached a terminal state. */
  batchDone: [{ batchId: number; counts: Record<ItemState, number> }];
  /** The queue could not process an item because of an internal error (not an upload error). Not named
   *  `error` on purpose: an unhandled EventEmitter 'error' would crash the main process. */
  internalError: [Error];
}
