import { ArchiveRestore, ArrowRightLeft, ClipboardCopy, Copy, Download, Eye, FolderInput, FolderOutput, FolderPen, FolderPlus, FolderSymlink, HardDriveDownload, Pencil, Send, Trash, WandSparkles } from 'lucide-react';
import type { FileSummary } from '../../../../shared/domain/library';
import { folderName } from '../../../../shared/domain/folder-paths';
import type { UiAction, UiActionList } from '../../ui/controls/actions';
import { useBuilderIntent } from '../../ui/builder-intent';
import { askFilesTransfer, askFolderTransfer, useBackupIntent } from '../../ui/transfer-intent';
import { useViewStore } from '../../app/view-store';
import { useDialogStore } from './dialog-store';
import type { useFileActions } from './use-file-actions';

type FileActions = ReturnType<typeof useFileActions>;

/** Sends a file to the URL builder (which loads lazily and takes the request when it mounts). */
export function openInBuilder(file: FileSummary): void {
  useBuilderIntent.getState().ask({ filePath: file.filePath, signed: file.isPrivateFile });
  useViewStore.getState().show('url-builder');
}

/** What can be done with the selected files, in menu order (keyboard shortcuts are FilesView's). */
export function fileActionList(files: FileSummary[], actions: FileActions): UiActionList {
  const one = files.length === 1 ? files[0] : undefined;
  const none = files.length === 0;
  const list: Array<UiAction | null> = [
    { id: 'file-preview', group: 'File', label: 'Preview', icon: <Eye />, shortcut: 'Enter', disabled: !one, run: () => one && actions.preview(one) },
    { id: 'file-builder', group: 'File', label: 'Open in URL builder', icon: <WandSparkles />, disabled: !one, run: () => one && openInBuilder(one) },
    { id: 'file-copy-url', group: 'File', label: files.length > 1 ? `Copy ${files.length} URLs` : 'Copy URL', icon: <ClipboardCopy />, shortcut: 'Mod+C', disabled: none, run: () => void actions.copyUrls(files) },
    null,
    { id: 'file-rename', group: 'File', label: 'Rename…', icon: <Pencil />, shortcut: 'F2', disabled: !one, run: () => one && actions.rename(one) },
    { id: 'file-copy-to', group: 'File', label: 'Copy to…', icon: <Copy />, disabled: none, run: () => actions.transfer('copy', files) },
    { id: 'file-move-to', group: 'File', label: 'Move to…', icon: <FolderInput />, disabled: none, run: () => actions.transfer('move', files) },
    { id: 'file-copy-to-profile', group: 'File', label: 'Copy to profile…', icon: <Send />, keywords: ['transfer', 'account'], disabled: none, run: () => askFilesTransfer('copy', files) },
    { id: 'file-move-to-profile', group: 'File', label: 'Move to profile…', icon: <ArrowRightLeft />, keywords: ['transfer', 'account'], disabled: none, run: () => askFilesTransfer('move', files) },
    { id: 'file-download', group: 'File', label: 'Download', icon: <Download />, disabled: none, run: () => void actions.download(files) },
    null,
    { id: 'file-delete', group: 'File', label: 'Delete…', icon: <Trash />, shortcut: 'Delete', danger: true, disabled: none, run: () => actions.remove(files) },
  ];
  return list;
}

/** What can be done with a folder (the root only gets new folders). */
export function folderActionList(folderPath: string): UiActionList {
  const { open } = useDialogStore.getState();
  const isRoot = folderPath === '/';
  const name = isRoot ? 'the library' : folderName(folderPath);
  return [
    { id: 'folder-new', group: 'Folder', label: isRoot ? 'New folder…' : `New folder in ${name}…`, icon: <FolderPlus />, shortcut: 'Mod+Shift+N', run: () => open({ kind: 'new-folder', parentFolderPath: folderPath }) },
    null,
    { id: 'folder-rename', group: 'Folder', label: 'Rename folder…', icon: <FolderPen />, disabled: isRoot, run: () => open({ kind: 'rename-folder', folderPath }) },
    { id: 'folder-copy', group: 'Folder', label: 'Copy folder…', icon: <FolderSymlink />, disabled: isRoot, run: () => open({ kind: 'transfer-folder', mode: 'copy', folderPath }) },
    { id: 'folder-move', group: 'Folder', label: 'Move folder…', icon: <FolderOutput />, disabled: isRoot, run: () => open({ kind: 'transfer-folder', mode: 'move', folderPath }) },
    { id: 'folder-copy-to-profile', group: 'Folder', label: isRoot ? 'Copy library to profile…' : 'Copy folder to profile…', icon: <Send />, keywords: ['transfer', 'account'], run: () => askFolderTransfer('copy', folderPath) },
    { id: 'folder-move-to-profile', group: 'Folder', label: isRoot ? 'Move library to profile…' : 'Move folder to profile…', icon: <ArrowRightLeft />, keywords: ['transfer', 'account'], run: () => askFolderTransfer('move', folderPath) },
    { id: 'folder-backup', group: 'Folder', label: isRoot ? 'Back up library…' : 'Back up folder…', icon: <HardDriveDownload />, keywords: ['backup', 'zip', 'export', 'download'], run: () => useBackupIntent.getState().ask({ kind: 'backup', folderPath }) },
    { id: 'folder-restore', group: 'Folder', label: 'Restore from backup…', icon: <ArchiveRestore />, keywords: ['backup', 'zip', 'import'], run: () => useBackupIntent.getState().ask({ kind: 'restore', folderPath }) },
    null,
    { id: 'folder-delete', group: 'Folder', label: 'Delete folder…', icon: <Trash />, danger: true, disabled: isRoot, run: () => open({ kind: 'delete-folder', folderPath }) },
  ];
}
