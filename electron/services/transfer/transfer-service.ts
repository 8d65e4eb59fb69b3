import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_RETRY, withRetry, type RetryOptions } from '../upload-queue/retry-policy';
import { ChecksumCache } from './checksum-cache';
import type { LibraryAccess } from './item-runner';
import { acquireJobLock, lockedByOther } from './job-lock';
import { ITEM_ACTIONS, JobStore, type ItemAction, type JobState, type NewItem } from './job-store';
import { LibraryReader } from './library-reader';
import { readDirectorySource } from './manifest';
import { digestUrl, originalUrl, type OriginalRef } from './originals';
import { BadPathError, joinLibrary, normalizeLibraryPath, relFolder } from './paths';
import { buildPlan, type ChecksumResolver } from './planner';
import { readLibrarySource, readLibraryTarget, type SourceSnapshot } from './snapshots';
import { TransferJob } from './transfer-job';
import { buildReport, type TransferReport } from './report';
import type { SourceFile, TargetFile, TransferPlan, TransferSpec } from './types';

export interface TransferServiceOptions {
  dataDir: string;
  /** A profile's SDK client and URL endpoint (throws AppError NOT_FOUND for an unknown profile). */
  access(profileId: string): Promise<LibraryAccess>;
  /** Who created a job ('app' or 'cli'): the app resumes only its own jobs by itself. */
  origin: string;
  retry?: Partial<RetryOptions>;
  /** Parallel files (default 4, as the upload queue). */
  concurrency?: number;
  requestTimeoutMs?: number;
  progressIntervalMs?: number;
}

/** Something wrong with what was asked (paths, blocked schema, unresolved conflicts): nothing was written. */
export class TransferRequestError extends Error {
  override readonly name = 'TransferRequestError';
  constructor(
    message: string,
    readonly kind: 'bad-path' | 'blocked' | 'conflicts' | 'busy' | 'not-found',
  ) {
    super(message);
  }
}

export interface JobSummary {
  id: string;
  state: JobState;
  origin: string;
  createdAt: number;
  finishedAt: number | null;
  /** Being run by another live process right now. */
  busy: boolean;
}

/**
 * The transfer engine's front door, shared by the app's contract area and the command line:
 * plan (dry run), start a durable job from a reviewed plan, open existing jobs (resume after a
 * pause or a crash), list them. Jobs live in `<dataDir>/transfers/jobs/<id>/`.
 */
export class TransferService {
  private readonly retry: RetryOptions;
  readonly cache: ChecksumCache;
  private readonly jobsDir: string;

  constructor(private readonly options: TransferServiceOptions) {
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    const root = path.join(options.dataDir, 'transfers');
    this.jobsDir = path.join(root, 'jobs');
    mkdirSync(this.jobsDir, { recursive: true });
    this.cache = new ChecksumCache(path.join(root, 'checksums.db'));
  }

  close(): void {
    this.cache.close();
  }

  private checkSpec(spec: TransferSpec): TransferSpec {
    try {
      const target = { ...spec.target, path: normalizeLibraryPath(spec.target.path) };
      const source = spec.source.kind === 'library' ? { ...spec.source, path: normalizeLibraryPath(spec.source.path) } : spec.source;
      if (source.kind === 'library' && source.profileId === target.profileId) {
        const inside = target.path === source.path || source.path === '/' || target.path.startsWith(source.path + '/');
        if (inside) throw new BadPathError(`The target ${target.path} is the source or inside it, in the same profile; choose a folder outside ${source.path}.`);
      }
      if (spec.deleteExtraneous && spec.mode !== 'sync') throw new BadPathError('Deleting files the source does not have is only possible in sync mode.');
      return { ...spec, source, target };
    } catch (error) {
      if (error instanceof BadPathError) throw new TransferRequestError(error.message, 'bad-path');
      throw error;
    }
  }

  /** The dry run: reads both sides and decides per file; writes nothing to either library. */
  async plan(request: TransferSpec, opts: { signal?: AbortSignal; onProgress?: (phase: string, done: number, total: number) => void } = {}): Promise<TransferPlan> {
    const spec = this.checkSpec(request);
    const target = await this.options.access(spec.target.profileId);
    try {
      let source: SourceSnapshot;
      let sourceAccess: LibraryAccess | null = null;
      if (spec.source.kind === 'library') {
        sourceAccess = await this.options.access(spec.source.profileId);
        const key = sourceAccess.libraryKey;
        source = await readLibrarySource(new LibraryReader(sourceAccess.client, this.retry, opts.signal, { remember: true }), spec.source.profileId, spec.source.path, {
          versions: spec.versions,
          checksumOf: (fileId, versionId, size) => this.cache.get(key, fileId, versionId, size),
          onProgress: (done, total) => opts.onProgress?.('reading the source', done, total),
        });
      } else {
        source = await readDirectorySource(spec.source.directory);
        if (!spec.versions) source = { ...source, files: source.files.map((f) => ({ ...f, older: [] })) };
      }
      const targetReader = new LibraryReader(target.client, this.retry, opts.signal, { remember: true });
      const targetSnapshot = await readLibraryTarget(targetReader, spec.target.path, () =>
        withRetry(() => target.client.withOptions({ maxRetries: 0 }).customMetadataFields.list({ includeDeleted: true }, { signal: opts.signal }), this.retry, opts.signal),
      );
      return await buildPlan(spec, source, targetSnapshot, this.checksums(sourceAccess, target, opts.signal), {
        onProgress: (done, total) => opts.onProgress?.('comparing', done, total),
      });
    } catch (error) {
      if (error instanceof BadPathError) throw new TransferRequestError(error.message, 'bad-path');
      throw error;
    }
  }

  private checksums(source: LibraryAccess | null, target: LibraryAccess, signal?: AbortSignal): ChecksumResolver {
    const digest = async (access: LibraryAccess, ref: OriginalRef & { fileId: string; size: number }) => {
      const cached = this.cache.get(access.libraryKey, ref.fileId, ref.versionId, ref.size);
      if (cached) return cached;
      const result = await digestUrl(originalUrl(access.client, access.urlEndpoint, ref), { retry: this.retry, signal });
      this.cache.put(access.libraryKey, ref.fileId, ref.versionId, result.size, result.sha256);
      return result.sha256;
    };
    return {
      source: async (file: SourceFile) => {
        if (file.current.checksum) return file.current.checksum;
        const origin = file.current.origin;
        if (origin.kind !== 'library' || !source) throw new Error(`No checksum for ${file.relPath}.`);
        file.current.checksum = await digest(source, { ...origin, size: file.current.size });
        return file.current.checksum;
      },
      target: (file: TargetFile) => digest(target, { fileId: file.fileId, versionId: file.versionId, filePath: file.filePath, isPrivateFile: file.isPrivateFile, size: file.size, isCurrent: true, updatedAt: file.updatedAt }),
    };
  }

  /** Makes a durable job of a reviewed plan. Refused (nothing written) while the plan is blocked or has undecided conflicts. */
  async start(plan: TransferPlan): Promise<{ job: TransferJob; release: () => Promise<void> }> {
    if (plan.blocked.length) throw new TransferRequestError(`The target's custom metadata fields cannot hold the source's values:\n${plan.blocked.map((b) => `- ${b.reason}`).join('\n')}`, 'blocked');
    const conflicts = plan.rows.filter((r) => r.action === 'conflict');
    if (conflicts.length) {
      throw new TransferRequestError(`${conflicts.length} file(s) exist at the target with other content (e.g. ${conflicts[0].targetPath}); choose replace, keep-both or skip for them.`, 'conflicts');
    }
    const id = `${new Date().toISOString().slice(0, 10)}-${randomUUID().slice(0, 8)}`;
    const dir = path.join(this.jobsDir, id);
    mkdirSync(dir, { recursive: true });
    const release = await acquireJobLock(dir);
    const store = new JobStore(path.join(dir, 'job.db'));
    const targetsByRel = new Map(plan.targets.map((t) => [t.relPath, t]));
    const sourcesByRel = new Map(plan.sources.map((s) => [s.relPath, s]));
    const items: NewItem[] = [];
    for (const row of plan.rows) {
      if (!ITEM_ACTIONS.includes(row.action as ItemAction)) continue;
      const action = row.action as ItemAction;
      const source = sourcesByRel.get(row.relPath);
      const target = targetsByRel.get(row.relPath);
      const name = row.relPath.slice(row.relPath.lastIndexOf('/') + 1);
      items.push({
        relPath: row.relPath,
        action,
        targetFolder: joinLibrary(plan.spec.target.path, relFolder(row.relPath)),
        targetName: action === 'keep-both' ? null : name,
        steps: action === 'update-fields' || action === 'delete' || !source ? [] : [...source.older, source.current],
        finalFields: action === 'update-fields' && source ? source.current.fields : null,
        planned: target ? { fileId: target.fileId, versionId: target.versionId } : null,
      });
    }
    const setup = [
      ...plan.fieldsToCreate.map((f) => ({ kind: 'field' as const, key: f.name, payload: f })),
      ...plan.folders.map((f) => ({ kind: 'folder' as const, key: f, payload: { folder: joinLibrary(plan.spec.target.path, f) } })),
    ];
    store.create(id, this.options.origin, plan, setup, items);
    return { job: await this.jobFor(id, store), release };
  }

  private async jobFor(id: string, store: JobStore): Promise<TransferJob> {
    const plan = store.job().plan;
    const target = await this.options.access(plan.spec.target.profileId);
    return new TransferJob({
      store,
      stagingDir: path.join(this.jobsDir, id, 'staging'),
      target,
      sourceAccess: (profileId) => this.options.access(profileId),
      cache: this.cache,
      retry: this.retry,
      concurrency: this.options.concurrency ?? 4,
      requestTimeoutMs: this.options.requestTimeoutMs ?? 30 * 60_000,
      progressIntervalMs: this.options.progressIntervalMs,
    });
  }

  /** Opens an existing job to run, pause, resume or cancel it; refused while another live process holds it. */
  async open(id: string): Promise<{ job: TransferJob; release: () => Promise<void> }> {
    if (!/^[A-Za-z0-9-]{1,64}$/.test(id)) throw new TransferRequestError(`"${id}" is not a transfer job id.`, 'not-found');
    const dir = path.join(this.jobsDir, id);
    const summary = (await this.jobs()).find((j) => j.id === id);
    if (!summary) throw new TransferRequestError(`There is no transfer job ${id}.`, 'not-found');
    let release: () => Promise<void>;
    try {
      release = await acquireJobLock(dir);
    } catch (error) {
      throw new TransferRequestError((error as Error).message, 'busy');
    }
    return { job: await this.jobFor(id, new JobStore(path.join(dir, 'job.db'))), release };
  }

  /** Every job, newest first. */
  async jobs(): Promise<JobSummary[]> {
    const out: JobSummary[] = [];
    for (const entry of await readdir(this.jobsDir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const dir = path.join(this.jobsDir, entry.name);
      let store: JobStore | null = null;
      try {
        store = new JobStore(path.join(dir, 'job.db'));
        const state = store.jobState();
        out.push({ ...state, busy: await lockedByOther(dir) });
      } catch {
        // A folder without a readable job (a start that died before writing it) is not a job.
      } finally {
        store?.close();
      }
    }
    return out.sort((a, b) => b.createdAt - a.createdAt);
  }

  /** The unfinished job of the same transfer, if any: running the same command again resumes it. */
  async unfinishedFor(spec: TransferSpec): Promise<string | null> {
    const wanted = JSON.stringify(this.checkSpec(spec));
    for (const summary of await this.jobs()) {
      if (summary.state === 'done' || summary.state === 'cancelled' || summary.state === 'failed') continue;
      const store = new JobStore(path.join(this.jobsDir, summary.id, 'job.db'));
      try {
        if (JSON.stringify(store.job().plan.spec) === wanted) return summary.id;
      } finally {
        store.close();
      }
    }
    return null;
  }

  /** A job's report read without taking it over (another process may be running it). */
  async peekReport(id: string): Promise<TransferReport> {
    if (!/^[A-Za-z0-9-]{1,64}$/.test(id) || !(await this.jobs()).some((j) => j.id === id)) throw new TransferRequestError(`There is no transfer job ${id}.`, 'not-found');
    const store = new JobStore(path.join(this.jobsDir, id, 'job.db'));
    try {
      return buildReport(store.job(), store.items(), store.setup());
    } finally {
      store.close();
    }
  }

  async removeJob(id: string): Promise<void> {
    const summary = (await this.jobs()).find((j) => j.id === id);
    if (!summary) throw new TransferRequestError(`There is no transfer job ${id}.`, 'not-found');
    if (summary.busy) throw new TransferRequestError(`Transfer job ${id} is running in another process.`, 'busy');
    await rm(path.join(this.jobsDir, id), { recursive: true, force: true });
  }
}
