import { useEffect, useMemo } from 'react';
import { ChevronDown, ChevronUp } from 'lucide-react';
import { useBackups, useTransferJobs } from '../../api/transfers';
import { describeError } from '../../api/errors';
import { Badge } from '../../ui/controls/Badge';
import { IconButton } from '../../ui/controls/IconButton';
import { BackupRow, backupActive, backupPercent } from './BackupRow';
import { percentDone } from './job-view';
import { TransferJobRow } from './TransferJobRow';
import { useTransfersUi } from './transfers-store';

const ACTIVE = new Set(['running', 'paused', 'verifying']);

/**
 * The "Transfers" drawer, docked above Uploads: jobs between profiles (restores included) that are
 * running, paused or interrupted, the ones this window followed until dismissed, and this run's
 * backups until dismissed. Absent while there are none.
 */
export function TransfersRegion() {
  const jobs = useTransferJobs();
  const backups = useBackups();
  const { expanded, setExpanded, followed, dismissed, follow } = useTransfersUi();
  const all = jobs.data ?? [];
  const activeIds = all.filter((j) => ACTIVE.has(j.state)).map((j) => j.id);
  const activeKey = activeIds.join(',');
  // A job seen running stays listed once it ends, so its verification and report are at hand.
  useEffect(() => {
    if (activeKey) follow(activeKey.split(','));
  }, [activeKey, follow]);

  const shown = useMemo(() => all.filter((j) => !dismissed.includes(j.id) && (ACTIVE.has(j.state) || followed.includes(j.id))), [all, dismissed, followed]);
  const shownBackups = useMemo(() => (backups.data ?? []).filter((b) => !dismissed.includes(b.id)), [backups.data, dismissed]);
  if (jobs.isError) {
    return (
      <section className="transfers-region" role="region" aria-label="Transfers">
        <p role="alert" className="transfer-error transfers-header">
          Could not list transfers: {describeError(jobs.error)}
        </p>
      </section>
    );
  }
  if (shown.length === 0 && shownBackups.length === 0) return null;

  const running = shown.filter((j) => ACTIVE.has(j.state));
  const runningBackups = shownBackups.filter(backupActive);
  const percents = [...running.filter((j) => j.progress).map((j) => percentDone(j.progress!)), ...runningBackups.map(backupPercent)];
  const overall = percents.length ? Math.round(percents.reduce((sum, p) => sum + p, 0) / percents.length) : null;
  const inProgress = running.length + runningBackups.length;
  const listed = shown.length + shownBackups.length;
  return (
    <section className={`transfers-region ${expanded ? 'expanded' : 'collapsed'}`} role="region" aria-label="Transfers">
      <div className="transfers-header">
        <IconButton size="sm" label={expanded ? 'Hide transfers' : 'Show transfers'} aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
          {expanded ? <ChevronDown /> : <ChevronUp />}
        </IconButton>
        <h2>Transfers</h2>
        {inProgress > 0 && (
          <Badge tone="accent" aria-label={`${inProgress} in progress`}>
            {inProgress}
          </Badge>
        )}
        {!expanded && overall !== null && <progress max={100} value={overall} aria-label="Transfers progress" />}
        {!expanded && <span className="transfer-hint">{inProgress ? `${inProgress} in progress` : `${listed} finished`}</span>}
      </div>
      {expanded && (
        <ul className="transfers-list" aria-label="Transfer jobs">
          {shownBackups.map((backup) => (
            <BackupRow key={backup.id} backup={backup} />
          ))}
          {shown.map((job) => (
            <TransferJobRow key={job.id} job={job} />
          ))}
        </ul>
      )}
    </section>
  );
}
