import { useEffect, useMemo } from 'react';
import { ChevronDown, ChevronUp } from 'lucide-react';
import { useTransferJobs } from '../../api/transfers';
import { describeError } from '../../api/errors';
import { Badge } from '../../ui/controls/Badge';
import { IconButton } from '../../ui/controls/IconButton';
import { percentDone } from './job-view';
import { TransferJobRow } from './TransferJobRow';
import { useTransfersUi } from './transfers-store';

const ACTIVE = new Set(['running', 'paused', 'verifying']);

/**
 * The "Transfers" drawer, docked above Uploads: jobs between profiles that are running, paused or
 * interrupted, and the ones this window followed until dismissed. Absent while there are none.
 */
export function TransfersRegion() {
  const jobs = useTransferJobs();
  const { expanded, setExpanded, followed, dismissed, follow } = useTransfersUi();
  const all = jobs.data ?? [];
  const activeIds = all.filter((j) => ACTIVE.has(j.state)).map((j) => j.id);
  const activeKey = activeIds.join(',');
  // A job seen running stays listed once it ends, so its verification and report are at hand.
  useEffect(() => {
    if (activeKey) follow(activeKey.split(','));
  }, [activeKey, follow]);

  const shown = useMemo(() => all.filter((j) => !dismissed.includes(j.id) && (ACTIVE.has(j.state) || followed.includes(j.id))), [all, dismissed, followed]);
  if (jobs.isError) {
    return (
      <section className="transfers-region" role="region" aria-label="Transfers">
        <p role="alert" className="transfer-error transfers-header">
          Could not list transfers: {describeError(jobs.error)}
        </p>
      </section>
    );
  }
  if (shown.length === 0) return null;

  const running = shown.filter((j) => ACTIVE.has(j.state));
  const withProgress = running.filter((j) => j.progress);
  const overall = withProgress.length ? Math.round(withProgress.reduce((sum, j) => sum + percentDone(j.progress!), 0) / withProgress.length) : null;
  return (
    <section className={`transfers-region ${expanded ? 'expanded' : 'collapsed'}`} role="region" aria-label="Transfers">
      <div className="transfers-header">
        <IconButton size="sm" label={expanded ? 'Hide transfers' : 'Show transfers'} aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
          {expanded ? <ChevronDown /> : <ChevronUp />}
        </IconButton>
        <h2>Transfers</h2>
        {running.length > 0 && (
          <Badge tone="accent" aria-label={`${running.length} in progress`}>
            {running.length}
          </Badge>
        )}
        {!expanded && overall !== null && <progress max={100} value={overall} aria-label="Transfers progress" />}
        {!expanded && <span className="transfer-hint">{running.length ? `${running.length} in progress` : `${shown.length} finished`}</span>}
      </div>
      {expanded && (
        <ul className="transfers-list" aria-label="Transfer jobs">
          {shown.map((job) => (
            <TransferJobRow key={job.id} job={job} />
          ))}
        </ul>
      )}
    </section>
  );
}
