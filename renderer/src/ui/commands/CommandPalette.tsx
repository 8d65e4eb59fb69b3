import * as RadixDialog from '@radix-ui/react-dialog';
import { Command } from 'cmdk';
import { Search } from 'lucide-react';
import { useEffect, useMemo } from 'react';
import { formatShortcut, matchesShortcut } from '../controls/shortcut';
import { collectCommands, useCommandRegistry } from './command-registry';
import { useReturnFocus } from '../dialog/Dialog';
import type { UiAction } from '../controls/actions';
import './command-palette.css';

export const PALETTE_SHORTCUT = 'Mod+K';

const groupOrder = ['File', 'Folder', 'Upload', 'Go to', 'Profiles', 'Theme'];

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
  return <PaletteDialog groups={groups} setOpen={setOpen} />;
}

function PaletteDialog({ groups, setOpen }: { groups: Array<[string, UiAction[]]>; setOpen(open: boolean): void }) {
  const returnFocus = useReturnFocus();
  return (
    <RadixDialog.Root open onOpenChange={setOpen}>
      <RadixDialog.Portal>
        <div className="ui-dialog-scrim" aria-hidden="true" />
        <RadixDialog.Content className="ui-palette" aria-describedby={undefined} onCloseAutoFocus={returnFocus}>
          <RadixDialog.Title className="visually-hidden">Command palette</RadixDialog.Title>
          <Command label="Command palette" loop>
            <div className="ui-palette-input">
              <Search aria-hidden="true" />
              <Command.Input placeholder="Type a command or search…" autoFocus />
            </div>
            <Command.List label="Commands" className="ui-palette-list">
              <Command.Empty className="ui-palette-empty">No command matches.</Command.Empty>
              {groups.map(([group, items]) => (
                <Command.Group key={group} heading={group}>
                  {items.map((a) => (
                    <Command.Item
                      key={a.id}
                      value={`${a.group ?? ''} ${a.label}`}
                      keywords={a.keywords}
                      disabled={a.disabled}
                      className={a.danger ? 'is-danger' : undefined}
                      onSelect={() => {
                        setOpen(false);
                        // After the palette has closed and handed focus back, so the action's own dialog keeps it.
                        setTimeout(() => a.run(), 0);
                      }}
                    >
                      <span className="ui-menu-icon" aria-hidden="true">
                        {a.icon}
                      </span>
                      <span className="ui-menu-text">{a.label}</span>
                      {a.shortcut && <kbd className="ui-kbd">{formatShortcut(a.shortcut)}</kbd>}
                    </Command.Item>
                  ))}
                </Command.Group>
              ))}
            </Command.List>
          </Command>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
