import { useEffect, useRef, useState } from 'react';
import { useUploadEvents } from '../../api/uploads';
import { collectDrop, collectPaste, isUploadDrag, type Collected } from './collect-sources';
import { takeEarlyDrops } from './early-drops';
import { summarize } from './format';
import { UploadDialog } from './UploadDialog';
import { UploadsRegion } from './UploadsRegion';
import { UrlDialog } from './UrlDialog';
import { useUploadsUi } from './uploads-store';
import { ToastRecord } from '../../ui/toast/Toaster';
import './uploads.css';

function isEditable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** A system notification when the window is in the background and the person allowed them; always an in-app notice. */
function announce(text: string, notify: (text: string, tone: 'ok' | 'warn') => void, tone: 'ok' | 'warn') {
  notify(text, tone);
  if (typeof Notification !== 'undefined' && Notification.permission === 'granted' && document.hidden) {
    new Notification('MediaDesk', { body: text });
  }
}

/**
 * Always mounted: the window-wide drop zone and paste handler, the options and URL dialogs, the
 * "Uploads" region, and the notices shown when a batch ends.
 */
export function UploadsOverlay() {
  const { pending, urlDialogOpen, propose, openUrlDialog, notify } = useUploadsUi();
  const [dragging, setDragging] = useState(false);
  const depth = useRef(0);

  useUploadEvents((_profileId, summary) => {
    const failed = summary.counts.failed ?? 0;
    announce(`Upload finished: ${summarize(summary.counts)}.`, notify, failed ? 'warn' : 'ok');
  });

  useEffect(() => {
    const take = (got: Collected) => {
      if (got.files.length) propose({ kind: 'files', files: got.files });
      else if (got.urls.length) openUrlDialog(got.urls.join('\n'));
      else notify('Nothing to upload in what was dropped or pasted.', 'warn');
    };
    const onDragEnter = (e: DragEvent) => {
      if (!e.dataTransfer || !isUploadDrag([...e.dataTransfer.types])) return;
      depth.current += 1;
      setDragging(true);
    };
    const onDragOver = (e: DragEvent) => {
      if (!e.dataTransfer || !isUploadDrag([...e.dataTransfer.types])) return;
      e.preventDefault(); // without this the browser opens the file instead of dropping it here
      e.dataTransfer.dropEffect = 'copy';
    };
    const onDragLeave = () => {
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDragging(false);
    };
    const onDrop = (e: DragEvent) => {
      depth.current = 0;
      setDragging(false);
      if (!e.dataTransfer || !isUploadDrag([...e.dataTransfer.types]) || e.defaultPrevented) return;
      e.preventDefault();
      void collectDrop(e.dataTransfer).then(take, (error: unknown) => notify(`Could not read what was dropped: ${String(error)}`, 'warn'));
    };
    const onPaste = (e: ClipboardEvent) => {
      if (!e.clipboardData || isEditable(e.target)) return;
      const got = collectPaste(e.clipboardData);
      if (!got.files.length && !got.urls.length) return;
      e.preventDefault();
      take(got);
    };
    for (const early of takeEarlyDrops()) early.then(take, (error: unknown) => notify(`Could not read what was dropped: ${String(error)}`, 'warn'));
    window.addEventListener('dragenter', onDragEnter);
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('dragleave', onDragLeave);
    window.addEventListener('drop', onDrop);
    window.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('dragenter', onDragEnter);
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('dragleave', onDragLeave);
      window.removeEventListener('drop', onDrop);
      window.removeEventListener('paste', onPaste);
    };
  }, [propose, openUrlDialog, notify]);

  return (
    <>
      {dragging && (
        <div className="upload-drop-hint" aria-hidden="true">
          Drop to upload into the open folder
        </div>
      )}
      <UploadsRegion />
      {pending && <UploadDialog pending={pending} />}
      {urlDialogOpen && <UrlDialog />}
      <ToastRecord channel="uploads" label="Upload notifications" />
    </>
  );
}
