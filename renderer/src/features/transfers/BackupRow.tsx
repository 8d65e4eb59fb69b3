import { X } from 'lucide-react';
import { useCancelBackup, type BackupActivity } from '../../api/transfers';
import { describeError } from '../../api/errors';
import { formatBytes } from '../../app/format-bytes';
import { Button } from '../../ui/controls/Button';
import { IconButton } from '../../ui/controls/IconButton';
import { useTransfersUi } from './transfers-store';

const STATE_LABELS: Record<BackupActivity['state'], string> = {
  waiting: 'Starting download',
  running: 'Backing up',
  done: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/** A 0–100 share of a backup's bytes (files when they are all empty). */
export function backupPercent(backup: BackupActivity): number {
  if (backup.bytes.total > 0) return Math.min(100, Math.round((backup.bytes.done / backup.bytes.total) * 100));
  return backup.files.total > 0 ? Math.round((backup.files.done / backup.files.total) * 100) : 100;
}

export const backupActive = (backup: BackupActivity) => backup.state === 'waiting' || backup.state === 'running';

/** One backup in the Transfers drawer: what is saved where, how far, and how it ended. */
export function BackupRow({ backup }: { backup: BackupActivity }) {
  const cancel = useCancelBackup();
  const dismiss = useTransfersUi((s) => s.dismiss);
  const title = `Back up ${backup.path} ${backup.kind === 'zip' ? `as ${backup.destination}` : `into ${backup.destination}`}`;
  const active = backupActive(backup);
  return (
    <li className={`transfer-job transfer-job-${backup.state}`} aria-label={title}>
      <div className="transfer-job-head">
        <span className="transfer-job-title" title={title}>
          {title}
        </span>
        <span className="transfer-job-state">{STATE_LABELS[backup.state]}</span>
      </div>
      {backup.state !== 'failed' && <progress max={100} value={backupPercent(backup)} aria-label={`Progress of ${title}`} />}
      <span className="transfer-hint">
        {`${backup.files.done.toLocaleString()} of ${backup.files.total.toLocaleString()} files · ${formatBytes(backup.bytes.done)} of ${formatBytes(backup.bytes.total)}`}
      </span>
      {backup.message && (
        <p role={backup.state === 'failed' ? 'alert' : 'status'} className={backup.state === 'failed' ? 'transfer-error' : backup.state === 'done' ? 'transfer-verification transfer-verification-ok' : 'transfer-hint'}>
          {backup.message}
        </p>
      )}
      {cancel.isError && (
        <p role="alert" className="transfer-error">
          {describeError(cancel.error)}
        </p>
      )}
      <div className="transfer-job-actions">
        {active && (
          <Button size="sm" variant="quiet" icon={<X />} className="is-danger" disabled={cancel.isPending} onClick={() => cancel.mutate(backup.id)}>
            Cancel
          </Button>
        )}
        {!active && (
          <IconButton size="sm" label={`Dismiss ${title}`} tooltip="Remove from this list" onClick={() => dismiss(backup.id)}>
            <X />
          </IconButton>
        )}
      </div>
    </li>
  );
}
