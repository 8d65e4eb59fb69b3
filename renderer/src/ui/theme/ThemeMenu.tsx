import { Monitor, Moon, Sun } from 'lucide-react';
import * as Dropdown from '@radix-ui/react-dropdown-menu';
import { IconButton } from '../controls/IconButton';
import { MenuContent, MenuLabel, MenuRadioItem } from '../controls/Menu';
import { themeChoices, useThemeStore, type ThemeChoice } from './theme-store';

const icons = { system: Monitor, light: Sun, dark: Moon } as const;

/** The "Theme" button: System / Light / Dark, the current one checked. */
export function ThemeMenu() {
  const choice = useThemeStore((s) => s.choice);
  const setChoice = useThemeStore((s) => s.setChoice);
  const Icon = icons[choice];
  return (
    <Dropdown.Root>
      <Dropdown.Trigger asChild>
        <IconButton label="Theme" tooltip={`Theme: ${themeChoices.find((c) => c.value === choice)?.label ?? 'System'}`}>
          <Icon />
        </IconButton>
      </Dropdown.Trigger>
      <MenuContent align="end">
        <MenuLabel>Theme</MenuLabel>
        <Dropdown.RadioGroup value={choice} onValueChange={(v) => setChoice(v as ThemeChoice)}>
          {themeChoices.map((c) => {
            const ItemIcon = icons[c.value];
            return (
              <MenuRadioItem key={c.value} value={c.value} icon={<ItemIcon />}>
                {c.label}
              </MenuRadioItem>
            );
          })}
        </Dropdown.RadioGroup>
      </MenuContent>
    </Dropdown.Root>
  );
}
