import * as RadixDialog from '@radix-ui/react-dialog';
import { Command } from 'cmdk';
import { Search } from 'lucide-react';
import { formatShortcut } from '../controls/shortcut';
import { useReturnFocus } from '../dialog/Dialog';
import type { UiAction } from '../controls/actions';
import './command-palette.css';

/**
 * The open palette: cmdk does the filtering and listbox semantics, Radix the dialog (see
 * ui/dialog/Dialog.tsx for why there is no Radix Overlay). CommandPalette.tsx loads it on first open.
 */
export function PaletteDialog({ groups, setOpen }: { groups: Array<[string, UiAction[]]>; setOpen(open: boolean): void }) {
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
