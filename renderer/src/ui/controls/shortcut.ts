/** Shortcuts are written once as "Mod+Shift+K" (Mod = Ctrl, or ⌘ on macOS) and shown in the platform's words. */
export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/i.test(navigator.platform);

const macWords: Record<string, string> = { Mod: '⌘', Shift: '⇧', Alt: '⌥', Ctrl: '⌃', Enter: '↩', Backspace: '⌫', Delete: '⌦', Escape: 'Esc' };
const pcWords: Record<string, string> = { Mod: 'Ctrl', Escape: 'Esc', Delete: 'Del' };

export function formatShortcut(shortcut: string, mac = isMac): string {
  const parts = shortcut.split('+').map((p) => (mac ? macWords[p] : pcWords[p]) ?? (p.length === 1 ? p.toUpperCase() : p));
  return mac ? parts.join('') : parts.join('+');
}

/** Whether a keydown is the shortcut ("Mod+K", "Shift+F10", "F2", "Delete"). */
export function matchesShortcut(event: KeyboardEvent | { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }, shortcut: string, mac = isMac): boolean {
  const parts = shortcut.split('+');
  const key = parts.pop()!;
  const want = new Set(parts);
  const mod = mac ? event.metaKey : event.ctrlKey;
  if (want.has('Mod') !== mod) return false;
  if (want.has('Shift') !== event.shiftKey || want.has('Alt') !== event.altKey) return false;
  return event.key.toLowerCase() === key.toLowerCase();
}
