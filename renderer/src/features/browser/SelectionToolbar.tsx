import { ArrowRightLeft, ClipboardCopy, Copy, Download, FolderInput, Pencil, Send, Trash, WandSparkles, X } from 'lucide-react';
import { useBrowserStore } from '../../ui/browser-store';
import { Button } from '../../ui/controls/Button';
import { IconButton } from '../../ui/controls/IconButton';
import { ActionMenu } from '../../ui/controls/Menu';
import { askFilesTransfer } from '../../ui/transfer-intent';
import { emptySelection } from '../../ui/selection';
import { openInBuilder } from './action-lists';
import { formatBytes } from './format';
import { useFileActions } from './use-file-actions';
import { useProfiles } from '../../api/profiles';

/** Appears with a selection: what can be done with the selected files, where the eye already is. */
export function SelectionToolbar() {
  const selectedFiles = useBrowserStore((s) => s.selectedFiles);
  const setSelection = useBrowserStore((s) => s.setSelection);
  const actions = useFileActions();
  // Profile transfers need a second profile; without one the toolbar stays as it was.
  const otherProfiles = (useProfiles().data?.length ?? 0) > 1;
  if (selectedFiles.length === 0) return null;
  const one = selectedFiles.length === 1 ? selectedFiles[0] : undefined;
  const total = selectedFiles.reduce((sum, f) => sum + f.size, 0);
  return (
    <div role="toolbar" aria-label="File actions" className="selection-toolbar">
      <span className="selection-count">
        {selectedFiles.length.toLocaleString()} selected <span className="muted">· {formatBytes(total)}</span>
      </span>
      <IconButton size="sm" label="Open in URL builder" disabled={!one || one.fileType !== 'image'} onClick={() => one && openInBuilder(one)}>
        <WandSparkles />
      </IconButton>
      <IconButton size="sm" label={one ? 'Copy URL' : 'Copy URLs'} shortcut="Mod+C" onClick={() => void actions.copyUrls(selectedFiles)}>
        <ClipboardCopy />
      </IconButton>
      {otherProfiles && (
        <ActionMenu
          label="Other profile"
          align="start"
          actions={[
            { id: 'copy-to-profile', label: 'Copy to profile…', icon: <Send />, run: () => askFilesTransfer('copy', selectedFiles) },
            { id: 'move-to-profile', label: 'Move to profile…', icon: <ArrowRightLeft />, run: () => askFilesTransfer('move', selectedFiles) },
          ]}
          trigger={
            <IconButton size="sm" label="To another profile" tooltip="Copy or move to another profile…">
              <Send />
            </IconButton>
          }
        />
      )}
      <span className="toolbar-divider" aria-hidden="true" />
      <Button size="sm" variant="quiet" icon={<Pencil />} disabled={!one} title="Rename (F2)" onClick={() => one && actions.rename(one)}>
        Rename…
      </Button>
      <Button size="sm" variant="quiet" icon={<Copy />} onClick={() => actions.transfer('copy', selectedFiles)}>
        Copy to…
      </Button>
      <Button size="sm" variant="quiet" icon={<FolderInput />} onClick={() => actions.transfer('move', selectedFiles)}>
        Move to…
      </Button>
      <Button size="sm" variant="quiet" icon={<Download />} onClick={() => void actions.download(selectedFiles)}>
        Download
      </Button>
      <Button size="sm" variant="quiet" icon={<Trash />} className="is-danger" title="Delete (Del)" onClick={() => actions.remove(selectedFiles)}>
        Delete…
      </Button>
      <IconButton size="sm" label="Clear selection" shortcut="Escape" className="selection-clear" onClick={() => setSelection(emptySelection, [])}>
        <X />
      </IconButton>
    </div>
  );
}
