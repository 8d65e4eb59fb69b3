import { create } from 'zustand';
import { toast } from './toast/toast-store';

/** What "Copy to profile…" / "Move to profile…" was asked for; the source is the open profile. */
export interface TransferIntent {
  mode: 'copy' | 'move';
  /** One library path per plan: a folder (`/` is the whole library) or files of one folder. */
  sourcePaths: string[];
  /** What moves, in words for the dialog's title: "folder trip", "the library", "photo.jpg", "3 files". */
  what: string;
  /** The folder the transfer is proposed to land in on the other profile (the same place by default). */
  suggestedTarget: string;
}

interface TransferIntentState {
  intent: TransferIntent | null;
  ask(intent: TransferIntent): void;
  clear(): void;
}

/**
 * Transfers between profiles are asked for from the browser's menus, toolbar and palette; the
 * transfers feature, mounted once in the frame, reads the request here and opens its dialog.
 */
export const useTransferIntent = create<TransferIntentState>()((set) => ({
  intent: null,
  ask: (intent) => set({ intent }),
  clear: () => set({ intent: null }),
}));

/** Each selected file is its own plan and job on the host, which keeps a limited number of plans. */
export const MAX_TRANSFER_FILES = 20;

const folderOf = (filePath: string) => filePath.replace(/\/[^/]*$/, '') || '/';

/** "Copy to profile…" / "Move to profile…" on selected files: they land in the same folder on the other profile. */
export function askFilesTransfer(mode: TransferIntent['mode'], files: ReadonlyArray<{ filePath: string; name: string }>): void {
  if (files.length === 0) return;
  if (files.length > MAX_TRANSFER_FILES) {
    toast(`Select up to ${MAX_TRANSFER_FILES} files to ${mode} to another profile, or ${mode} their folder.`, { channel: 'library', tone: 'warn' });
    return;
  }
  const what = files.length === 1 ? files[0]!.name : `${files.length} files`;
  useTransferIntent.getState().ask({ mode, sourcePaths: files.map((f) => f.filePath), what, suggestedTarget: folderOf(files[0]!.filePath) });
}

/** The same on a folder; `/` is the whole library. */
export function askFolderTransfer(mode: TransferIntent['mode'], folderPath: string): void {
  const what = folderPath === '/' ? 'the library' : `folder ${folderPath.split('/').pop()}`;
  useTransferIntent.getState().ask({ mode, sourcePaths: [folderPath], what, suggestedTarget: folderPath });
}

/** "Back up folder…" / "Restore from backup…" on a folder (`/` is the whole library) of the open profile. */
export interface BackupIntent {
  kind: 'backup' | 'restore';
  folderPath: string;
}

/** Asked for from the browser's folder menus; the transfers feature opens the matching dialog. */
export const useBackupIntent = create<{ intent: BackupIntent | null; ask(intent: BackupIntent): void; clear(): void }>()((set) => ({
  intent: null,
  ask: (intent) => set({ intent }),
  clear: () => set({ intent: null }),
}));
