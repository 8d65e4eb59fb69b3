/**
 * Selection in the Files grid/list as pure functions of (state, items, gesture), so the rules are
 * tested apart from React: click, Shift-range, Ctrl/Cmd-toggle, select all and arrow keys.
 */
export interface Selection {
  /** Selected file ids, in the order they were selected. */
  ids: readonly string[];
  /** Where a Shift-range starts: the last plainly clicked or toggled item. */
  anchor: number | null;
  /** The item keyboard focus is on (aria-activedescendant). */
  focus: number | null;
}

export const emptySelection: Selection = { ids: [], anchor: null, focus: null };

export interface Modifiers {
  shift?: boolean;
  /** Ctrl on Windows/Linux, Cmd on macOS. */
  toggle?: boolean;
}

interface Identified {
  fileId: string;
}

function range(items: readonly Identified[], from: number, to: number): string[] {
  const [lo, hi] = from <= to ? [from, to] : [to, from];
  return items.slice(lo, hi + 1).map((i) => i.fileId);
}

/** A click (or Space) on item `index`. */
export function clickItem(state: Selection, items: readonly Identified[], index: number, mods: Modifiers = {}): Selection {
  const item = items[index];
  if (!item) return state;
  if (mods.shift) {
    const anchor = state.anchor ?? index;
    const span = range(items, anchor, index);
    // Ctrl+Shift adds the range to what is selected; Shift alone replaces it.
    const ids = mods.toggle ? [...new Set([...state.ids, ...span])] : span;
    return { ids, anchor, focus: index };
  }
  if (mods.toggle) {
    const has = state.ids.includes(item.fileId);
    return { ids: has ? state.ids.filter((id) => id !== item.fileId) : [...state.ids, item.fileId], anchor: index, focus: index };
  }
  return { ids: [item.fileId], anchor: index, focus: index };
}

export function selectAll(state: Selection, items: readonly Identified[]): Selection {
  return { ids: items.map((i) => i.fileId), anchor: state.anchor ?? (items.length ? 0 : null), focus: state.focus ?? (items.length ? 0 : null) };
}

/**
 * Arrow keys: `delta` is ±1 (left/right) or ±columns (up/down); Home/End pass the distance to the
 * ends. Plain arrows move the focus and select it; Shift extends from the anchor; Ctrl moves focus only.
 */
export function moveFocus(state: Selection, items: readonly Identified[], delta: number, mods: Modifiers = {}): Selection {
  if (!items.length) return state;
  const from = state.focus ?? (delta > 0 ? -1 : items.length);
  const next = Math.min(items.length - 1, Math.max(0, from + delta));
  if (mods.toggle && !mods.shift) return { ...state, focus: next };
  if (mods.shift) {
    const anchor = state.anchor ?? (state.focus ?? next);
    return { ids: range(items, anchor, next), anchor, focus: next };
  }
  return { ids: [items[next]!.fileId], anchor: next, focus: next };
}

/** Keeps only ids still listed (after a refresh, delete or move) and clamps the focus. */
export function reconcile(state: Selection, items: readonly Identified[]): Selection {
  // Nothing to keep: skip building a set of every listed id (each new page of a big folder lands here).
  if (!state.ids.length && state.focus === null && state.anchor === null) return state;
  const present = new Set(items.map((i) => i.fileId));
  const ids = state.ids.filter((id) => present.has(id));
  const clamp = (i: number | null) => (i === null || !items.length ? null : Math.min(i, items.length - 1));
  if (ids.length === state.ids.length && clamp(state.focus) === state.focus && clamp(state.anchor) === state.anchor) return state;
  return { ids, anchor: clamp(state.anchor), focus: clamp(state.focus) };
}
