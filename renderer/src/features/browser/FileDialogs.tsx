import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { FileSummary } from '../../../../shared/domain/library';
import { useDeleteFiles, useRenameFile, useTransferFiles } from '../../api/library';
import { describeError } from '../../api/errors';
import { Dialog } from '../../ui/dialog/Dialog';
import { useDialogStore } from './dialog-store';
import { FolderPicker } from './FolderPicker';
import { formatBytes } from './format';
import { usePreviewSrc } from './use-preview-src';
import { VideoPlayer } from './VideoPlayer';
import { formatDuration, isVideoFile } from '../../../../shared/video/video-facts';

function DialogFrame({ title, children, size }: { title: string; children: ReactNode; size?: 'sm' | 'md' | 'lg' }) {
  const close = useDialogStore((s) => s.close);
  return (
    <Dialog title={title} onClose={close} size={size}>
      {children}
    </Dialog>
  );
}

function PreviewImage({ file }: { file: FileSummary }) {
  const { src, signingFailed } = usePreviewSrc(file, 480, file.fileType === 'image');
  if (isVideoFile(file) && file.url) return <VideoPlayer file={file} frameAt="" large />;
  if (file.fileType !== 'image' || signingFailed) return <p>No preview for this file.</p>;
  if (!src) return <p role="status">Loading the preview…</p>;
  return <img className="preview-image" src={src} alt={`Preview of ${file.name}`} />;
}

export function PreviewDialog({ file }: { file: FileSummary }) {
  return (
    <DialogFrame title={file.name} size="lg">
      <PreviewImage file={file} />
      <p className="muted">
        {file.filePath} · {formatBytes(file.size)}
        {file.width && file.height ? ` · ${file.width} × ${file.height}` : ''}
        {file.duration ? ` · ${formatDuration(file.duration)}` : ''}
      </p>
    </DialogFrame>
  );
}

export function RenameDialog({ file }: { file: FileSummary }) {
  const close = useDialogStore((s) => s.close);
  const tell = useDialogStore((s) => s.tell);
  const rename = useRenameFile();
  const [name, setName] = useState(file.name);
  const [purge, setPurge] = useState(false);
  const warningId = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    rename.mutate(
      { filePath: file.filePath, newFileName: name.trim(), purgeCache: purge },
      {
        onSuccess: () => {
          tell(`Renamed ${file.name} to ${name.trim()}.`);
          close();
        },
      },
    );
  };
  return (
    <DialogFrame title={`Rename ${file.name}`}>
      <form className="dialog-form" onSubmit={submit}>
        <label className="field">
          <span>New name</span>
          <input autoFocus value={name} onChange={(e) => setName(e.target.value)} aria-describedby={warningId} />
        </label>
        <p id={warningId} className="field-hint">
          Links to the old URL stop working after a rename. Every version of the file is renamed.
        </p>
        <label className="check">
          <input type="checkbox" checked={purge} onChange={(e) => setPurge(e.target.checked)} />
          Also purge the old URL from the CDN cache
        </label>
        {rename.isError && <p role="alert">{describeError(rename.error)}</p>}
        <div className="form-actions">
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!name.trim() || name.trim() === file.name || rename.isPending}>
            Rename
          </button>
        </div>
      </form>
    </DialogFrame>
  );
}

export function DeleteFilesDialog({ files }: { files: FileSummary[] }) {
  const close = useDialogStore((s) => s.close);
  const tell = useDialogStore((s) => s.tell);
  const remove = useDeleteFiles();
  const total = files.reduce((sum, f) => sum + f.size, 0);
  const title = files.length === 1 ? `Delete ${files[0]!.name}?` : `Delete ${files.length} files?`;
  const byId = new Map(files.map((f) => [f.fileId, f.name]));
  const confirm = () =>
    remove.mutate(
      files.map((f) => f.fileId),
      {
        onSuccess: (outcome) => {
          const failures = outcome.failed.map((f) => ({ item: byId.get(f.item) ?? f.item, message: f.message }));
          tell(outcome.failed.length ? `Deleted ${outcome.succeeded.length} of ${files.length} files.` : `Deleted ${outcome.succeeded.length} file${outcome.succeeded.length === 1 ? '' : 's'}.`, failures);
          close();
        },
      },
    );
  return (
    <DialogFrame title={title}>
      <p>
        {files.length === 1 ? 'The file' : `These ${files.length} files`} ({formatBytes(total)}) and {files.length === 1 ? 'all its versions are' : 'all their versions are'} deleted from the library. This cannot be undone; cached copies on the CDN are not purged.
      </p>
      {remove.isError && <p role="alert">{describeError(remove.error)}</p>}
      <div className="form-actions">
        <button type="button" autoFocus onClick={close}>
          Cancel
        </button>
        <button type="button" className="danger" disabled={remove.isPending} onClick={confirm}>
          Delete
        </button>
      </div>
    </DialogFrame>
  );
}

export function TransferFilesDialog({ mode, files }: { mode: 'copy' | 'move'; files: FileSummary[] }) {
  const close = useDialogStore((s) => s.close);
  const tell = useDialogStore((s) => s.tell);
  const transfer = useTransferFiles();
  const verb = mode === 'copy' ? 'Copy' : 'Move';
  const what = files.length === 1 ? files[0]!.name : `${files.length} files`;
  return (
    <DialogFrame title={`${verb} ${what}`}>
      <FolderPicker
        verb={verb}
        withVersionsOption={mode === 'copy'}
        busy={transfer.isPending}
        error={transfer.isError ? describeError(transfer.error) : null}
        onPick={(destinationPath, includeVersions) =>
          transfer.mutate(
            { mode, filePaths: files.map((f) => f.filePath), destinationPath, includeVersions },
            {
              onSuccess: (outcome) => {
                tell(`${mode === 'copy' ? 'Copied' : 'Moved'} ${outcome.succeeded.length} of ${files.length} to ${destinationPath}.`, outcome.failed);
                close();
              },
            },
          )
        }
      />
    </DialogFrame>
  );
}

export { DialogFrame };
