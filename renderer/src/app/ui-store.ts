import { create } from 'zustand';

/**
 * UI-only state (what is open, what is being edited). Server data never lives here: it comes from
 * react-query hooks in src/api/.
 */
export interface UiState {
  profileDialogOpen: boolean;
  /** Profile shown in the dialog's form; null means a new, unsaved profile. */
  editingProfileId: string | null;
  openProfileDialog(profileId: string | null): void;
  editProfile(profileId: string | null): void;
  closeProfileDialog(): void;
}

export const useUiStore = create<UiState>()((set) => ({
  profileDialogOpen: false,
  editingProfileId: null,
  openProfileDialog: (profileId) => set({ profileDialogOpen: true, editingProfileId: profileId }),
  editProfile: (profileId) => set({ editingProfileId: profileId }),
  closeProfileDialog: () => set({ profileDialogOpen: false }),
}));
