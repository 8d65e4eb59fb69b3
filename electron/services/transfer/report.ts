import type { JobItem, JobRecord, JobState, SetupTask } from './job-store';
import { joinLibrary } from './paths';
import type { LibraryRef, NotTransferable, PlanAction, SchemaIssue, SourceRef, TransferMode } from './types';

/* Type aliases (not interfaces) so the report is assignable to the contract's open JSON schema. */
export type ReportFile = {
  relPath: string;
  action: PlanAction;
  reason: string;
  /** pending/running/paused/done/failed/cancelled for items; `skipped` for rows that needed no work. */
  state: string;
  targetPath: string;
  checksum: string | null;
  /** null: not verified (not transferred, or not finished). */
  verified: boolean | null;
  problems: string[];
  error: string | null;
  help: string | null;
};

export type TransferReport = {
  format: 'mediadesk-transfer-report';
  version: 1;
  jobId: string;
  state: JobState;
  outcome: 'complete' | 'complete-with-problems' | 'failed' | 'cancelled' | 'in-progress';
  mode: TransferMode;
  versions: boolean;
  source: SourceRef;
  target: LibraryRef;
  createdAt: string;
  finishedAt: string | null;
  error: string | null;
  totals: {
    files: number;
    done: number;
    skipped: number;
    failed: number;
    cancelled: number;
    pending: number;
    verified: number;
    verifyProblems: number;
    bytesTransferred: number;
  };
  setup: { kind: SetupTask['kind']; key: string; state: SetupTask['state']; error: string | null }[];
  blocked: SchemaIssue[];
  notTransferable: NotTransferable[];
  files: ReportFile[];
};

/** The job's report: every planned file with what happened, what verification found, and why anything failed. */
export function buildReport(job: JobRecord, items: JobItem[], setup: SetupTask[]): TransferReport {
  const { plan } = job;
  const byRel = new Map(items.map((i) => [i.relPath, i]));
  const files: ReportFile[] = plan.rows.map((row) => {
    const item = byRel.get(row.relPath);
    if (!item) {
      return { relPath: row.relPath, action: row.action, reason: row.reason, state: 'skipped', targetPath: row.targetPath, checksum: null, verified: null, problems: [], error: null, help: null };
    }
    const targetPath = item.targetName ? joinLibrary(item.targetFolder, item.targetName) : row.targetPath;
    return {
      relPath: row.relPath,
      action: item.action,
      reason: row.reason,
      state: item.state,
      targetPath,
      checksum: item.verify?.checksum ?? item.checksums[item.checksums.length - 1] ?? null,
      verified: item.verify ? item.verify.ok : null,
      problems: item.verify?.problems ?? [],
      error: item.errorMessage && item.state !== 'done' ? item.errorMessage : null,
      help: item.errorHelp && item.state !== 'done' ? item.errorHelp : null,
    };
  });
  const count = (state: string) => files.filter((f) => f.state === state).length;
  const verifyProblems = files.filter((f) => f.verified === false).length;
  const failedSetup = setup.filter((s) => s.state === 'failed').length;
  const bytesTransferred = items.reduce((sum, i) => sum + i.steps.slice(0, i.step).reduce((s, v) => s + v.size, 0), 0);
  const totals = {
    files: files.length,
    done: count('done'),
    skipped: count('skipped'),
    failed: count('failed'),
    cancelled: count('cancelled'),
    pending: files.length - count('done') - count('skipped') - count('failed') - count('cancelled'),
    verified: files.filter((f) => f.verified === true).length,
    verifyProblems,
    bytesTransferred,
  };
  let outcome: TransferReport['outcome'] = 'in-progress';
  if (job.state === 'cancelled') outcome = 'cancelled';
  else if (job.state === 'failed') outcome = 'failed';
  else if (job.state === 'done') outcome = totals.failed || verifyProblems || failedSetup ? 'complete-with-problems' : 'complete';
  return {
    format: 'mediadesk-transfer-report',
    version: 1,
    jobId: job.id,
    state: job.state,
    outcome,
    mode: plan.spec.mode,
    versions: plan.spec.versions,
    source: plan.spec.source,
    target: plan.spec.target,
    createdAt: new Date(job.createdAt).toISOString(),
    finishedAt: job.finishedAt ? new Date(job.finishedAt).toISOString() : null,
    error: job.error,
    totals,
    setup: setup.map((s) => ({ kind: s.kind, key: s.key, state: s.state, error: s.error })),
    blocked: plan.blocked,
    notTransferable: plan.notTransferable,
    files,
  };
}
