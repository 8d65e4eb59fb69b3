import { useEffect } from 'react';
import { useJobStatus } from '../../api/library';
import { describeError } from '../../api/errors';
import { useDialogStore, type RunningJob } from './dialog-store';

/** One line per running folder job, polled until ImageKit reports it done. */
export function JobsProgress() {
  const jobs = useDialogStore((s) => s.jobs);
  if (!jobs.length) return null;
  return (
    <ul className="jobs" aria-label="Folder jobs">
      {jobs.map((job) => (
        <JobLine key={job.jobId} job={job} />
      ))}
    </ul>
  );
}

function JobLine({ job }: { job: RunningJob }) {
  const status = useJobStatus(job.jobId);
  const removeJob = useDialogStore((s) => s.removeJob);
  const tell = useDialogStore((s) => s.tell);
  const done = status.data?.done ?? false;

  useEffect(() => {
    if (!done || !status.data) return;
    const words = status.data.status === 'Completed' ? 'finished' : `ended: ${status.data.status}${status.data.message ? ` (${status.data.message})` : ''}`;
    tell(`${job.label} ${words}.`);
    removeJob(job.jobId);
  }, [done, status.data, job, removeJob, tell]);

  return (
    <li role="progressbar" aria-label={job.label} aria-valuetext={status.data?.status ?? 'Starting'}>
      {job.label}: {status.isError ? `could not check the job (${describeError(status.error)})` : (status.data?.status ?? 'Starting')}…
    </li>
  );
}
