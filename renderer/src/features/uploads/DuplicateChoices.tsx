import { useState } from 'react';
import type { NearDuplicate } from '../../../../shared/domain/uploads';

interface Props {
  found: NearDuplicate[];
  /** Called with the staged ids the person chose to leave out. */
  onDecide(leaveOut: string[]): void;
  onCancel(): void;
}

/** Look-alikes found by perceptual hash, each a choice: upload anyway (default) or leave out. Never skipped silently. */
export function DuplicateChoices({ found, onDecide, onCancel }: Props) {
  const [leaveOut, setLeaveOut] = useState<Set<string>>(new Set());
  const toggle = (source: string, out: boolean) => {
    const next = new Set(leaveOut);
    if (out) next.add(source);
    else next.delete(source);
    setLeaveOut(next);
  };
  return (
    <div className="upload-duplicates">
      <p>These images look like files already in the folder. Choose which to leave out.</p>
      <ul>
        {found.map((d) => (
          <li key={d.source}>
            {d.match.thumbnail && <img src={d.match.thumbnail} alt="" width={48} height={48} />}
            <span>
              {d.name} looks like {d.match.filePath} ({d.distance === 0 ? 'identical picture' : `${d.distance} of 64 bits differ`})
            </span>
            <label className="upload-check">
              <input type="checkbox" checked={leaveOut.has(d.source)} onChange={(e) => toggle(d.source, e.target.checked)} />
              Leave out {d.name}
            </label>
          </li>
        ))}
      </ul>
      <div className="upload-dialog-buttons">
        <button type="button" onClick={() => setLeaveOut(new Set(found.map((d) => d.source)))}>
          Leave out all look-alikes
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="primary" onClick={() => onDecide([...leaveOut])}>
          Continue
        </button>
      </div>
    </div>
  );
}
