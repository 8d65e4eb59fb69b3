import type { ImageKit } from '@imagekit/nodejs';
import type { LookalikeCheck } from './screening-lane.js';
import type { RetryOptions } from './retry-policy.js';
import type { UploadSource } from './source-expander.js';
import type { BatchOptions } from './types.js';

/**
 * One client for every batch, or a factory giving the client of a batch's profile (asked again for every request,
 * so a rebuilt client, e.g. after a key change, is picked up). Fits `ImageKitClients.forProfile`.
 */
export type ClientSource = ImageKit | ((profileId: string) => ImageKit | Promise<ImageKit>);

export interface UploadQueueOptions {
  /** Parallel uploads (default 4). */
  concurrency?: number;
  retry?: Partial<RetryOptions>;
  /** Per-request timeout; large files need long ones (default 30 min). */
  requestTimeoutMs?: number;
  /** How often `total` progress is emitted while bytes flow (default 250 ms). */
  totalIntervalMs?: number;
  /**
   * The near-duplicate check for batches with `nearDuplicateCheck`, run per file beside the uploads
   * (screening-lane.ts): never for the whole batch up front, and never in an upload slot.
   */
  lookalikes?: LookalikeCheck;
}

export interface AddRequest {
  sources: UploadSource[];
  /** Folder in the library that receives the files (and recreated sub-folders). Default `/`. */
  targetFolder?: string;
  options?: BatchOptions;
  profileId?: string;
  /** Adds the files to this batch (one added with `more`, still expecting more) instead of starting a new one. */
  batchId?: number;
  /** More files of the batch follow: it is not reported finished until a part without `more` arrives. */
  more?: boolean;
}
