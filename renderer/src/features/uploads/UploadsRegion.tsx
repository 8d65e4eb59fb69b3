import { useEffect, useRef, useState } from 'react';
import { ChevronDown, ChevronUp, FolderUp, Link, Upload } from 'lucide-react';
import { Badge } from '../../ui/controls/Badge';
import { Button } from '../../ui/controls/Button';
import { IconButton } from '../../ui/controls/IconButton';
import { matchesShortcut } from '../../ui/controls/shortcut';
import { FINAL_STATES } from '../../../../shared/domain/uploads';
import { useClearFinished, useQueueAction, useSetConcurrency, useUploadProgress, useUploads } from '../../api/uploads';
import { fromPicker } from './collect-sources';
import { formatBytes, formatEta, formatSpeed } from './format';
import { UploadList } from './UploadList';
import { ConflictBar } from './ConflictBar';
import { useUploadsUi } from './uploads-store';

/**
 * The "Uploads" drawer: a bar with the sources (Upload, folder, URLs), a count badge and the totals;
 * opened, the queue's controls and every file, never taller than 40% of the window.
 */
export function UploadsRegion() {
  const snapshot = useUploads();
  const progress = useUploadProgress();
  const action = useQueueAction();
  const clear = useClearFinished();
  const setConcurrency = useSetConcurrency();
  const { expanded, setExpanded, propose, openUrlDialog } = useUploadsUi();
  const filePicker = useRef<HTMLInputElement>(null);
  const folderPicker = useRef<HTMLInputElement>(null);
  const [concurrencyText, setConcurrencyText] = useState<string | null>(null);

  const data = snapshot.data;
  const items = data?.items ?? [];
  const totals = data?.totals;
  const counts = totals?.counts;
  const active = (counts?.uploading ?? 0) + (counts?.queued ?? 0) + (counts?.pending ?? 0) + (counts?.receiving ?? 0);
  const conflictItems = items.filter((i) => i.state === 'conflict');
  const conflicts = conflictItems.length;
  const failed = items.filter((i) => i.state === 'failed').length;

  // New files in the queue open the drawer once, so progress and choices are in view; the person may close it again.
  const seen = useRef(items.length);
  useEffect(() => {
    if (items.length > seen.current) setExpanded(true);
    seen.current = items.length;
  }, [items.length, setExpanded]);

  // Ctrl/⌘+U picks files to upload from anywhere in the window.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!matchesShortcut(e, 'Mod+U')) return;
      e.preventDefault();
      filePicker.current?.click();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const pick = (list: FileList | null) => {
    const files = fromPicker(list);
    if (files.length) propose({ kind: 'files', files });
  };
  const all = (a: 'pause' | 'resume' | 'cancel' | 'retry') => action.mutate({ action: a, target: {} });

  return (
    <section className={`uploads-region ${expanded ? 'expanded' : 'collapsed'}`} role="region" aria-label="Uploads">
      <div className="uploads-header">
        <IconButton size="sm" label={expanded ? 'Hide list' : 'Show list'} aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
          {expanded ? <ChevronDown /> : <ChevronUp />}
        </IconButton>
        <h2>Uploads</h2>
        {active > 0 && (
          <Badge tone="accent" aria-label={`${active} to go`}>
            {active}
          </Badge>
        )}
        {conflicts > 0 && (
          <Badge tone="warn" aria-label={`${conflicts} waiting for a choice`}>
            {conflicts} waiting
          </Badge>
        )}
        {failed > 0 && <Badge aria-label={`${failed} failed`}>{failed} failed</Badge>}
        {totals && totals.totalBytes > 0 && (
          <div className="uploads-total">
            <progress aria-label="Total upload progress" max={Math.max(totals.totalBytes, 1)} value={totals.bytesSent} />
            <span className="small" role="status" aria-label="Upload totals">
              {counts?.done ?? 0} uploaded{active ? `, ${active} to go` : ''}
              {failed ? `, ${failed} failed` : ''} · {formatBytes(totals.bytesSent)} of {formatBytes(totals.totalBytes)}
              {active > 0 && totals.bytesPerSecond > 0 && ` · ${formatSpeed(totals.bytesPerSecond)} · ${formatEta(totals.etaSeconds)}`}
            </span>
          </div>
        )}
        <div className="uploads-sources">
          <Button size="sm" variant="primary" icon={<Upload />} title="Upload files (Ctrl+U)" onClick={() => filePicker.current?.click()}>
            Upload
          </Button>
          <Button size="sm" icon={<FolderUp />} onClick={() => folderPicker.current?.click()}>
            Upload folder
          </Button>
          <Button size="sm" icon={<Link />} onClick={() => openUrlDialog()}>
            Upload from URLs…
          </Button>
        </div>
        <input ref={filePicker} type="file" multiple hidden aria-label="Files to upload" onChange={(e) => (pick(e.target.files), (e.target.value = ''))} />
        <input
          ref={folderPicker}
          type="file"
          hidden
          aria-label="Folder to upload"
          {...{ webkitdirectory: '' }}
          onChange={(e) => (pick(e.target.files), (e.target.value = ''))}
        />
      </div>
      <ConflictBar conflicts={conflictItems} collapsed={!expanded} onReview={() => setExpanded(true)} />
      {expanded && (
        <div className="uploads-body">
          <div className="upload-actions" role="toolbar" aria-label="All uploads">
            <button type="button" onClick={() => all('pause')} disabled={active === 0}>
              Pause all
            </button>
            <button type="button" onClick={() => all('resume')} disabled={!counts?.paused}>
              Resume all
            </button>
            <button type="button" onClick={() => all('cancel')} disabled={active === 0 && !counts?.paused && conflicts === 0}>
              Cancel all
            </button>
            <button type="button" onClick={() => all('retry')} disabled={failed === 0}>
              Retry failed
            </button>
            <button type="button" onClick={() => clear.mutate()} disabled={items.every((i) => !FINAL_STATES.includes(i.state) || i.state === 'failed')}>
              Clear finished
            </button>
            <label className="small">
              At once
              <input
                type="number"
                min={1}
                max={16}
                value={concurrencyText ?? String(data?.concurrency ?? 4)}
                onChange={(e) => setConcurrencyText(e.target.value)}
                onBlur={() => {
                  const n = Number(concurrencyText);
                  if (concurrencyText !== null && Number.isInteger(n) && n >= 1 && n <= 16 && n !== data?.concurrency) setConcurrency.mutate(n);
                  setConcurrencyText(null);
                }}
              />
            </label>
          </div>
          {snapshot.isError && <p role="alert">Could not load the uploads: {snapshot.error.message}</p>}
          {items.length === 0 && snapshot.isSuccess && <p className="muted small">Drop files or folders anywhere in the window, paste, or choose Upload.</p>}
          <UploadList items={items} progress={progress} />
        </div>
      )}
    </section>
  );
}
