import { Monitor, Moon, Plus, Sun } from 'lucide-react';
import { featureViews } from '../../app/feature-views';
import { useUiStore } from '../../app/ui-store';
import { useViewStore } from '../../app/view-store';
import { useRegisterCommands } from '../../ui/commands/command-registry';
import { useThemeStore } from '../../ui/theme/theme-store';

/** Palette commands of the frame itself: go to each view, the theme, a new profile. */
export function useFrameCommands() {
  useRegisterCommands('frame', () => {
    const { show } = useViewStore.getState();
    const { setChoice } = useThemeStore.getState();
    return [
      ...featureViews.map((v, i) => ({ id: `go-${v.id}`, group: 'Go to', label: v.label, shortcut: `Alt+${i + 1}`, run: () => show(v.id) })),
      { id: 'new-profile', group: 'Profiles', label: 'New profile…', icon: <Plus />, keywords: ['imagekit', 'account'], run: () => useUiStore.getState().openProfileDialog(null) },
      { id: 'theme-system', group: 'Theme', label: 'Theme: System', icon: <Monitor />, run: () => setChoice('system') },
      { id: 'theme-light', group: 'Theme', label: 'Theme: Light', icon: <Sun />, run: () => setChoice('light') },
      { id: 'theme-dark', group: 'Theme', label: 'Theme: Dark', icon: <Moon />, run: () => setChoice('dark') },
    ];
  });
}
