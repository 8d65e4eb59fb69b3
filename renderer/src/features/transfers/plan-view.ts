import type { TransferPlan } from '../../api/transfers';

export type PlanRow = TransferPlan['rows'][number];
export type PlanAction = PlanRow['action'];
export type ConflictRule = 'replace' | 'keep-both' | 'skip';
/** `ask`: every conflicting file is decided in the plan table. */
export type ConflictChoice = ConflictRule | 'ask';

export const ACTION_LABELS: Record<PlanAction, string> = {
  create: 'Create',
  replace: 'Replace',
  'keep-both': 'Keep both',
  skip: 'Skip',
  'update-fields': 'Update fields',
  conflict: 'Conflict',
  delete: 'Delete',
};

/** Table order of the totals: what writes first, then what is left alone, then what needs a choice. */
export const ACTION_ORDER: PlanAction[] = ['create', 'replace', 'keep-both', 'update-fields', 'delete', 'skip', 'conflict'];

export interface MergedPlan {
  rows: PlanRow[];
  rowsTruncated: boolean;
  files: number;
  bytes: number;
  byAction: Record<PlanAction, number>;
  bytesByAction: Record<PlanAction, number>;
  blocked: TransferPlan['blocked'];
  fieldsToCreate: TransferPlan['fieldsToCreate'];
  notTransferable: TransferPlan['notTransferable'];
  folders: number;
}

const zero = (): Record<PlanAction, number> => ({ create: 0, replace: 0, 'keep-both': 0, skip: 0, 'update-fields': 0, conflict: 0, delete: 0 });

/** Several plans (one per selected file) read as one: rows and totals added, field lists without repeats. */
export function mergePlans(plans: TransferPlan[]): MergedPlan {
  const merged: MergedPlan = { rows: [], rowsTruncated: false, files: 0, bytes: 0, byAction: zero(), bytesByAction: zero(), blocked: [], fieldsToCreate: [], notTransferable: [], folders: 0 };
  const blocked = new Set<string>();
  const fields = new Set<string>();
  for (const plan of plans) {
    merged.rows.push(...plan.rows);
    merged.rowsTruncated ||= plan.rowsTruncated;
    merged.files += plan.totals.files;
    merged.bytes += plan.totals.bytes;
    merged.folders += plan.folders.length;
    for (const action of ACTION_ORDER) {
      merged.byAction[action] += plan.totals.byAction[action];
      merged.bytesByAction[action] += plan.totals.bytesByAction[action];
    }
    for (const b of plan.blocked) {
      if (blocked.has(b.reason)) continue;
      blocked.add(b.reason);
      merged.blocked.push(b);
    }
    for (const f of plan.fieldsToCreate) {
      if (fields.has(f.name)) continue;
      fields.add(f.name);
      merged.fieldsToCreate.push(f);
    }
    merged.notTransferable.push(...plan.notTransferable);
  }
  return merged;
}

/** What a conflicting row will do: its own choice, else the rule; null while the person has not decided. */
export function decisionFor(row: PlanRow, rule: ConflictChoice, perRow: Record<string, ConflictRule>): ConflictRule | null {
  if (row.action !== 'conflict') return null;
  return perRow[row.relPath] ?? (rule === 'ask' ? null : rule);
}

/** Conflicting files still waiting for a choice; the transfer cannot start while any are. */
export function undecidedCount(plan: MergedPlan, rule: ConflictChoice, perRow: Record<string, ConflictRule>): number {
  if (rule !== 'ask') return 0;
  // Rows past the table's limit cannot be chosen one by one: only a rule decides them.
  const chosen = plan.rows.filter((r) => r.action === 'conflict' && perRow[r.relPath]).length;
  return plan.byAction.conflict - chosen;
}

/** The `transfer.start` calls for the reviewed plans: each plan gets the rule and the choices for its own rows. */
export function startRequests(plans: TransferPlan[], rule: ConflictChoice, perRow: Record<string, ConflictRule>) {
  return plans.map((plan) => {
    const own: Record<string, ConflictRule> = {};
    for (const row of plan.rows) if (row.action === 'conflict' && perRow[row.relPath]) own[row.relPath] = perRow[row.relPath]!;
    return { planId: plan.planId, ...(rule === 'ask' ? {} : { onConflict: rule }), ...(Object.keys(own).length ? { perRow: own } : {}) };
  });
}

/**
 * What will travel: the bytes of new, replaced and kept-both files, and how many conflicting files
 * were decided to travel too (the plan does not size those: their bytes are read at start).
 */
export function sendSummary(plan: MergedPlan, rule: ConflictChoice, perRow: Record<string, ConflictRule>): { bytes: number; conflictsSent: number } {
  const sends = (r: ConflictRule | null | undefined) => r === 'replace' || r === 'keep-both';
  const bytes = plan.bytesByAction.create + plan.bytesByAction.replace + plan.bytesByAction['keep-both'];
  // Rows beyond the table's limit follow the rule; the rows shown may have their own choice.
  let conflictsSent = sends(rule === 'ask' ? null : rule) ? plan.byAction.conflict : 0;
  for (const row of plan.rows) {
    if (row.action !== 'conflict' || !perRow[row.relPath]) continue;
    const byRule = sends(rule === 'ask' ? null : rule);
    const byRow = sends(perRow[row.relPath]);
    if (byRow && !byRule) conflictsSent += 1;
    if (!byRow && byRule) conflictsSent -= 1;
  }
  return { bytes, conflictsSent };
}

/** The per-file choices with one file's choice set, or cleared (back to the rule) when `choice` is null. */
export function withRowChoice(rows: Record<string, ConflictRule>, relPath: string, choice: ConflictRule | null): Record<string, ConflictRule> {
  const next = { ...rows };
  if (choice) next[relPath] = choice;
  else delete next[relPath];
  return next;
}

/** Why a reviewed plan cannot start yet, or null when it can. */
export function planNotReady(plan: MergedPlan, undecided: number): string | null {
  if (plan.blocked.length > 0) return 'Blocked by the custom metadata fields above.';
  if (undecided > 0) return `Choose for ${undecided.toLocaleString()} conflicting file${undecided === 1 ? '' : 's'} first.`;
  return null;
}
