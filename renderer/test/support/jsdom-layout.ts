/**
 * jsdom has no layout and no ResizeObserver; the Library's resizable panes (react-resizable-panels)
 * construct one. Nothing here measures sizes, so an observer that never reports is enough.
 * Loaded for every jsdom test (vitest.config.ts setupFiles), since any component holding the panes needs it.
 */
if (typeof globalThis.ResizeObserver === 'undefined') {
  globalThis.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}

/**
 * jsdom lays nothing out: every box is the empty rect at the origin, which is also where user-event
 * puts the pointer. react-resizable-panels hit-tests each press against its groups' boxes (plus a
 * touch margin), so it would take every press anywhere in the app for a press on a pane separator:
 * it focuses the separator and cancels the press, and the control under the pointer never gets focus.
 * Tests press controls and never drag a separator, so the groups' boxes are put far from the pointer.
 */
const boxOfElement = Element.prototype.getBoundingClientRect;
Element.prototype.getBoundingClientRect = function boxOutsidePanes(this: Element) {
  if (!this.hasAttribute('data-group')) return boxOfElement.call(this);
  const far = -1e6;
  return { x: far, y: far, left: far, top: far, right: far, bottom: far, width: 0, height: 0, toJSON: () => ({}) } as DOMRect;
};
