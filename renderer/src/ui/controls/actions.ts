import type { ReactNode } from 'react';

/**
 * One thing a person can do, described once and shown wherever people look for it: a toolbar, the
 * right-click menu, an overflow menu and the command palette (with the same name and shortcut).
 */
export interface UiAction {
  id: string;
  label: string;
  icon?: ReactNode;
  /** "Mod+K", "F2", "Delete"… (see shortcut.ts); shown in menus and the palette. */
  shortcut?: string;
  /** Where the palette groups it: "File", "Folder", "View", "Go to"… */
  group?: string;
  disabled?: boolean;
  danger?: boolean;
  /** Extra words the palette matches on. */
  keywords?: string[];
  run(): void;
}

/** `null` entries become separators in menus. */
export type UiActionList = ReadonlyArray<UiAction | null>;
