import { useState, type FormEvent } from 'react';
import { folderName, imagekitFolderName } from '../../../../shared/domain/folder-paths';
import { useCreateFolder, useDeleteFolder, useFolderCounts, useStartFolderJob } from '../../api/library';
import { describeError } from '../../api/errors';
import { useBrowserStore } from '../../ui/browser-store';
import { useDialogStore } from './dialog-store';
import { DialogFrame } from './FileDialogs';
import { FolderPicker } from './FolderPicker';
import { childPath, parentPath } from './format';

export function NewFolderDialog({ parentFolderPath }: { parentFolderPath: string }) {
  const close = useDialogStore((s) => s.close);
  const tell = useDialogStore((s) => s.tell);
  const create = useCreateFolder();
  const [name, setName] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const typed = name.trim();
    const stored = imagekitFolderName(typed);
    const why = stored === typed ? '' : ` ImageKit keeps only letters, digits, - and _ in folder names, so “${typed}” became “${stored}”.`;
    create.mutate({ parentFolderPath, folderName: typed }, { onSuccess: () => (tell(`Created the folder ${stored}.${why}`), close()) });
  };
  return (
    <DialogFrame title="New folder">
      <form className="dialog-form" onSubmit={submit}>
        <label className="field">
          <span>Folder name</span>
          <input autoFocus value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <p className="field-hint">In {parentFolderPath === '/' ? 'the library' : parentFolderPath}. ImageKit turns characters other than letters, digits, - and _ into _.
          {name.trim() && imagekitFolderName(name.trim()) !== name.trim() && <> It will be named {imagekitFolderName(name.trim())}.</>}
        </p>
        {create.isError && <p role="alert">{describeError(create.error)}</p>}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={!name.trim() || create.isPending}>
            Create
          </button>
        </div>
      </form>
    </DialogFrame>
  );
}

/** Starts a folder bulk job and hands it to the progress list; the browser follows a moved/renamed folder. */
function useFolderJob() {
  const close = useDialogStore((s) => s.close);
  const addJob = useDialogStore((s) => s.addJob);
  const openFolder = useBrowserStore((s) => s.openFolder);
  const start = useStartFolderJob();
  return {
    start,
    run: (input: Parameters<typeof start.mutate>[0], label: string, thenOpen?: string) =>
      start.mutate(input, {
        onSuccess: ({ jobId }) => {
          addJob({ jobId, label });
          if (thenOpen) openFolder(thenOpen);
          close();
        },
      }),
  };
}

export function RenameFolderDialog({ folderPath }: { folderPath: string }) {
  const job = useFolderJob();
  const [name, setName] = useState(folderName(folderPath));
  const [purge, setPurge] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const newFolderName = name.trim();
    job.run({ action: 'rename', sourceFolderPath: folderPath, newFolderName, purgeCache: purge }, `Renaming folder ${folderName(folderPath)} to ${newFolderName}`, childPath(parentPath(folderPath), newFolderName));
  };
  return (
    <DialogFrame title={`Rename folder ${folderName(folderPath)}`}>
      <form className="dialog-form" onSubmit={submit}>
        <label className="field">
          <span>New name</span>
          <input autoFocus value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <p className="field-hint">URLs of every file in the folder change; links to the old URLs stop working.</p>
        <label className="check">
          <input type="checkbox" checked={purge} onChange={(e) => setPurge(e.target.checked)} />
          Also purge the old URLs from the CDN cache
        </label>
        {job.start.isError && <p role="alert">{describeError(job.start.error)}</p>}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={!name.trim() || name.trim() === folderName(folderPath) || job.start.isPending}>
            Rename
          </button>
        </div>
      </form>
    </DialogFrame>
  );
}

export function TransferFolderDialog({ mode, folderPath }: { mode: 'copy' | 'move'; folderPath: string }) {
  const job = useFolderJob();
  const verb = mode === 'copy' ? 'Copy' : 'Move';
  const name = folderName(folderPath);
  return (
    <DialogFrame title={`${verb} folder ${name}`}>
      <FolderPicker
        verb={verb}
        withVersionsOption={mode === 'copy'}
        busy={job.start.isPending}
        error={job.start.isError ? describeError(job.start.error) : null}
        exclude={folderPath}
        onPick={(destinationPath, includeVersions) =>
          job.run(
            mode === 'copy'
              ? { action: 'copy', sourceFolderPath: folderPath, destinationPath, includeVersions }
              : { action: 'move', sourceFolderPath: folderPath, destinationPath },
            `${mode === 'copy' ? 'Copying' : 'Moving'} folder ${name} to ${destinationPath}`,
            mode === 'move' ? childPath(destinationPath, name) : undefined,
          )
        }
      />
    </DialogFrame>
  );
}

export function DeleteFolderDialog({ folderPath }: { folderPath: string }) {
  const close = useDialogStore((s) => s.close);
  const tell = useDialogStore((s) => s.tell);
  const openFolder = useBrowserStore((s) => s.openFolder);
  const counts = useFolderCounts(folderPath);
  const remove = useDeleteFolder();
  const name = folderName(folderPath);
  const confirm = () =>
    remove.mutate(folderPath, {
      onSuccess: () => {
        tell(`Deleted the folder ${name}.`);
        openFolder(parentPath(folderPath));
        close();
      },
    });
  const more = counts.data?.capped ? 'more than ' : '';
  return (
    <DialogFrame title={`Delete folder ${name}?`}>
      {counts.isPending && <p role="status">Counting what is inside…</p>}
      {counts.isError && <p role="alert">Could not count what is inside: {describeError(counts.error)}</p>}
      {counts.data && (
        <p>
          This deletes {more}
          {counts.data.files.toLocaleString()} file{counts.data.files === 1 ? '' : 's'} and {more}
          {counts.data.folders.toLocaleString()} subfolder{counts.data.folders === 1 ? '' : 's'} in {folderPath}, with all versions. This cannot be undone.
        </p>
      )}
      {remove.isError && <p role="alert">{describeError(remove.error)}</p>}
      <div className="form-actions">
        <button type="button" autoFocus onClick={close}>
          Cancel
        </button>
        <button type="button" className="danger" disabled={remove.isPending || counts.isPending} onClick={confirm}>
          Delete folder
        </button>
      </div>
    </DialogFrame>
  );
}
