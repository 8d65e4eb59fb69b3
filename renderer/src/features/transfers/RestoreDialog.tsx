import { useMemo, useState } from 'react';
import { ArchiveRestore, ArrowLeft, ListChecks } from 'lucide-react';
import { useActiveProfile } from '../../api/profiles';
import { usePlanRestore, useStartTransfer, type BackupSummary, type TransferPlan } from '../../api/transfers';
import { describeError } from '../../api/errors';
import { formatBytes } from '../../app/format-bytes';
import { Button } from '../../ui/controls/Button';
import { Dialog } from '../../ui/dialog/Dialog';
import { toast } from '../../ui/toast/toast-store';
import { mergePlans, sendSummary, startRequests, undecidedCount, type ConflictChoice, type ConflictRule, planNotReady, withRowChoice } from './plan-view';
import { PlanReview } from './PlanReview';
import { RestoreSource } from './RestoreSource';
import { normalizeFolder, TargetFolderField } from './TargetFolderField';
import { useTransfersUi } from './transfers-store';

/**
 * Where a backup lands by default: from the library's menu, where it was backed up from (a deleted
 * folder comes back at its place); from a folder's menu, inside that folder.
 */
function defaultTarget(menuFolder: string, summary: BackupSummary): string {
  if (menuFolder === '/') return summary.sourcePath;
  const name = summary.sourcePath === '/' ? '' : summary.sourcePath.split('/').pop();
  return name ? `${menuFolder}/${name}` : menuFolder;
}

const plural = (n: number, word: string) => `${n.toLocaleString()} ${word}${n === 1 ? '' : 's'}`;

/**
 * "Restore from backup…": choose the backup (.zip in the browser, folder in the desktop app), see
 * what it holds and where it goes, review the dry run, then run it as a transfer job (verified file
 * by file) in the Transfers drawer.
 */
export function RestoreDialog({ folderPath, onClose }: { folderPath: string; onClose(): void }) {
  const active = useActiveProfile();
  const [profileId] = useState(() => active?.id ?? '');
  const [summary, setSummary] = useState<BackupSummary | null>(null);
  const [target, setTarget] = useState('/');
  const [versions, setVersions] = useState(true);
  const [plan, setPlan] = useState<TransferPlan | null>(null);
  const [rule, setRule] = useState<ConflictChoice>('ask');
  const [perRow, setPerRow] = useState<Record<string, ConflictRule>>({});
  const planRestore = usePlanRestore();
  const start = useStartTransfer();
  const { follow, setExpanded } = useTransfersUi();
  const merged = useMemo(() => (plan ? mergePlans([plan]) : null), [plan]);
  const undecided = merged ? undecidedCount(merged, rule, perRow) : 0;
  const targetPath = normalizeFolder(target);

  const review = () => {
    if (!summary || targetPath === null) return;
    planRestore.mutate(
      { backupId: summary.backupId, target: { profileId, path: targetPath }, versions: versions && summary.versions > 0, onConflict: 'ask' },
      { onSuccess: (got) => (setPlan(got), setPerRow({})) },
    );
  };
  const run = () => {
    if (!plan) return;
    start.mutate(startRequests([plan], rule, perRow), {
      onSuccess: (jobs) => {
        follow(jobs.map((j) => j.id));
        setExpanded(true);
        toast(`Restoring the backup into ${targetPath}: follow it in Transfers.`, { channel: 'library', tone: 'ok' });
        onClose();
      },
    });
  };

  const subtitle = `Into ${active?.name ?? 'this profile'}`;
  return (
    <Dialog title="Restore from backup" subtitle={subtitle} onClose={onClose} size={merged ? 'lg' : undefined}>
      {!summary ? (
        <RestoreSource
          onCancel={onClose}
          onOpened={(opened) => {
            setSummary(opened);
            setTarget(defaultTarget(folderPath, opened));
          }}
        />
      ) : !merged ? (
        <form
          className="transfer-form"
          onSubmit={(e) => {
            e.preventDefault();
            review();
          }}
        >
          <div className="transfer-note" role="group" aria-label="Backup contents">
            <p className="transfer-note">
              Backup of <strong>{summary.sourcePath}</strong> from {summary.profileName}, made {new Date(summary.createdAt).toLocaleString()}.
            </p>
            <p className="transfer-hint">
              {plural(summary.files, 'file')} ({formatBytes(summary.bytes)}), {plural(summary.folders, 'folder')}
              {summary.versions > 0 ? `, ${plural(summary.versions, 'older version')}` : ''}.
            </p>
          </div>
          <TargetFolderField profileId={profileId} value={target} onChange={setTarget} />
          {summary.versions > 0 && (
            <label className="transfer-check">
              <input type="checkbox" checked={versions} onChange={(e) => setVersions(e.target.checked)} />
              <span>Restore older versions</span>
              <span className="transfer-hint">in order, each with its own fields; the current version is restored last</span>
            </label>
          )}
          {planRestore.isError && (
            <p role="alert" className="transfer-error">
              Could not make the plan; nothing was written. {describeError(planRestore.error)}
            </p>
          )}
          <div className="transfer-actions">
            <Button icon={<ArrowLeft />} onClick={() => (setSummary(null), planRestore.reset())}>
              Other backup
            </Button>
            <Button type="submit" variant="primary" icon={<ListChecks />} disabled={targetPath === null || planRestore.isPending}>
              {planRestore.isPending ? 'Making the plan…' : 'Review plan'}
            </Button>
          </div>
          {planRestore.isPending && (
            <p role="status" className="transfer-hint">
              Comparing the backup with {targetPath}; nothing is written yet.
            </p>
          )}
        </form>
      ) : (
        <div className="transfer-form">
          <p className="transfer-hint">
            Restore into <strong>{active?.name ?? 'this profile'}</strong> {targetPath}. Nothing has been written yet.
          </p>
          <PlanReview
            plan={merged}
            rule={rule}
            perRow={perRow}
            onRule={setRule}
            onChoose={(relPath, choice) => setPerRow((rows) => withRowChoice(rows, relPath, choice))}
          />
          {start.isError && (
            <p role="alert" className="transfer-error">
              Could not start the restore. {describeError(start.error)}
            </p>
          )}
          <div className="transfer-actions">
            <Button icon={<ArrowLeft />} onClick={() => (setPlan(null), start.reset())}>
              Back
            </Button>
            <span className="transfer-hint transfer-actions-note">
              {planNotReady(merged, undecided) ?? `${formatBytes(sendSummary(merged, rule, perRow).bytes)} to upload.`}
            </span>
            <Button variant="primary" icon={<ArchiveRestore />} disabled={planNotReady(merged, undecided) !== null || start.isPending} onClick={run}>
              {start.isPending ? 'Starting…' : 'Start restore'}
            </Button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
