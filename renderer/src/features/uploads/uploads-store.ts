import { create } from 'zustand';
import type { WindowFile } from '../../api/uploads';
import { toast } from '../../ui/toast/toast-store';

/** What is about to be uploaded, waiting for the options dialog. */
export type PendingUpload = { kind: 'files'; files: WindowFile[] } | { kind: 'urls'; urls: string[] };


interface UploadsUiState {
  pending: PendingUpload | null;
  urlDialogOpen: boolean;
  /** The dialog's URLs text when opened from a web-page drag (prefilled). */
  urlDraft: string;
  expanded: boolean;
  propose(pending: PendingUpload): void;
  closePending(): void;
  openUrlDialog(draft?: string): void;
  closeUrlDialog(): void;
  setExpanded(expanded: boolean): void;
  /** Tells how a batch went, in a toast; the "Upload notifications" status repeats it while it shows. */
  notify(text: string, tone: 'ok' | 'warn'): void;
}

/** UI state of the uploader (server data lives in react-query, see src/api/uploads.ts). */
export const useUploadsUi = create<UploadsUiState>()((set) => ({
  pending: null,
  urlDialogOpen: false,
  urlDraft: '',
  expanded: false,
  propose: (pending) => set({ pending, urlDialogOpen: false }),
  closePending: () => set({ pending: null }),
  openUrlDialog: (draft = '') => set({ urlDialogOpen: true, urlDraft: draft }),
  closeUrlDialog: () => set({ urlDialogOpen: false }),
  setExpanded: (expanded) => set({ expanded }),
  notify: (text, tone) => {
    toast(text, { channel: 'uploads', tone });
  },
}));
