import { folderName } from '../../../../shared/domain/library';
import { useBrowserStore } from '../../ui/browser-store';
import { useDialogStore } from './dialog-store';

/** Folder operations on the open folder; the root can only get new folders. */
export function FolderActions() {
  const folderPath = useBrowserStore((s) => s.folderPath);
  const open = useDialogStore((s) => s.open);
  const isRoot = folderPath === '/';
  const label = isRoot ? 'the library' : folderName(folderPath);
  return (
    <div className="folder-actions" role="toolbar" aria-label="Folder actions">
      <button type="button" onClick={() => open({ kind: 'new-folder', parentFolderPath: folderPath })} title={`New folder in ${label}`}>
        New folder
      </button>
      <button type="button" disabled={isRoot} onClick={() => open({ kind: 'rename-folder', folderPath })}>
        Rename folder
      </button>
      <button type="button" disabled={isRoot} onClick={() => open({ kind: 'transfer-folder', mode: 'copy', folderPath })}>
        Copy folder
      </button>
      <button type="button" disabled={isRoot} onClick={() => open({ kind: 'transfer-folder', mode: 'move', folderPath })}>
        Move folder
      </button>
      <button type="button" disabled={isRoot} onClick={() => open({ kind: 'delete-folder', folderPath })}>
        Delete folder
      </button>
    </div>
  );
}
