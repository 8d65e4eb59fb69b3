import { useId, useState } from 'react';
import { CornerLeftUp, Folder } from 'lucide-react';
import { useProfileFolders } from '../../api/transfers';
import { describeError } from '../../api/errors';

const parentOf = (path: string) => path.replace(/\/[^/]+\/?$/, '') || '/';
const childOf = (path: string, name: string) => (path === '/' ? `/${name}` : `${path}/${name}`);

/** Normalizes a typed target folder: leading slash, no trailing one; null when it cannot be a library path. */
export function normalizeFolder(typed: string): string | null {
  const trimmed = typed.trim();
  if (!trimmed) return '/';
  if (!trimmed.startsWith('/') || trimmed.includes('..') || trimmed.includes('//')) return null;
  return trimmed.replace(/\/+$/, '') || '/';
}

/** The target folder, typed or walked to in the target profile's folders (missing folders are created). */
export function TargetFolderField({ profileId, value, onChange }: { profileId: string | undefined; value: string; onChange(path: string): void }) {
  const [browsing, setBrowsing] = useState(() => normalizeFolder(value) ?? '/');
  const folders = useProfileFolders(profileId, browsing);
  const listId = useId();
  const hintId = useId();
  const go = (path: string) => {
    setBrowsing(path);
    onChange(path);
  };
  const invalid = normalizeFolder(value) === null;
  return (
    <div className="transfer-field">
      <label className="transfer-label" htmlFor={`${listId}-input`}>
        Target folder
      </label>
      <input id={`${listId}-input`} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={invalid || undefined} aria-describedby={hintId} spellCheck={false} />
      <p id={hintId} className={invalid ? 'transfer-error' : 'transfer-hint'}>
        {invalid ? 'A folder path starts with / and has no empty or “..” parts, e.g. /archive/2024.' : 'Folders that do not exist yet are created.'}
      </p>
      <div className="transfer-folders" role="group" aria-labelledby={listId}>
        <p id={listId} className="transfer-hint">
          Folders in {browsing === '/' ? 'the target library' : browsing}
        </p>
        {browsing !== '/' && (
          <button type="button" className="transfer-folder-button" onClick={() => go(parentOf(browsing))}>
            <CornerLeftUp aria-hidden="true" /> Up
          </button>
        )}
        {folders.isPending && profileId && <p className="transfer-hint">Loading folders…</p>}
        {folders.isError && <p role="alert">Could not list the target's folders: {describeError(folders.error)}</p>}
        {folders.data?.map((f) => (
          <button key={f.folderPath} type="button" className="transfer-folder-button" onClick={() => go(childOf(browsing, f.name))}>
            <Folder aria-hidden="true" /> {f.name}
          </button>
        ))}
        {folders.data?.length === 0 && <p className="transfer-hint">No subfolders.</p>}
      </div>
    </div>
  );
}
