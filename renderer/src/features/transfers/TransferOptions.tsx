import { useId } from 'react';
import type { ProfileView } from '../../../../shared/domain/profile';
import type { ConflictChoice } from './plan-view';
import { TargetFolderField } from './TargetFolderField';

export interface TransferDraft {
  targetProfileId: string;
  targetPath: string;
  versions: boolean;
  rule: ConflictChoice;
}

const RULES: Array<{ value: ConflictChoice; label: string; hint: string }> = [
  { value: 'ask', label: 'Let me decide per file', hint: 'conflicts are listed in the plan for a choice each' },
  { value: 'replace', label: 'Replace', hint: 'the target file gets a new version with the source’s content' },
  { value: 'keep-both', label: 'Keep both', hint: 'the source’s file lands beside it as name-1.ext' },
  { value: 'skip', label: 'Skip', hint: 'the target file stays as it is' },
];

/** The first step: where to (profile, folder) and how (versions, what to do when the target has other content). */
export function TransferOptions({ draft, targets, onChange }: { draft: TransferDraft; targets: ProfileView[]; onChange(next: Partial<TransferDraft>): void }) {
  const profileId = useId();
  const ruleId = useId();
  return (
    <div className="transfer-options">
      <div className="transfer-field">
        <label className="transfer-label" htmlFor={profileId}>
          Target profile
        </label>
        <select id={profileId} value={draft.targetProfileId} onChange={(e) => onChange({ targetProfileId: e.target.value, targetPath: draft.targetPath })}>
          {targets.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
              {p.kind === 'local' ? ' (on this computer)' : ` (${p.urlEndpoint})`}
            </option>
          ))}
        </select>
      </div>
      <TargetFolderField key={draft.targetProfileId} profileId={draft.targetProfileId} value={draft.targetPath} onChange={(targetPath) => onChange({ targetPath })} />
      <label className="transfer-check">
        <input type="checkbox" checked={draft.versions} aria-describedby={`${ruleId}-versions`} onChange={(e) => onChange({ versions: e.target.checked })} />
        <span>Include versions</span>
        <span id={`${ruleId}-versions`} className="transfer-hint">
          every version in order, each with its own fields
        </span>
      </label>
      <fieldset className="transfer-rules" aria-describedby={ruleId}>
        <legend className="transfer-label">When the target has a file with other content</legend>
        <p id={ruleId} className="transfer-hint">
          Files with the same content (by checksum) are skipped either way.
        </p>
        {RULES.map((r) => (
          <label key={r.value} className="transfer-check">
            <input type="radio" name="transfer-rule" value={r.value} checked={draft.rule === r.value} aria-describedby={`${ruleId}-${r.value}`} onChange={() => onChange({ rule: r.value })} />
            <span>{r.label}</span>
            <span id={`${ruleId}-${r.value}`} className="transfer-hint">
              {r.hint}
            </span>
          </label>
        ))}
      </fieldset>
    </div>
  );
}
