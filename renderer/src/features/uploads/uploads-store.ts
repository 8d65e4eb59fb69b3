import { create } from 'zustand';
import type { WindowFile } from '../../api/uploads';

/** What is about to be uploaded, waiting for the options dialog. */
export type PendingUpload = { kind: 'files'; files: WindowFile[] } | { kind: 'urls'; urls: string[] };

export interface Notice {
  id: number;
  text: string;
  tone: 'ok' | 'warn';
}

interface UploadsUiState {
  pending: PendingUpload | null;
  urlDialogOpen: boolean;
  /** The dialog's URLs text when opened from a web-page drag (prefilled). */
  urlDraft: string;
  expanded: boolean;
  notices: Notice[];
  propose(pending: PendingUpload): void;
  closePending(): void;
  openUrlDialog(draft?: string): void;
  closeUrlDialog(): void;
  setExpanded(expanded: boolean): void;
  notify(text: string, tone: Notice['tone']): void;
  dismiss(id: number): void;
}

let nextNotice = 1;

/** UI state of the uploader (server data lives in react-query, see src/api/uploads.ts). */
export const useUploadsUi = create<UploadsUiState>()((set) => ({
  pending: null,
  urlDialogOpen: false,
  urlDraft: '',
  expanded: true,
  notices: [],
  propose: (pending) => set({ pending, urlDialogOpen: false }),
  closePending: () => set({ pending: null }),
  openUrlDialog: (draft = '') => set({ urlDialogOpen: true, urlDraft: draft }),
  closeUrlDialog: () => set({ urlDialogOpen: false }),
  setExpanded: (expanded) => set({ expanded }),
  notify: (text, tone) => set((s) => ({ notices: [...s.notices.slice(-4), { id: nextNotice++, text, tone }] })),
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
}));
