import * as Context from '@radix-ui/react-context-menu';
import type { ReactNode } from 'react';
import type { UiActionList } from './actions';
import { ActionItems, type MenuParts } from './Menu';
import './controls.css';

const contextParts: MenuParts = { Item: Context.Item, Separator: Context.Separator };

interface ContextMenuProps {
  /** The actions for what was right-clicked; asked for when the menu opens so they see the latest selection. */
  actions: () => UiActionList;
  /** The menu's accessible name; a function is asked when the menu opens, like `actions`. */
  label: string | (() => string);
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
        <OpenedContent actions={actions} label={label} />
      </Context.Portal>
    </Context.Root>
  );
}

function OpenedContent({ actions, label }: Pick<ContextMenuProps, 'actions' | 'label'>) {
  return (
    <Context.Content className="ui-menu" aria-label={typeof label === 'function' ? label() : label} collisionPadding={8}>
      <OpenedItems actions={actions} />
    </Context.Content>
  );
}

/**
 * Calls `actions` as it renders, and it renders only while the menu is open: the list is that of the
 * moment of the right-click (the item under the pointer, the selection it made), not of the last time
 * the page around the menu happened to render.
 */
function OpenedItems({ actions }: { actions: () => UiActionList }) {
  return <ActionItems actions={actions()} parts={contextParts} />;
}
