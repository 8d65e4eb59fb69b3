import { create } from 'zustand';
import type { FileSummary } from '../../../../shared/domain/library';
import { toast } from '../../ui/toast/toast-store';

/** Which browser dialog is open, with what it acts on (UI state only). */
export type BrowserDialog =
  | { kind: 'preview'; file: FileSummary }
  | { kind: 'rename'; file: FileSummary }
  | { kind: 'delete-files'; files: FileSummary[] }
  | { kind: 'transfer-files'; mode: 'copy' | 'move'; files: FileSummary[] }
  | { kind: 'new-folder'; parentFolderPath: string }
  | { kind: 'rename-folder'; folderPath: string }
  | { kind: 'delete-folder'; folderPath: string }
  | { kind: 'transfer-folder'; mode: 'copy' | 'move'; folderPath: string };

export interface RunningJob {
  jobId: string;
  /** What the job does, in words: "Copying folder trips to /archive". */
  label: string;
}

interface DialogState {
  dialog: BrowserDialog | null;
  jobs: RunningJob[];
  open(dialog: BrowserDialog): void;
  close(): void;
  addJob(job: RunningJob): void;
  removeJob(jobId: string): void;
  /** Tells an outcome (copied, moved, what failed) in a toast; the "Last action" status repeats it while it shows. */
  tell(text: string, failures?: { item: string; message: string }[]): void;
}

export const useDialogStore = create<DialogState>()((set) => ({
  dialog: null,
  jobs: [],
  open: (dialog) => set({ dialog }),
  close: () => set({ dialog: null }),
  addJob: (job) => set((s) => ({ jobs: [...s.jobs, job] })),
  removeJob: (jobId) => set((s) => ({ jobs: s.jobs.filter((j) => j.jobId !== jobId) })),
  tell: (text, failures = []) => {
    const failed = failures.length > 0 || /^Could not /.test(text);
    toast(text, { channel: 'library', tone: failed ? 'warn' : 'ok', details: failures.map((f) => `${f.item}: ${f.message}`) });
  },
}));
