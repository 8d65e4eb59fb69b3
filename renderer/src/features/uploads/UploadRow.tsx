import { memo, type HTMLAttributes } from 'react';
import type { FileProgress, UploadItem } from '../../../../shared/domain/uploads';
import type { QueueAction } from '../../api/uploads';
import { formatBytes, formatEta, formatSpeed, stateWords } from './format';

function targetPath(item: UploadItem): string {
  return `${item.folder === '/' ? '' : item.folder}/${item.targetName}`;
}

/** What the virtualized list puts on each row: its position, measuring ref and roving tab stop. */
type RowProps = Pick<HTMLAttributes<HTMLLIElement>, 'tabIndex' | 'aria-setsize' | 'aria-posinset' | 'onFocus'> & {
  ref?: (node: HTMLLIElement | null) => void;
  'data-index'?: number;
};

/** What a row's buttons ask of the queue, for one item (the list holds the mutations, so rows have no hooks). */
export interface RowActions {
  run(itemId: number, action: QueueAction): void;
  resolve(itemId: number, choice: 'replace' | 'keepBoth' | 'skip'): void;
}

/**
 * One file of the queue: where it goes, its state and progress, and what can be done with it. Memoized: a push
 * about one file re-renders that file's row, not every row in view.
 */
export const UploadRow = memo(function UploadRow({
  item,
  progress,
  actions,
  ...rowProps
}: { item: UploadItem; progress: FileProgress | undefined; actions: RowActions } & RowProps) {
  const name = item.fileName;
  const run = (a: QueueAction) => actions.run(item.id, a);
  const sent = item.state === 'done' ? (item.size ?? 0) : (progress?.bytesSent ?? 0);
  const size = item.size;
  const canStop = item.state === 'pending' || item.state === 'queued' || item.state === 'uploading' || item.state === 'conflict';
  // A file still arriving from this window can be cancelled but not paused (it would resume half-read).
  const canCancel = canStop || item.state === 'paused' || item.state === 'receiving';
  const lookalike = item.state === 'conflict' ? item.lookalike : null;

  return (
    <li {...rowProps} className={`upload-item upload-${item.state}`} aria-label={`${name}: ${lookalike ? 'Looks like a library image' : stateWords[item.state]}`}>
      <div className="upload-item-head">
        <span className="upload-name" title={item.sourceLabel}>
          {name}
        </span>
        <span className="upload-state">{stateWords[item.state]}</span>
      </div>
      <div className="muted small upload-target">→ {targetPath(item)}</div>
      {size !== null && (item.state === 'uploading' || item.state === 'queued' || item.state === 'paused') && (
        <>
          <progress aria-label={`Progress of ${name}`} max={Math.max(size, 1)} value={sent} />
          <div className="muted small">
            {formatBytes(sent)} of {formatBytes(size)}
            {progress && item.state === 'uploading' && progress.bytesPerSecond > 0 && ` · ${formatSpeed(progress.bytesPerSecond)} · ${formatEta(progress.etaSeconds)}`}
          </div>
        </>
      )}
      {item.attempts > 1 && item.state !== 'done' && <div className="muted small">Attempt {item.attempts} (retrying automatically)</div>}
      {lookalike && (
        <div className="upload-actions" role="group" aria-label={`${name} looks like ${lookalike.filePath}`}>
          {lookalike.thumbnail && <img className="upload-lookalike" src={lookalike.thumbnail} alt={`${lookalike.name} in the library`} width={40} height={40} />}
          <span className="small">
            Looks like {lookalike.filePath} ({lookalike.distance === 0 ? 'the same picture' : `${lookalike.distance} of 64 bits differ`}).
          </span>
          <button type="button" onClick={() => actions.resolve(item.id, 'keepBoth')} aria-label={`Upload ${name} anyway`}>
            Upload anyway
          </button>
          <button type="button" onClick={() => actions.resolve(item.id, 'skip')} aria-label={`Skip ${name}`}>
            Skip
          </button>
        </div>
      )}
      {item.state === 'conflict' && !lookalike && (
        <div className="upload-actions" role="group" aria-label={`${name} already exists`}>
          <span className="small">{targetPath(item)} already exists.</span>
          <button type="button" onClick={() => actions.resolve(item.id, 'replace')} aria-label={`Replace ${name}`}>
            Replace
          </button>
          <button type="button" onClick={() => actions.resolve(item.id, 'keepBoth')} aria-label={`Keep both ${name}`}>
            Keep both
          </button>
          <button type="button" onClick={() => actions.resolve(item.id, 'skip')} aria-label={`Skip ${name}`}>
            Skip
          </button>
        </div>
      )}
      {item.state === 'failed' && (
        <div className="upload-error" role="alert">
          {item.errorMessage}
          {item.errorHelp && <div className="small">{item.errorHelp}</div>}
        </div>
      )}
      {item.state === 'done' && item.result?.via === 'reconciled' && <div className="muted small">Found already uploaded after an interruption.</div>}
      <div className="upload-actions">
        {canStop && item.state !== 'conflict' && (
          <button type="button" onClick={() => run('pause')} aria-label={`Pause ${name}`}>
            Pause
          </button>
        )}
        {item.state === 'paused' && (
          <button type="button" onClick={() => run('resume')} aria-label={`Resume ${name}`}>
            Resume
          </button>
        )}
        {canCancel && (
          <button type="button" onClick={() => run('cancel')} aria-label={`Cancel ${name}`}>
            Cancel
          </button>
        )}
        {(item.state === 'failed' || item.state === 'cancelled') && (
          <button type="button" onClick={() => run('retry')} aria-label={`Retry ${name}`}>
            Retry
          </button>
        )}
      </div>
    </li>
  );
});
