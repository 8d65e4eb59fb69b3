import * as Context from '@radix-ui/react-context-menu';
import type { ReactNode } from 'react';
import type { UiActionList } from './actions';
import { MenuRow } from './Menu';
import './controls.css';

interface ContextMenuProps {
  /** The actions for what was right-clicked; asked for when the menu opens so they see the latest selection. */
  actions: () => UiActionList;
  label: string;
  children: ReactNode;
  onOpen?(): void;
}

/**
 * A right-click (or Shift+F10 / context-menu key) menu around `children`; Radix positions it, traps
 * focus while open and gives it back on close.
 */
export function ContextMenu({ actions, label, children, onOpen }: ContextMenuProps) {
  return (
    <Context.Root modal={false} onOpenChange={(open) => open && onOpen?.()}>
      <Context.Trigger asChild>{children}</Context.Trigger>
      <Context.Portal>
        <Context.Content className="ui-menu" aria-label={label} collisionPadding={8}>
          <ContextItems actions={actions()} />
        </Context.Content>
      </Context.Portal>
    </Context.Root>
  );
}

function ContextItems({ actions }: { actions: UiActionList }) {
  return (
    <>
      {actions.map((a, i) =>
        a === null ? (
          <Context.Separator key={`sep-${i}`} className="ui-menu-separator" />
        ) : (
          <Context.Item
            key={a.id}
            className={`ui-menu-item${a.danger ? ' is-danger' : ''}`}
            disabled={a.disabled}
            onSelect={() => a.run()}
            aria-keyshortcuts={a.shortcut?.replace('Mod', 'Control')}
          >
            <MenuRow icon={a.icon} label={a.label} shortcut={a.shortcut} />
          </Context.Item>
        ),
      )}
    </>
  );
}
