import { useState } from 'react';
import { FileDown, Pause, Play, X } from 'lucide-react';
import { useProfiles } from '../../api/profiles';
import { useTransferJobAction, useTransferReport, type TransferJob } from '../../api/transfers';
import { describeError } from '../../api/errors';
import { Button } from '../../ui/controls/Button';
import { IconButton } from '../../ui/controls/IconButton';
import { jobTitle, percentDone, progressLine, reportFacts, stateLabel, verificationLine } from './job-view';
import { saveReport } from './save-report';
import { useTransfersUi } from './transfers-store';

const FINAL = new Set(['done', 'cancelled', 'failed']);

/** One transfer in the drawer: what moves where, its progress, verification, and its controls. */
export function TransferJobRow({ job }: { job: TransferJob }) {
  const profiles = useProfiles();
  const report = useTransferReport(job.id);
  const action = useTransferJobAction();
  const dismiss = useTransfersUi((s) => s.dismiss);
  const [saved, setSaved] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const facts = reportFacts(report.data);
  const title = jobTitle(facts, (id) => profiles.data?.find((p) => p.id === id)?.name);
  const final = FINAL.has(job.state);
  const interrupted = job.state === 'running' && !job.progress;
  const verification = verificationLine(job, facts);
  const act = (a: 'pause' | 'resume' | 'cancel') => action.mutate({ action: a, jobId: job.id });
  const save = () =>
    saveReport(job.id).then(
      (name) => (setSaved(name), setSaveError(null)),
      (error: unknown) => setSaveError(describeError(error)),
    );

  return (
    <li className={`transfer-job transfer-job-${job.state}`} aria-label={title}>
      <div className="transfer-job-head">
        <span className="transfer-job-title" title={title}>
          {title}
        </span>
        <span className="transfer-job-state">{stateLabel(job)}</span>
      </div>
      {job.progress && (
        <>
          <progress max={100} value={percentDone(job.progress)} aria-label={`Progress of ${title}`} />
          <span className="transfer-hint">{progressLine(job.progress, job.state === 'running')}</span>
        </>
      )}
      {verification && (
        <p role="status" className={`transfer-verification transfer-verification-${verification.tone}`}>
          {verification.text}
        </p>
      )}
      {job.state === 'failed' && facts?.error && <p className="transfer-error">{facts.error}</p>}
      {(action.isError || saveError) && (
        <p role="alert" className="transfer-error">
          {action.isError ? describeError(action.error) : `Could not save the report: ${saveError}`}
        </p>
      )}
      {saved && <p className="transfer-hint">Report saved as {saved}.</p>}
      <div className="transfer-job-actions">
        {job.state === 'running' && !interrupted && !job.busy && (
          <Button size="sm" variant="quiet" icon={<Pause />} disabled={action.isPending} onClick={() => act('pause')}>
            Pause
          </Button>
        )}
        {(job.state === 'paused' || interrupted) && !job.busy && (
          <Button size="sm" variant="quiet" icon={<Play />} disabled={action.isPending} onClick={() => act('resume')}>
            Resume
          </Button>
        )}
        {!final && !job.busy && (
          <Button size="sm" variant="quiet" icon={<X />} className="is-danger" disabled={action.isPending} onClick={() => act('cancel')}>
            Cancel
          </Button>
        )}
        <Button size="sm" variant="quiet" icon={<FileDown />} onClick={() => void save()}>
          Save report
        </Button>
        {final && (
          <IconButton size="sm" label={`Dismiss ${title}`} tooltip="Remove from this list" onClick={() => dismiss(job.id)}>
            <X />
          </IconButton>
        )}
      </div>
    </li>
  );
}
