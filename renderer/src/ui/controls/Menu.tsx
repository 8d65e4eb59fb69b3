import * as Dropdown from '@radix-ui/react-dropdown-menu';
import { Check } from 'lucide-react';
import type { ComponentProps, ComponentType, ReactNode } from 'react';
import type { UiActionList } from './actions';
import { formatShortcut } from './shortcut';
import './controls.css';

/** The floating panel of a dropdown menu (portalled, positioned and focus-managed by Radix). */
export function MenuContent({ children, ...rest }: ComponentProps<typeof Dropdown.Content>) {
  return (
    <Dropdown.Portal>
      <Dropdown.Content className="ui-menu" sideOffset={4} collisionPadding={8} {...rest}>
        {children}
      </Dropdown.Content>
    </Dropdown.Portal>
  );
}

export function MenuLabel({ children }: { children: ReactNode }) {
  return <Dropdown.Label className="ui-menu-label">{children}</Dropdown.Label>;
}

export function MenuRadioItem({ value, icon, children }: { value: string; icon?: ReactNode; children: ReactNode }) {
  return (
    <Dropdown.RadioItem value={value} className="ui-menu-item">
      <span className="ui-menu-icon" aria-hidden="true">
        {icon}
      </span>
      <span className="ui-menu-text">{children}</span>
      <Dropdown.ItemIndicator className="ui-menu-check">
        <Check size={14} aria-hidden="true" />
      </Dropdown.ItemIndicator>
    </Dropdown.RadioItem>
  );
}

/** Shared look of one action row in dropdown and context menus: icon, words, shortcut. */
export function MenuRow({ icon, label, shortcut }: { icon?: ReactNode; label: string; shortcut?: string }) {
  return (
    <>
      <span className="ui-menu-icon" aria-hidden="true">
        {icon}
      </span>
      <span className="ui-menu-text">{label}</span>
      {shortcut && <kbd className="ui-kbd ui-menu-shortcut">{formatShortcut(shortcut)}</kbd>}
    </>
  );
}

/** The Radix parts an action list is drawn with: dropdown and context menus take the same props. */
export interface MenuParts {
  Item: ComponentType<{ className?: string; disabled?: boolean; onSelect?(event: Event): void; 'aria-keyshortcuts'?: string; children?: ReactNode }>;
  Separator: ComponentType<{ className?: string }>;
}

/** The rows of an action list (separators for `null`), for a dropdown or a right-click menu. */
export function ActionItems({ actions, parts: { Item, Separator } }: { actions: UiActionList; parts: MenuParts }) {
  return (
    <>
      {actions.map((a, i) =>
        a === null ? (
          <Separator key={`sep-${i}`} className="ui-menu-separator" />
        ) : (
          <Item
            key={a.id}
            className={`ui-menu-item${a.danger ? ' is-danger' : ''}`}
            disabled={a.disabled}
            onSelect={() => a.run()}
            aria-keyshortcuts={a.shortcut?.replace('Mod', 'Control')}
          >
            <MenuRow icon={a.icon} label={a.label} shortcut={a.shortcut} />
          </Item>
        ),
      )}
    </>
  );
}

const dropdownParts: MenuParts = { Item: Dropdown.Item, Separator: Dropdown.Separator };

/** A dropdown menu of actions; `trigger` is the button that opens it (usually an IconButton). */
export function ActionMenu({ trigger, actions, label, align = 'end' }: { trigger: ReactNode; actions: UiActionList; label?: string; align?: 'start' | 'end' }) {
  return (
    <Dropdown.Root modal={false}>
      <Dropdown.Trigger asChild>{trigger}</Dropdown.Trigger>
      <MenuContent align={align} aria-label={label}>
        <ActionItems actions={actions} parts={dropdownParts} />
      </MenuContent>
    </Dropdown.Root>
  );
}
