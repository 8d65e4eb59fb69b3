import { useId, useState } from 'react';
import { useFolders } from '../../api/library';
import { describeError } from '../../api/errors';
import { useBrowserStore } from '../../ui/browser-store';
import { childPath, parentPath } from './format';

interface FolderPickerProps {
  verb: string;
  withVersionsOption: boolean;
  busy: boolean;
  error: string | null;
  /** Folders that cannot be picked (a folder cannot go into itself). */
  exclude?: string;
  onPick(destinationPath: string, includeVersions: boolean): void;
}

/** Picks a destination folder: walk down the subfolders, or type a path (missing folders are created). */
export function FolderPicker({ verb, withVersionsOption, busy, error, exclude, onPick }: FolderPickerProps) {
  const start = useBrowserStore((s) => s.folderPath);
  const [path, setPath] = useState(start);
  const [typed, setTyped] = useState(start);
  const [versions, setVersions] = useState(false);
  const folders = useFolders(path);
  const listId = useId();
  const go = (next: string) => {
    setPath(next);
    setTyped(next);
  };
  const destination = typed.trim() || '/';
  const invalid = !destination.startsWith('/') || (exclude !== undefined && (destination === exclude || destination.startsWith(`${exclude}/`)));

  return (
    <form
      className="dialog-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!invalid) onPick(destination.replace(/\/+$/, '') || '/', versions);
      }}
    >
      <label className="field">
        <span>Destination folder</span>
        <input autoFocus value={typed} onChange={(e) => setTyped(e.target.value)} aria-invalid={invalid || undefined} />
      </label>
      <div className="picker-list" role="group" aria-labelledby={listId}>
        <p id={listId} className="field-hint">
          Folders in {path === '/' ? 'the library' : path}
        </p>
        {path !== '/' && (
          <button type="button" className="link-button" onClick={() => go(parentPath(path))}>
            ↑ Up
          </button>
        )}
        {folders.isPending && <p className="muted">Loading folders…</p>}
        {folders.isError && <p role="alert">{describeError(folders.error)}</p>}
        {folders.data?.map((f) => (
          <button key={f.folderPath} type="button" className="link-button" onClick={() => go(childPath(path, f.name))}>
            {f.name}
          </button>
        ))}
        {folders.data?.length === 0 && <p className="muted">No subfolders.</p>}
      </div>
      {withVersionsOption && (
        <label className="check">
          <input type="checkbox" checked={versions} onChange={(e) => setVersions(e.target.checked)} />
          Include previous versions
        </label>
      )}
      {invalid && <p className="field-error">A folder cannot go into itself; pick another destination.</p>}
      {error && <p role="alert">{error}</p>}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy || invalid}>
          {verb} here
        </button>
      </div>
    </form>
  );
}
