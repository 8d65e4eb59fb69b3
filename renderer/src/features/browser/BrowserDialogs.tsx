import { useDialogStore } from './dialog-store';
import { DeleteFilesDialog, PreviewDialog, RenameDialog, TransferFilesDialog } from './FileDialogs';
import { DeleteFolderDialog, NewFolderDialog, RenameFolderDialog, TransferFolderDialog } from './FolderDialogs';

/** The one open browser dialog, if any. */
export function BrowserDialogs() {
  const dialog = useDialogStore((s) => s.dialog);
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'preview':
      return <PreviewDialog file={dialog.file} />;
    case 'rename':
      return <RenameDialog file={dialog.file} />;
    case 'delete-files':
      return <DeleteFilesDialog files={dialog.files} />;
    case 'transfer-files':
      return <TransferFilesDialog mode={dialog.mode} files={dialog.files} />;
    case 'new-folder':
      return <NewFolderDialog parentFolderPath={dialog.parentFolderPath} />;
    case 'rename-folder':
      return <RenameFolderDialog folderPath={dialog.folderPath} />;
    case 'delete-folder':
      return <DeleteFolderDialog folderPath={dialog.folderPath} />;
    case 'transfer-folder':
      return <TransferFolderDialog mode={dialog.mode} folderPath={dialog.folderPath} />;
  }
}
