import { describe, expect, it } from 'vitest';
import { clickItem, emptySelection, moveFocus, reconcile, selectAll, type Selection } from '../../src/ui/selection';

const items = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((fileId) => ({ fileId }));
const ids = (s: Selection) => [...s.ids].sort().join('');

describe('selection: pointer gestures', () => {
  it('a plain click selects only that item and sets the anchor', () => {
    const s = clickItem(clickItem(emptySelection, items, 1), items, 3);
    expect(s).toEqual({ ids: ['d'], anchor: 3, focus: 3 });
  });

  it('Shift-click selects the range from the anchor, in either direction, replacing the rest', () => {
    let s = clickItem(emptySelection, items, 2);
    s = clickItem(s, items, 5, { shift: true });
    expect(ids(s)).toBe('cdef');
    s = clickItem(s, items, 0, { shift: true });
    expect(ids(s)).toBe('abc');
    expect(s.anchor).toBe(2);
  });

  it('Ctrl/Cmd-click toggles one item and moves the anchor there', () => {
    let s = clickItem(emptySelection, items, 0);
    s = clickItem(s, items, 2, { toggle: true });
    s = clickItem(s, items, 4, { toggle: true });
    expect(ids(s)).toBe('ace');
    s = clickItem(s, items, 2, { toggle: true });
    expect(ids(s)).toBe('ae');
    expect(s.anchor).toBe(2);
  });

  it('Ctrl+Shift-click adds a range to what is already selected', () => {
    let s = clickItem(emptySelection, items, 0);
    s = clickItem(s, items, 4, { toggle: true });
    s = clickItem(s, items, 6, { shift: true, toggle: true });
    expect(ids(s)).toBe('aefg');
  });

  it('ignores a click outside the list', () => {
    const s = clickItem(emptySelection, items, 3);
    expect(clickItem(s, items, 99)).toBe(s);
  });
});

describe('selection: keyboard', () => {
  it('arrows move focus and selection; a grid row moves by the column count', () => {
    let s = moveFocus(emptySelection, items, 1);
    expect(s).toEqual({ ids: ['a'], anchor: 0, focus: 0 });
    s = moveFocus(s, items, 3); // ArrowDown in a 3-column grid
    expect(s).toEqual({ ids: ['d'], anchor: 3, focus: 3 });
    s = moveFocus(s, items, -1);
    expect(s.ids).toEqual(['c']);
  });

  it('stops at both ends (Home/End pass the whole length)', () => {
    const start = clickItem(emptySelection, items, 3);
    expect(moveFocus(start, items, items.length).focus).toBe(6);
    expect(moveFocus(start, items, -items.length).focus).toBe(0);
  });

  it('Shift+arrows extend from the anchor and shrink back', () => {
    let s = clickItem(emptySelection, items, 3);
    s = moveFocus(s, items, 1, { shift: true });
    s = moveFocus(s, items, 1, { shift: true });
    expect(ids(s)).toBe('def');
    s = moveFocus(s, items, -3, { shift: true });
    expect(ids(s)).toBe('cd');
    expect(s.anchor).toBe(3);
  });

  it('Ctrl+arrows move the focus without changing the selection (then Space toggles)', () => {
    let s = clickItem(emptySelection, items, 0);
    s = moveFocus(s, items, 2, { toggle: true });
    expect(s).toEqual({ ids: ['a'], anchor: 0, focus: 2 });
    s = clickItem(s, items, s.focus!, { toggle: true });
    expect(ids(s)).toBe('ac');
  });

  it('select all keeps focus where it was', () => {
    const s = selectAll(clickItem(emptySelection, items, 4), items);
    expect(ids(s)).toBe('abcdefg');
    expect(s.focus).toBe(4);
  });

  it('does nothing in an empty list', () => {
    expect(moveFocus(emptySelection, [], 1)).toBe(emptySelection);
    expect(selectAll(emptySelection, [])).toEqual({ ids: [], anchor: null, focus: null });
  });
});

describe('selection after the list changes', () => {
  it('drops ids that are gone and clamps focus and anchor', () => {
    const s: Selection = { ids: ['b', 'f', 'g'], anchor: 5, focus: 6 };
    const shorter = items.slice(0, 4);
    expect(reconcile(s, shorter)).toEqual({ ids: ['b'], anchor: 3, focus: 3 });
  });

  it('returns the same object when nothing changed (no re-render loop)', () => {
    const s = clickItem(emptySelection, items, 2);
    expect(reconcile(s, items)).toBe(s);
  });
});
