import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

export type ThemeChoice = 'system' | 'light' | 'dark';

export const themeChoices: ReadonlyArray<{ value: ThemeChoice; label: string }> = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

interface ThemeState {
  choice: ThemeChoice;
  setChoice(choice: ThemeChoice): void;
}

/**
 * The person's theme choice: a UI preference of this window, so it lives in localStorage (zustand
 * persist), not in settings.json. "System" follows prefers-color-scheme live.
 */
export const useThemeStore = create<ThemeState>()(
  persist(
    (set) => ({
      choice: 'system',
      setChoice: (choice) => set({ choice }),
    }),
    {
      name: 'mediadesk.theme',
      storage: createJSONStorage(() => localStorage),
      // A hand-edited or older value must not leave the window without a theme.
      merge: (persisted, current) => {
        const choice = (persisted as Partial<ThemeState> | undefined)?.choice;
        return { ...current, choice: choice === 'light' || choice === 'dark' ? choice : 'system' };
      },
    },
  ),
);

/** Puts the choice on <html data-theme>; tokens.css reads it (no attribute = follow the OS). */
export function applyTheme(choice: ThemeChoice, root: HTMLElement = document.documentElement): void {
  if (choice === 'system') delete root.dataset.theme;
  else root.dataset.theme = choice;
}

/** Applies the stored choice now (before the first paint) and whenever it changes. */
export function bindThemeToDocument(): () => void {
  applyTheme(useThemeStore.getState().choice);
  return useThemeStore.subscribe((s) => applyTheme(s.choice));
}
