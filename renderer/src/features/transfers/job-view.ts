import { formatBytes } from '../../app/format-bytes';
import type { TransferJob, TransferReport } from '../../api/transfers';

type Progress = NonNullable<TransferJob['progress']>;

/** What a report says about the job, read defensively: the report's format may grow. */
export interface ReportFacts {
  mode: string;
  sourceProfileId: string;
  sourcePath: string;
  targetProfileId: string;
  targetPath: string;
  verified: number;
  verifyProblems: number;
  failed: number;
  files: number;
  /** The job's own error (e.g. setup failed), if any. */
  error: string | null;
}

const text = (v: unknown, fallback = '') => (typeof v === 'string' ? v : fallback);
const count = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const record = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});

export function reportFacts(report: TransferReport | undefined): ReportFacts | null {
  if (!report) return null;
  const source = record(report.source);
  const target = record(report.target);
  const totals = record(report.totals);
  return {
    mode: text(report.mode, 'copy'),
    sourceProfileId: text(source.profileId),
    sourcePath: text(source.path, text(source.directory)),
    targetProfileId: text(target.profileId),
    targetPath: text(target.path),
    verified: count(totals.verified),
    verifyProblems: count(totals.verifyProblems),
    failed: count(totals.failed),
    files: count(totals.files),
    error: typeof report.error === 'string' ? report.error : null,
  };
}

const VERBS: Record<string, string> = { copy: 'Copy', move: 'Move', sync: 'Sync' };

/** "Copy /trip from Local library to Studio /trip" (names of deleted profiles fall back to their ids). */
export function jobTitle(facts: ReportFacts | null, profileName: (id: string) => string | undefined): string {
  if (!facts) return 'Transfer';
  // A backup folder (or an unpacked .zip) has no profile: its place on disk says nothing to the person.
  if (!facts.sourceProfileId) return `Restore a backup to ${profileName(facts.targetProfileId) ?? facts.targetProfileId} ${facts.targetPath}`;
  const from = profileName(facts.sourceProfileId) ?? (facts.sourceProfileId || 'a backup folder');
  const to = profileName(facts.targetProfileId) ?? facts.targetProfileId;
  return `${VERBS[facts.mode] ?? 'Transfer'} ${facts.sourcePath} from ${from} to ${to} ${facts.targetPath}`;
}

export const STATE_LABELS: Record<TransferJob['state'], string> = {
  running: 'Transferring',
  paused: 'Paused',
  verifying: 'Verifying',
  done: 'Done',
  cancelled: 'Cancelled',
  failed: 'Failed',
};

/** The job's state in words; a job another process (the command line) runs says so. */
export function stateLabel(job: TransferJob): string {
  if (job.busy) return `${STATE_LABELS[job.state]} (by the command line)`;
  if (job.state === 'running' && !job.progress) return 'Interrupted';
  return STATE_LABELS[job.state];
}

function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s`;
  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** "3 of 10 files · 1.2 MB of 5 MB · 2 MB/s · about 10 s left". */
export function progressLine(progress: Progress, active: boolean): string {
  const files = progress.files;
  const finished = files.done + files.failed + files.cancelled;
  const parts = [`${finished.toLocaleString()} of ${files.total.toLocaleString()} files`, `${formatBytes(progress.bytes.done)} of ${formatBytes(progress.bytes.total)}`];
  if (files.failed) parts.push(`${files.failed} failed`);
  if (active && progress.bytesPerSecond > 0) parts.push(`${formatBytes(progress.bytesPerSecond)}/s`);
  if (active && progress.etaSeconds !== null && progress.etaSeconds > 0) parts.push(`about ${formatSeconds(progress.etaSeconds)} left`);
  return parts.join(' · ');
}

/** A 0–100 share of the work done: bytes when any travel, else files (a fields-only plan). */
export function percentDone(progress: Progress): number {
  if (progress.bytes.total > 0) return Math.min(100, Math.round((progress.bytes.done / progress.bytes.total) * 100));
  const { total, done, failed, cancelled } = progress.files;
  return total > 0 ? Math.round(((done + failed + cancelled) / total) * 100) : 100;
}

export type Verification = { tone: 'ok' | 'warn' | 'info'; text: string };

/** What verification found: each target file's checksum and fields against the source's. */
export function verificationLine(job: TransferJob, facts: ReportFacts | null): Verification | null {
  if (job.state === 'verifying' && job.progress) {
    return { tone: 'info', text: `Verifying ${job.progress.verified.done} of ${job.progress.verified.total} files…` };
  }
  if (job.state !== 'done' || !facts) return null;
  if (facts.verifyProblems > 0 || facts.failed > 0) {
    const problems = [facts.verifyProblems && `${facts.verifyProblems} differ from the source`, facts.failed && `${facts.failed} failed`].filter(Boolean).join(', ');
    return { tone: 'warn', text: `Verification found problems: ${problems}. Save the report for the details.` };
  }
  if (facts.verified === 0) return { tone: 'ok', text: 'Nothing needed transferring; the target already matched.' };
  return { tone: 'ok', text: `Verified: ${facts.verified} of ${facts.verified} file${facts.verified === 1 ? '' : 's'} match the source (checksums and fields).` };
}

/** A file name for the saved report that sorts by date and names the job. */
export function reportFileName(jobId: string): string {
  return `mediadesk-transfer-${jobId.replace(/[^A-Za-z0-9-]/g, '')}.json`;
}
