import fs from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type ImageKit from '@imagekit/nodejs';
import { APIError, toFile } from '@imagekit/nodejs';
import { backoffDelay, classifyFailure, sleep, withRetry, type RetryOptions } from '../upload-queue/retry-policy';
import { createStreamingFetch } from '../upload-queue/streaming-fetch';
import { keepBothName } from '../upload-queue/library-probe';
import type { ChecksumCache } from './checksum-cache';
import { detailsUpdate, uploadFields } from './fields';
import type { ItemPatch, JobItem, JobStore, TargetState } from './job-store';
import { fieldsOf, LibraryReader } from './library-reader';
import { digestFile, digestUrl, downloadToBuffer, downloadToFile, originalUrl } from './originals';
import { joinLibrary } from './paths';
import type { SourceVersion } from './types';

/** A profile's client and URL endpoint, plus the key its checksums are cached under. */
export interface LibraryAccess {
  profileId: string;
  client: ImageKit;
  urlEndpoint: string;
  libraryKey: string;
}

export type StopReason = 'pause' | 'cancel' | 'close';

export interface ItemRunnerDeps {
  store: JobStore;
  target: LibraryAccess;
  sourceAccess(profileId: string): Promise<LibraryAccess>;
  stagingDir: string;
  retry: RetryOptions;
  requestTimeoutMs: number;
  cache: ChecksumCache;
  targetDefaults: Record<string, unknown>;
  onItem(item: JobItem): void;
  /** Bytes of the current step's file sent so far. */
  onUploadBytes(itemId: number, sent: number): void;
}

/** A failure that retrying cannot fix, with what the person can do about it. */
export class ItemError extends Error {
  constructor(
    message: string,
    readonly help: string,
  ) {
    super(message);
  }
}

function stopReason(signal: AbortSignal): StopReason | null {
  return signal.aborted ? ((signal.reason as StopReason | undefined) ?? 'close') : null;
}

const isNotFound = (error: unknown) => error instanceof APIError && error.status === 404;

/** Up to this size a version travels through memory; larger ones through a staging file, streamed both ways. */
const IN_MEMORY_LIMIT = 8 * 1024 * 1024;

/**
 * Uploads from memory all use one client derived from the target's (no SDK retries: the runner's own
 * retry and reconciliation decide); deriving one per request costs more than the request's bookkeeping.
 */
const memoryUploadClients = new WeakMap<ImageKit, { timeout: number; client: ImageKit }>();

function memoryUploadClient(client: ImageKit, timeout: number): ImageKit {
  const known = memoryUploadClients.get(client);
  if (known?.timeout === timeout) return known.client;
  const derived = client.withOptions({ maxRetries: 0, timeout });
  memoryUploadClients.set(client, { timeout, client: derived });
  return derived;
}

type Staged = { checksum: string } & ({ kind: 'memory'; bytes: Buffer } | { kind: 'file'; file: string; cleanup: boolean });

/**
 * Carries one job item through its steps: for uploads, each version is read from the source
 * (downloaded to a staging file, hashed) and sent to the target; `update-fields` and `delete`
 * change an existing target file. The reconciliation rule that makes a crash harmless: before a
 * step is sent, its checksum and the target's version before it are stored together with
 * `needsReconcile`; after a crash (or an ambiguous 5xx / network failure) the target is looked at
 * first, and a new target version whose bytes have that checksum is adopted instead of sent again.
 */
export class TransferItemRunner {
  private readonly reader: LibraryReader;

  constructor(
    private item: JobItem,
    private readonly deps: ItemRunnerDeps,
    private readonly signal: AbortSignal,
  ) {
    this.reader = new LibraryReader(deps.target.client, deps.retry, signal);
  }

  private set(patch: ItemPatch): JobItem {
    this.item = this.deps.store.patch(this.item, patch);
    this.deps.onItem(this.item);
    return this.item;
  }

  private get targetPath(): string {
    return joinLibrary(this.item.targetFolder, this.item.targetName ?? '');
  }

  async run(): Promise<void> {
    try {
      await this.runSteps();
    } catch (error) {
      const reason = stopReason(this.signal);
      if (reason === 'pause') return void this.set({ state: 'paused' });
      if (reason === 'cancel') return void this.set({ state: 'cancelled' });
      if (reason === 'close') return; // left as it is: the next run reconciles
      if (error instanceof ItemError) return void this.set({ state: 'failed', errorMessage: error.message, errorHelp: error.help });
      const failure = classifyFailure(error);
      this.set({ state: 'failed', errorMessage: failure.message, errorHelp: failure.help });
    }
  }

  private async runSteps(): Promise<void> {
    // Uploads mark themselves running in the write that precedes each request.
    if (this.item.action === 'update-fields' || this.item.action === 'delete') this.set({ state: 'running' });
    if (this.item.action === 'update-fields') return this.updateFields();
    if (this.item.action === 'delete') return this.deleteTarget();
    if (this.item.targetName === null) await this.pickKeepBothName();
    while (this.item.step < this.item.steps.length) {
      if (this.item.needsReconcile && (await this.adoptIfLanded())) continue;
      await this.sendStep();
    }
    if (this.item.state !== 'done') this.set({ state: 'done', errorMessage: null, errorHelp: null });
  }

  private async pickKeepBothName(): Promise<void> {
    const listed = await this.reader.listFolder(this.item.targetFolder);
    const names = new Set(listed.map((e) => e.name ?? ''));
    const claimed = this.deps.store.claimedNames(this.item.targetFolder, this.item.id);
    const original = this.item.relPath.slice(this.item.relPath.lastIndexOf('/') + 1);
    this.set({ targetName: keepBothName(original, (n) => names.has(n) || claimed.has(n)) });
  }

  /** The target's state before step k: nothing (new file), the planned file (replace), or our previous step. */
  private beforeStep(k: number): TargetState | null {
    if (k > 0 && this.item.targetFileId) return { fileId: this.item.targetFileId, versionId: this.item.targetVersions[k - 1] ?? '' };
    return this.item.action === 'replace' ? this.item.planned : null;
  }

  /** Reads the step's bytes into a local file and checks them against what the plan saw. */
  private async stage(version: SourceVersion, k: number): Promise<Staged> {
    if (version.origin.kind === 'disk') {
      const digest = await digestFile(version.origin.path, this.signal).catch((error: NodeJS.ErrnoException) => {
        throw new ItemError(`Cannot read ${version.origin.kind === 'disk' ? version.origin.path : ''}: ${error.code ?? error.message}.`, 'Put the backup file back (or restore from a complete backup) and run the transfer again.');
      });
      if (version.checksum && digest.sha256 !== version.checksum) {
        throw new ItemError(`${this.item.relPath}: the backup file's bytes differ from the checksum in its manifest.`, 'The backup was changed or damaged since it was made; restore this file from another copy.');
      }
      return { kind: 'file', file: version.origin.path, checksum: digest.sha256, cleanup: false };
    }
    const origin = version.origin;
    const source = await this.deps.sourceAccess(origin.profileId);
    const url = originalUrl(source.client, source.urlEndpoint, origin);
    const options = { retry: this.deps.retry, signal: this.signal };
    let staged: Staged & { size: number };
    if (version.size <= IN_MEMORY_LIMIT) {
      const read = await downloadToBuffer(url, options);
      staged = { kind: 'memory', bytes: read.bytes, checksum: read.sha256, size: read.size };
    } else {
      const file = path.join(this.deps.stagingDir, `${this.item.id}-${k}`);
      const read = await downloadToFile(url, file, options);
      staged = { kind: 'file', file, cleanup: true, checksum: read.sha256, size: read.size };
    }
    if (staged.size !== version.size || (version.checksum && staged.checksum !== version.checksum)) {
      if (staged.kind === 'file') await rm(staged.file, { force: true });
      throw new ItemError(`${this.item.relPath}: the source changed after the plan was made (${version.size} bytes planned, ${staged.size} read).`, 'Make the plan again so it shows what is there now, then run it.');
    }
    this.deps.cache.put(source.libraryKey, origin.fileId, origin.versionId, staged.size, staged.checksum);
    return staged;
  }

  private async sendStep(): Promise<void> {
    const k = this.item.step;
    const version = this.item.steps[k];
    const staged = await this.stage(version, k);
    const checksums = [...this.item.checksums];
    checksums[k] = staged.checksum;
    const before = this.beforeStep(k);
    // New files and keep-both names go with overwriteFile=false: a resend of an upload that already
    // landed is refused ("already exists") instead of becoming a second version.
    const overwriteFile = !(k === 0 && this.item.action !== 'replace');
    try {
      for (let attempt = 1; ; attempt++) {
        // Marked before the request leaves: if the process dies mid-flight, the next run reconciles first.
        this.set({ state: 'running', needsReconcile: true, before, checksums, attempts: this.item.attempts + 1 });
        try {
          // Large files stream from disk through the queue's fetch (bounded memory, byte progress);
          // small ones go from memory through the SDK's own fetch and count when sent.
          const client =
            staged.kind === 'file'
              ? this.deps.target.client.withOptions({
                  fetch: createStreamingFetch((sent, total) => this.deps.onUploadBytes(this.item.id, total > 0 ? Math.floor((sent / total) * version.size) : 0), { path: staged.file }),
                  maxRetries: 0,
                  timeout: this.deps.requestTimeoutMs,
                })
              : memoryUploadClient(this.deps.target.client, this.deps.requestTimeoutMs);
          const name = this.item.targetName ?? '';
          const body = staged.kind === 'memory' ? staged.bytes : await fs.openAsBlob(staged.file);
          const response = await client.files.upload(
            { file: await toFile(body, name), fileName: name, folder: this.item.targetFolder, useUniqueFileName: false, overwriteFile, ...uploadFields(version.fields) },
            { signal: this.signal },
          );
          this.stepLanded(k, response.fileId ?? '', response.versionInfo?.id ?? response.fileId ?? '');
          return;
        } catch (error) {
          const failure = classifyFailure(error);
          if (failure.kind === 'aborted' || stopReason(this.signal)) throw error;
          if (failure.kind === 'final') {
            if (/already exists/i.test(failure.message) && !overwriteFile) {
              if (await this.adoptIfLanded()) return;
              throw new ItemError(`${this.targetPath}: another file appeared at the target after the plan was made.`, 'Make the plan again and choose replace, keep both or skip for it.');
            }
            throw error;
          }
          const ambiguous = failure.kind === 'transient';
          if (!ambiguous) this.set({ needsReconcile: false });
          if (attempt >= this.deps.retry.maxAttempts) {
            if (ambiguous && (await this.adoptIfLanded())) return;
            throw new ItemError(`Gave up after ${attempt} attempts: ${failure.message}`, 'The server kept failing or was unreachable. Check the connection and the service status, then resume the job.');
          }
          this.set({ errorMessage: failure.message, errorHelp: failure.help });
          await sleep(backoffDelay(attempt, this.deps.retry, failure.waitMs), this.signal);
          if (ambiguous && (await this.adoptIfLanded())) return;
        }
      }
    } finally {
      if (staged.kind === 'file' && staged.cleanup) await rm(staged.file, { force: true });
    }
  }

  private stepLanded(k: number, fileId: string, versionId: string): void {
    const versions = this.item.targetVersions.slice(0, k);
    versions[k] = versionId;
    // The last step finishes the item in the same write.
    const last = k + 1 === this.item.steps.length;
    this.set({ step: k + 1, needsReconcile: false, targetFileId: fileId, targetVersions: versions, errorMessage: null, errorHelp: null, ...(last ? { state: 'done' as const } : {}) });
  }

  /**
   * Did the current step's upload land although we never saw the answer? Yes when the target path
   * holds a version that was not there before the step and whose bytes have the step's checksum.
   */
  private async adoptIfLanded(): Promise<boolean> {
    const k = this.item.step;
    const expected = this.item.checksums[k];
    // The checksum is stored in the same write that marks the step as sent: without it nothing was sent.
    if (!expected) {
      this.set({ needsReconcile: false });
      return false;
    }
    const at = await this.reader.fileAt(this.targetPath);
    const before = this.item.before;
    const versionId = at ? (at.versionInfo?.id ?? at.fileId ?? '') : '';
    if (!at || (before && at.fileId === before.fileId && versionId === before.versionId)) {
      this.set({ needsReconcile: false });
      return false;
    }
    const url = originalUrl(this.deps.target.client, this.deps.target.urlEndpoint, { filePath: this.targetPath, versionId, isCurrent: true, isPrivateFile: at.isPrivateFile === true, updatedAt: at.updatedAt ?? null });
    const digest = await digestUrl(url, { retry: this.deps.retry, signal: this.signal });
    if (digest.sha256 === expected) {
      this.stepLanded(k, at.fileId ?? '', versionId);
      return true;
    }
    if (!before) {
      throw new ItemError(`${this.targetPath}: another file (other content) appeared at the target after the plan was made.`, 'Make the plan again and choose replace, keep both or skip for it.');
    }
    this.set({ needsReconcile: false });
    return false;
  }

  private async updateFields(): Promise<void> {
    const planned = this.item.planned;
    const wanted = this.item.finalFields;
    if (!planned || !wanted) throw new ItemError(`${this.item.relPath}: the job is missing the planned target.`, 'Make the plan again.');
    const client = this.deps.target.client.withOptions({ maxRetries: 0 });
    const call = <T>(fn: () => Promise<T>) => withRetry(fn, this.deps.retry, this.signal);
    const current = await call(() => client.files.get(planned.fileId, { signal: this.signal }));
    if ((current.versionInfo?.id ?? current.fileId) !== planned.versionId) {
      throw new ItemError(`${this.targetPath}: the target file changed after the plan was made.`, 'Make the plan again so it compares with what is there now.');
    }
    await call(() => client.files.update(planned.fileId, detailsUpdate(wanted, fieldsOf(current), this.deps.targetDefaults), { signal: this.signal }));
    if ((current.isPublished !== false) !== wanted.isPublished) {
      await call(() => client.files.update(planned.fileId, { publish: { isPublished: wanted.isPublished } }, { signal: this.signal }));
    }
    this.set({ state: 'done', targetFileId: planned.fileId, targetVersions: [planned.versionId], errorMessage: null, errorHelp: null });
  }

  private async deleteTarget(): Promise<void> {
    const planned = this.item.planned;
    if (!planned) throw new ItemError(`${this.item.relPath}: the job is missing the planned target.`, 'Make the plan again.');
    const client = this.deps.target.client.withOptions({ maxRetries: 0 });
    try {
      await withRetry(() => client.files.delete(planned.fileId, { signal: this.signal }), this.deps.retry, this.signal);
    } catch (error) {
      // Already gone (an earlier attempt, or someone else): the goal is reached.
      if (!isNotFound(error)) throw error;
    }
    this.set({ state: 'done', targetFileId: planned.fileId, errorMessage: null, errorHelp: null });
  }
}

