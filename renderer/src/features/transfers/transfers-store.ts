import { create } from 'zustand';

interface TransfersUi {
  expanded: boolean;
  /** Jobs this window started or saw running; finished ones stay listed until dismissed. */
  followed: string[];
  dismissed: string[];
  setExpanded(expanded: boolean): void;
  follow(jobIds: string[]): void;
  dismiss(jobId: string): void;
}

/** UI state of the Transfers drawer (which jobs it lists, open or not); the jobs themselves come from api/transfers. */
export const useTransfersUi = create<TransfersUi>()((set) => ({
  expanded: false,
  followed: [],
  dismissed: [],
  setExpanded: (expanded) => set({ expanded }),
  follow: (jobIds) => set((s) => ({ followed: [...new Set([...s.followed, ...jobIds])], dismissed: s.dismissed.filter((id) => !jobIds.includes(id)) })),
  dismiss: (jobId) => set((s) => ({ dismissed: [...s.dismissed, jobId] })),
}));
