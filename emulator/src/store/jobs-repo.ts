import type { Db } from './db.js';
import type { FolderJobKind } from './folder-transfer.js';

export interface BulkJob {
  jobId: string;
  type: FolderJobKind;
  status: 'Pending' | 'Completed';
  purgeRequestId?: string;
  /** What to run: kept so a job interrupted by a crash can be run again at start. */
  request: { source: string; newRoot: string; includeVersions: boolean; purgeUrl?: string };
}

export function saveJob(db: Db, job: BulkJob): void {
  db.prepare('INSERT INTO bulk_jobs(job_id, data) VALUES (?, ?) ON CONFLICT(job_id) DO UPDATE SET data = excluded.data').run(
    job.jobId,
    JSON.stringify(job),
  );
}

export function getJob(db: Db, jobId: string): BulkJob | undefined {
  const row = db.prepare('SELECT data FROM bulk_jobs WHERE job_id = ?').get(jobId) as { data: string } | undefined;
  return row ? (JSON.parse(row.data) as BulkJob) : undefined;
}

export function pendingJobs(db: Db): BulkJob[] {
  return (db.prepare('SELECT data FROM bulk_jobs').all() as { data: string }[])
    .map((r) => JSON.parse(r.data) as BulkJob)
    .filter((j) => j.status === 'Pending');
}
