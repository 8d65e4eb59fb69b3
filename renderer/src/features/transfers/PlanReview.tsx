import { formatBytes } from '../../app/format-bytes';
import { ACTION_LABELS, ACTION_ORDER, decisionFor, type ConflictChoice, type ConflictRule, type MergedPlan } from './plan-view';

/** Rows drawn in the table; totals always count every file. */
export const TABLE_ROW_LIMIT = 1000;

const CHOICES: Array<{ value: ConflictRule; label: string }> = [
  { value: 'replace', label: 'Replace' },
  { value: 'keep-both', label: 'Keep both' },
  { value: 'skip', label: 'Skip' },
];

interface PlanReviewProps {
  plan: MergedPlan;
  rule: ConflictChoice;
  perRow: Record<string, ConflictRule>;
  onRule(rule: ConflictChoice): void;
  onChoose(relPath: string, choice: ConflictRule | null): void;
}

/** The dry run as a table: per file what will happen and why, totals per action, and what cannot travel. */
export function PlanReview({ plan, rule, perRow, onRule, onChoose }: PlanReviewProps) {
  const rows = plan.rows.slice(0, TABLE_ROW_LIMIT);
  const shownActions = ACTION_ORDER.filter((a) => plan.byAction[a] > 0);
  return (
    <div className="transfer-review">
      {plan.blocked.length > 0 && (
        <div className="transfer-blocked" role="alert">
          <p>
            <strong>This transfer cannot start: nothing was written.</strong> The target’s custom metadata fields cannot hold the source’s values. Change the fields on the
            target (Custom metadata view) or pick another target, then review the plan again.
          </p>
          <ul>
            {plan.blocked.map((b) => (
              <li key={b.reason}>{b.reason}</li>
            ))}
          </ul>
        </div>
      )}
      <ul className="transfer-totals" aria-label="Plan totals">
        <li>
          <strong>{plan.files.toLocaleString()}</strong> file{plan.files === 1 ? '' : 's'} · {formatBytes(plan.bytes)}
        </li>
        {shownActions.map((a) => (
          <li key={a} className={`transfer-action-${a}`}>
            <strong>{plan.byAction[a].toLocaleString()}</strong> {ACTION_LABELS[a].toLowerCase()}
            {plan.bytesByAction[a] > 0 && <span className="transfer-hint"> · {formatBytes(plan.bytesByAction[a])}</span>}
          </li>
        ))}
      </ul>
      {plan.byAction.conflict > 0 && (
        <label className="transfer-inline-field">
          <span>All conflicts</span>
          <select value={rule} onChange={(e) => onRule(e.target.value as ConflictChoice)}>
            <option value="ask">Decide per file</option>
            {CHOICES.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
      )}
      {plan.fieldsToCreate.length > 0 && (
        <p className="transfer-note">
          Custom metadata fields created on the target first: {plan.fieldsToCreate.map((f) => `${f.label} (${f.type})`).join(', ')}.
        </p>
      )}
      {plan.notTransferable.length > 0 && (
        <details className="transfer-note">
          <summary>
            {plan.notTransferable.length} item{plan.notTransferable.length === 1 ? '' : 's'} cannot be transferred (AI tags and extension results)
          </summary>
          <ul>
            {plan.notTransferable.map((n, i) => (
              <li key={`${n.relPath}-${n.what}-${i}`}>
                {n.relPath}: {n.what} — {n.detail}
              </li>
            ))}
          </ul>
        </details>
      )}
      <div className="transfer-table-scroll" tabIndex={0} role="region" aria-label="Plan rows">
        <table className="transfer-table" aria-label="Transfer plan">
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Action</th>
              <th scope="col">Why</th>
              <th scope="col" className="num">
                To send
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const decision = decisionFor(row, rule, perRow);
              return (
                <tr key={row.relPath} className={`transfer-row-${row.action}`}>
                  <th scope="row" title={row.targetPath}>
                    {row.relPath}
                  </th>
                  <td>
                    {row.action === 'conflict' ? (
                      <select aria-label={`Choice for ${row.relPath}`} value={perRow[row.relPath] ?? ''} onChange={(e) => onChoose(row.relPath, (e.target.value || null) as ConflictRule | null)}>
                        <option value="">{decision ? `As all conflicts (${ACTION_LABELS[decision]})` : 'Choose…'}</option>
                        {CHOICES.map((c) => (
                          <option key={c.value} value={c.value}>
                            {c.label}
                          </option>
                        ))}
                      </select>
                    ) : (
                      <span className={`transfer-action transfer-action-${row.action}`}>{ACTION_LABELS[row.action]}</span>
                    )}
                  </td>
                  <td className="transfer-reason">{row.reason}</td>
                  <td className="num">{row.bytes > 0 ? formatBytes(row.bytes) : <span aria-label="nothing">—</span>}</td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              <td colSpan={2}>{shownActions.map((a) => `${plan.byAction[a]} ${ACTION_LABELS[a].toLowerCase()}`).join(', ') || 'nothing to do'}</td>
              <td className="num">{formatBytes(plan.bytes)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      {(plan.rows.length > rows.length || plan.rowsTruncated) && (
        <p className="transfer-hint">
          Showing the first {rows.length.toLocaleString()} of {plan.files.toLocaleString()} files; the totals count every file, and conflicts not shown follow “All conflicts”.
        </p>
      )}
    </div>
  );
}
