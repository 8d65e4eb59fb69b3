import type { UploadItem } from '../../../../shared/domain/uploads';
import { useResolveConflict } from '../../api/uploads';

interface Props {
  conflicts: UploadItem[];
  /** The drawer is collapsed: offer to open it to decide file by file. */
  collapsed: boolean;
  onReview(): void;
}

/** Look-alikes (near-duplicate check) wait here too: for them replace and keep both both mean "upload it anyway". */
function what(conflicts: UploadItem[]): string {
  const alike = conflicts.filter((c) => c.lookalike).length;
  if (conflicts.length !== 1) {
    if (alike === 0) return `${conflicts.length} files already exist.`;
    if (alike === conflicts.length) return `${alike} images look like ones in the library.`;
    return `${conflicts.length - alike} files already exist and ${alike} look like library images.`;
  }
  const [item] = conflicts;
  if (item!.lookalike) return `${item!.targetName} looks like ${item!.lookalike.filePath}.`;
  return `${item!.targetName} already exists in ${item!.folder}.`;
}

/**
 * Uploads waiting for replace / keep both / skip. Shown under the Uploads bar whether the drawer is open
 * or not: a file the queue holds back must never wait unseen behind a collapsed list.
 */
export function ConflictBar({ conflicts, collapsed, onReview }: Props) {
  const resolve = useResolveConflict();
  if (conflicts.length === 0) return null;
  return (
    <div className="upload-actions upload-conflict-bar" role="group" aria-label="Every file that already exists">
      <span className="small">
        <strong>Waiting for your choice:</strong> {what(conflicts)} For all:
      </span>
      <button type="button" disabled={resolve.isPending} onClick={() => resolve.mutate({ choice: 'replace' })}>
        Replace all
      </button>
      <button type="button" disabled={resolve.isPending} onClick={() => resolve.mutate({ choice: 'keepBoth' })}>
        Keep both for all
      </button>
      <button type="button" disabled={resolve.isPending} onClick={() => resolve.mutate({ choice: 'skip' })}>
        Skip all
      </button>
      {collapsed && (
        <button type="button" onClick={onReview}>
          Decide file by file…
        </button>
      )}
    </div>
  );
}
