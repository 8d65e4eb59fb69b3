import { FolderOutput, FolderPen, FolderPlus, FolderSymlink, Trash } from 'lucide-react';
import { folderName } from '../../../../shared/domain/folder-paths';
import { useBrowserStore } from '../../ui/browser-store';
import { IconButton } from '../../ui/controls/IconButton';
import { useDialogStore } from './dialog-store';

/** The Folders pane header: its title and the operations on the open folder (the root only gets new folders). */
export function FolderActions() {
  const folderPath = useBrowserStore((s) => s.folderPath);
  const open = useDialogStore((s) => s.open);
  const isRoot = folderPath === '/';
  const label = isRoot ? 'the library' : folderName(folderPath);
  return (
    <div className="pane-header">
      <h2 className="pane-heading">Folders</h2>
      <div className="folder-actions" role="toolbar" aria-label="Folder actions">
        <IconButton size="sm" label="New folder" tooltip={`New folder in ${label}`} shortcut="Mod+Shift+N" onClick={() => open({ kind: 'new-folder', parentFolderPath: folderPath })}>
          <FolderPlus />
        </IconButton>
        <IconButton size="sm" label="Rename folder" tooltip={`Rename ${label}`} disabled={isRoot} onClick={() => open({ kind: 'rename-folder', folderPath })}>
          <FolderPen />
        </IconButton>
        <IconButton size="sm" label="Copy folder" tooltip={`Copy ${label} to…`} disabled={isRoot} onClick={() => open({ kind: 'transfer-folder', mode: 'copy', folderPath })}>
          <FolderSymlink />
        </IconButton>
        <IconButton size="sm" label="Move folder" tooltip={`Move ${label} to…`} disabled={isRoot} onClick={() => open({ kind: 'transfer-folder', mode: 'move', folderPath })}>
          <FolderOutput />
        </IconButton>
        <IconButton size="sm" label="Delete folder" tooltip={`Delete ${label}…`} disabled={isRoot} onClick={() => open({ kind: 'delete-folder', folderPath })}>
          <Trash />
        </IconButton>
      </div>
    </div>
  );
}
