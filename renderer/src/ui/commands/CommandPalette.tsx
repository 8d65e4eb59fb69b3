import { lazy, Suspense, useEffect, useMemo } from 'react';
import { matchesShortcut } from '../controls/shortcut';
import { collectCommands, useCommandRegistry } from './command-registry';

export const PALETTE_SHORTCUT = 'Mod+K';

const groupOrder = ['File', 'Folder', 'Upload', 'Go to', 'Profiles', 'Theme'];

// cmdk and the Radix dialog load the first time the palette opens (Ctrl/⌘+K or the top-bar button).
const PaletteDialog = lazy(() => import('./PaletteDialog').then((m) => ({ default: m.PaletteDialog })));

/**
 * The command palette (Ctrl/⌘+K): every action the app offers right now, grouped, each with its
 * shortcut; type to filter, Enter runs. cmdk does the filtering and listbox semantics, Radix the
 * dialog (see ui/dialog/Dialog.tsx for why there is no Radix Overlay).
 */
export function CommandPalette() {
  const open = useCommandRegistry((s) => s.paletteOpen);
  const setOpen = useCommandRegistry((s) => s.setPaletteOpen);
  const sources = useCommandRegistry((s) => s.sources);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!matchesShortcut(e, PALETTE_SHORTCUT)) return;
      e.preventDefault();
      setOpen(!useCommandRegistry.getState().paletteOpen);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [setOpen]);

  // Read when it opens, so disabled states match the selection of that moment.
  const actions = useMemo(() => (open ? collectCommands(sources) : []), [open, sources]);
  const groups = useMemo(() => {
    const byGroup = new Map<string, typeof actions>();
    for (const a of actions) {
      const key = a.group ?? 'General';
      byGroup.set(key, [...(byGroup.get(key) ?? []), a]);
    }
    // What acts on the current selection and folder first, then navigation and settings.
    const rank = (group: string) => {
      const i = groupOrder.indexOf(group);
      return i < 0 ? groupOrder.length : i;
    };
    return [...byGroup].sort(([a], [b]) => rank(a) - rank(b));
  }, [actions]);

  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <PaletteDialog groups={groups} setOpen={setOpen} />
    </Suspense>
  );
}
