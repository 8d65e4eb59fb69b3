import { z } from 'zod';

/**
 * Transfers between profiles ("Copy to profile…" / "Move to profile…"): plan first (a dry run the
 * person reviews), then a durable job that survives a crash, is verified file by file and leaves a
 * report. Names are listed again in ./transfer.names.ts for the preload's allow-list.
 */

const LibraryPath = z.string().trim().min(1).max(2048).regex(/^\//, 'A library path starts with / (e.g. / or /folder/file.jpg).');
const Location = z.object({ profileId: z.string().min(1).max(100), path: LibraryPath }).strict();

export const ConflictRule = z.enum(['replace', 'keep-both', 'skip']);
export type ConflictRule = z.infer<typeof ConflictRule>;

export const TransferRequest = z
  .object({
    source: Location,
    target: Location,
    /** copy: new and conflicting files; sync: new and changed files; move: copy, then delete each verified source. */
    mode: z.enum(['copy', 'sync', 'move']).default('copy'),
    /** Every version in order, not only the current one. */
    versions: z.boolean().default(false),
    /** Sync only: delete target files the source does not have. */
    deleteExtraneous: z.boolean().default(false),
    /** `ask` leaves conflicting rows for the person to decide in `transfer.start`. */
    onConflict: z.enum(['ask', 'replace', 'keep-both', 'skip']).default('ask'),
  })
  .strict();
export type TransferRequest = z.input<typeof TransferRequest>;

const PlanAction = z.enum(['create', 'replace', 'keep-both', 'skip', 'update-fields', 'conflict', 'delete']);
const ActionCounts = z.object({ create: z.number(), replace: z.number(), 'keep-both': z.number(), skip: z.number(), 'update-fields': z.number(), conflict: z.number(), delete: z.number() });

export const PlanRowView = z.object({
  relPath: z.string(),
  sourcePath: z.string().nullable(),
  targetPath: z.string(),
  action: PlanAction,
  reason: z.string(),
  bytes: z.number(),
  uploads: z.number(),
  /** The target holds other content here: replace / keep both / skip is the person's choice. */
  choosable: z.boolean(),
});

export const TransferPlanView = z.object({
  planId: z.string(),
  createdAt: z.string(),
  /** At most `rowLimit` rows; totals always count every file. */
  rows: z.array(PlanRowView),
  rowsTruncated: z.boolean(),
  folders: z.array(z.string()),
  fieldsToCreate: z.array(z.object({ name: z.string(), label: z.string(), type: z.string() })),
  /** Non-empty: the target's custom metadata fields cannot hold the source's values; the plan cannot start. */
  blocked: z.array(z.object({ field: z.string(), reason: z.string() })),
  notTransferable: z.array(z.object({ relPath: z.string(), what: z.string(), detail: z.string() })),
  totals: z.object({ files: z.number(), bytes: z.number(), byAction: ActionCounts, bytesByAction: ActionCounts }),
});
export type TransferPlanView = z.infer<typeof TransferPlanView>;

const JobState = z.enum(['running', 'paused', 'verifying', 'done', 'cancelled', 'failed']);

export const TransferProgressView = z.object({
  jobId: z.string(),
  state: JobState,
  phase: z.enum(['setup', 'transfer', 'verify', 'finish', 'idle']),
  files: z.object({ total: z.number(), pending: z.number(), running: z.number(), paused: z.number(), done: z.number(), failed: z.number(), cancelled: z.number() }),
  bytes: z.object({ done: z.number(), total: z.number() }),
  bytesPerSecond: z.number(),
  etaSeconds: z.number().nullable(),
  verified: z.object({ done: z.number(), total: z.number() }),
});

export const TransferJobView = z.object({
  id: z.string(),
  state: JobState,
  /** Who created it: `app` or `cli` (the command line shares the data folder). */
  origin: z.string(),
  createdAt: z.number(),
  finishedAt: z.number().nullable(),
  /** Being run by another MediaDesk process (e.g. the command line) right now. */
  busy: z.boolean(),
  progress: TransferProgressView.nullable(),
});
export type TransferJobView = z.infer<typeof TransferJobView>;

/** The saveable report (format `mediadesk-transfer-report`, version 1); checked loosely so the file format can grow. */
export const TransferReportView = z
  .object({
    format: z.literal('mediadesk-transfer-report'),
    version: z.literal(1),
    jobId: z.string(),
    outcome: z.enum(['complete', 'complete-with-problems', 'failed', 'cancelled', 'in-progress']),
    files: z.array(z.object({ relPath: z.string(), state: z.string(), verified: z.boolean().nullable() }).passthrough()),
  })
  .passthrough();

/**
 * A backup on its way (a folder tree to a chosen local folder, or as a .zip the browser downloads).
 * Restores run as transfer jobs (a backup folder is a transfer source), so they show as jobs.
 */
export const BackupActivityView = z.object({
  id: z.string(),
  /** folder: the desktop app writes into a folder the person chose; zip: the web host streams a .zip download. */
  kind: z.enum(['folder', 'zip']),
  /** waiting: a zip made ready, its download not started yet. */
  state: z.enum(['waiting', 'running', 'done', 'failed', 'cancelled']),
  profileId: z.string(),
  /** The library path backed up. */
  path: z.string(),
  /** Folder: where the backup was written. Zip: the file name the download is saved under. */
  destination: z.string(),
  files: z.object({ done: z.number(), total: z.number() }),
  bytes: z.object({ done: z.number(), total: z.number() }),
  /** What went wrong (failed), or how it ended. */
  message: z.string().nullable(),
  startedAt: z.number(),
  finishedAt: z.number().nullable(),
});
export type BackupActivityView = z.infer<typeof BackupActivityView>;

/** What a backup holds, read from its manifest before anything is restored. */
export const BackupSummaryView = z.object({
  /** Hand this to `transfer.planRestore`. */
  backupId: z.string(),
  profileName: z.string(),
  /** The library path it was made of (the default place to restore it). */
  sourcePath: z.string(),
  createdAt: z.string(),
  files: z.number(),
  bytes: z.number(),
  /** Older versions it holds, in all. */
  versions: z.number(),
  folders: z.number(),
});
export type BackupSummaryView = z.infer<typeof BackupSummaryView>;

const BackupRequest = z.object({ profileId: z.string().min(1).max(100), path: LibraryPath, versions: z.boolean().default(false) }).strict();
const ActivityId = z.object({ id: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'Not a backup id.') }).strict();
const DiskDirectory = z.string().min(1).max(4096);

const JobId = z.object({ jobId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'Not a transfer job id.') }).strict();

export const transferChannels = {
  /** The dry run: reads both profiles and decides per file; writes nothing. The plan is kept for `transfer.start`. */
  'transfer.plan': { input: TransferRequest, output: TransferPlanView },
  /** Starts a job from a plan; conflicting rows take `perRow[relPath]`, else `onConflict`. Refused while blocked or undecided. */
  'transfer.start': {
    input: z.object({ planId: z.string().min(1).max(100), onConflict: ConflictRule.optional(), perRow: z.record(z.string().max(2048), ConflictRule).optional() }).strict(),
    output: TransferJobView,
  },
  /** Every job, newest first (the command line's too). */
  'transfer.jobs': { input: z.union([z.undefined(), z.null()]).transform(() => undefined), output: z.array(TransferJobView) },
  'transfer.pause': { input: JobId, output: TransferJobView },
  /** Continues a paused job, or one a crash interrupted. */
  'transfer.resume': { input: JobId, output: TransferJobView },
  /** Files already transferred stay. */
  'transfer.cancel': { input: JobId, output: TransferJobView },
  'transfer.report': { input: JobId, output: TransferReportView },
  /** Desktop app: backs a folder tree up into a new folder inside `directory`, which must come from `app.pickDirectory`. */
  'transfer.backupToFolder': { input: BackupRequest.extend({ directory: DiskDirectory }).strict(), output: BackupActivityView },
  /** Web host: reads the tree now (errors answer here), then `GET /transfers/backup.zip?token=…&id=…` streams it. */
  'transfer.prepareBackupZip': { input: BackupRequest, output: BackupActivityView },
  /** Backups of this run, newest first. */
  'transfer.backups': { input: z.union([z.undefined(), z.null()]).transform(() => undefined), output: z.array(BackupActivityView) },
  'transfer.cancelBackup': { input: ActivityId, output: BackupActivityView },
  /** Desktop app: reads the manifest of a backup folder chosen in `app.pickDirectory`. (The web host takes a .zip: `PUT /transfers/restore.zip`.) */
  'transfer.inspectBackup': { input: z.object({ directory: DiskDirectory }).strict(), output: BackupSummaryView },
  /** The dry run of a restore into `target`: a plan for `transfer.start`, like `transfer.plan`. */
  'transfer.planRestore': {
    input: z
      .object({
        backupId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'Not a backup id.'),
        target: Location,
        versions: z.boolean().default(false),
        onConflict: z.enum(['ask', 'replace', 'keep-both', 'skip']).default('ask'),
      })
      .strict(),
    output: TransferPlanView,
  },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export const transferEvents = {
  /** Bytes and files of a running job (a few times a second at most). */
  'transfer.progress': TransferProgressView,
  /** A job started, paused, resumed, finished, failed or was cancelled. */
  'transfer.jobChanged': TransferJobView,
  /** A backup started, moved on (a few times a second at most), finished, failed or was cancelled. */
  'transfer.backupChanged': BackupActivityView,
} as const satisfies Record<string, z.ZodType>;
