import { useMemo, useState } from 'react';
import { ArrowLeft, ArrowRightLeft, ListChecks } from 'lucide-react';
import { useActiveProfile, useProfiles } from '../../api/profiles';
import { usePlanTransfer, useStartTransfer, type TransferPlan } from '../../api/transfers';
import { describeError } from '../../api/errors';
import { useUiStore } from '../../app/ui-store';
import { Button } from '../../ui/controls/Button';
import { Dialog } from '../../ui/dialog/Dialog';
import { toast } from '../../ui/toast/toast-store';
import type { TransferIntent } from '../../ui/transfer-intent';
import { formatBytes } from '../../app/format-bytes';
import { mergePlans, sendSummary, startRequests, undecidedCount, type ConflictRule, planNotReady, withRowChoice } from './plan-view';
import { PlanReview } from './PlanReview';
import { normalizeFolder } from './TargetFolderField';
import { TransferOptions, type TransferDraft } from './TransferOptions';
import { useTransfersUi } from './transfers-store';

function sendLine({ bytes, conflictsSent }: { bytes: number; conflictsSent: number }): string {
  const extra = conflictsSent ? `, plus ${conflictsSent} conflicting file${conflictsSent === 1 ? '' : 's'} to replace or keep` : '';
  return `${formatBytes(bytes)} to send${extra}.`;
}

/**
 * "Copy to profile…" / "Move to profile…": pick the target and the rules, review the dry run (nothing
 * is written until "Start transfer"), then hand the job to the Transfers drawer.
 */
export function TransferDialog({ intent, onClose }: { intent: TransferIntent; onClose(): void }) {
  const profiles = useProfiles();
  // The source is the profile open when the dialog opened, even if another is opened meanwhile.
  const active = useActiveProfile();
  const [sourceProfileId] = useState(() => active?.id ?? '');
  const targets = useMemo(() => (profiles.data ?? []).filter((p) => p.id !== sourceProfileId), [profiles.data, sourceProfileId]);
  const sourceName = profiles.data?.find((p) => p.id === sourceProfileId)?.name ?? 'this profile';
  const [draft, setDraft] = useState<TransferDraft>({ targetProfileId: '', targetPath: intent.suggestedTarget, versions: false, rule: 'ask' });
  const [plans, setPlans] = useState<TransferPlan[] | null>(null);
  const [perRow, setPerRow] = useState<Record<string, ConflictRule>>({});
  const plan = usePlanTransfer();
  const start = useStartTransfer();
  const { follow, setExpanded } = useTransfersUi();

  const targetProfileId = draft.targetProfileId || targets[0]?.id || '';
  const targetName = targets.find((p) => p.id === targetProfileId)?.name ?? '';
  const targetPath = normalizeFolder(draft.targetPath);
  const verb = intent.mode === 'copy' ? 'Copy' : 'Move';
  const merged = useMemo(() => (plans ? mergePlans(plans) : null), [plans]);
  const undecided = merged ? undecidedCount(merged, draft.rule, perRow) : 0;

  const change = (next: Partial<TransferDraft>) => {
    setDraft((d) => ({ ...d, targetProfileId, ...next }));
    setPlans(null);
    plan.reset();
  };
  const review = () => {
    if (!targetProfileId || targetPath === null) return;
    const requests = intent.sourcePaths.map((path) => ({
      source: { profileId: sourceProfileId, path },
      target: { profileId: targetProfileId, path: targetPath },
      mode: intent.mode,
      versions: draft.versions,
      onConflict: 'ask' as const,
    }));
    plan.mutate(requests, { onSuccess: (got) => (setPlans(got), setPerRow({})) });
  };
  const run = () => {
    if (!plans) return;
    start.mutate(startRequests(plans, draft.rule, perRow), {
      onSuccess: (jobs) => {
        follow(jobs.map((j) => j.id));
        setExpanded(true);
        toast(`${verb === 'Copy' ? 'Copying' : 'Moving'} ${intent.what} to ${targetName} ${targetPath}: follow it in Transfers.`, { channel: 'library', tone: 'ok' });
        onClose();
      },
    });
  };

  const title = `${verb} ${intent.what} to another profile`;
  if (profiles.isSuccess && targets.length === 0) {
    return (
      <Dialog title={title} onClose={onClose}>
        <p>There is no other profile to {verb.toLowerCase()} to. Add an ImageKit account (or use the Local library) as a second profile first.</p>
        <div className="transfer-actions">
          <Button variant="primary" onClick={() => (onClose(), useUiStore.getState().openProfileDialog(null))}>
            New profile…
          </Button>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog title={title} subtitle={`From ${sourceName}: ${intent.sourcePaths.length === 1 ? intent.sourcePaths[0] : `${intent.sourcePaths.length} files`}`} onClose={onClose} size="lg">
      {!merged ? (
        <form
          className="transfer-form"
          onSubmit={(e) => {
            e.preventDefault();
            review();
          }}
        >
          <TransferOptions draft={{ ...draft, targetProfileId }} targets={targets} onChange={change} />
          {intent.mode === 'move' && <p className="transfer-hint">Each source file is deleted only after its copy on the target is verified.</p>}
          {plan.isError && (
            <p role="alert" className="transfer-error">
              Could not make the plan; nothing was written. {describeError(plan.error)}
            </p>
          )}
          <div className="transfer-actions">
            <Button onClick={onClose}>Cancel</Button>
            <Button type="submit" variant="primary" icon={<ListChecks />} disabled={!targetProfileId || targetPath === null || plan.isPending}>
              {plan.isPending ? 'Making the plan…' : 'Review plan'}
            </Button>
          </div>
          {plan.isPending && (
            <p role="status" className="transfer-hint">
              Reading both libraries and comparing checksums; nothing is written yet.
            </p>
          )}
        </form>
      ) : (
        <div className="transfer-form">
          <p className="transfer-hint">
            {verb} to <strong>{targetName}</strong> {targetPath}
            {draft.versions ? ', with every version' : ''}. Nothing has been written yet.
          </p>
          <PlanReview
            plan={merged}
            rule={draft.rule}
            perRow={perRow}
            onRule={(rule) => setDraft((d) => ({ ...d, rule }))}
            onChoose={(relPath, choice) => setPerRow((rows) => withRowChoice(rows, relPath, choice))}
          />
          {start.isError && (
            <p role="alert" className="transfer-error">
              Could not start the transfer. {describeError(start.error)}
            </p>
          )}
          <div className="transfer-actions">
            <Button icon={<ArrowLeft />} onClick={() => (setPlans(null), start.reset())}>
              Back
            </Button>
            <span className="transfer-hint transfer-actions-note">
              {planNotReady(merged, undecided) ?? sendLine(sendSummary(merged, draft.rule, perRow))}
            </span>
            <Button variant="primary" icon={<ArrowRightLeft />} disabled={planNotReady(merged, undecided) !== null || start.isPending} onClick={run}>
              {start.isPending ? 'Starting…' : 'Start transfer'}
            </Button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
