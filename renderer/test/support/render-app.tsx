import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../src/app/App';
import { createQueryClient } from '../../src/app/query-client';
import { setBridgeForTests } from '../../src/api/transport';
import { useUiStore } from '../../src/app/ui-store';
import type { InMemoryHost } from './in-memory-host';

/**
 * jsdom has no layout and no ResizeObserver; the Library's resizable panes (react-resizable-panels)
 * construct one. Nothing here measures sizes, so an observer that never reports is enough.
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

/** Renders the whole app against a test host, with fresh UI state and a fresh query cache. */
export function renderApp(host: InMemoryHost) {
  setBridgeForTests(host.bridge);
  useUiStore.setState({ profileDialogOpen: false, editingProfileId: null });
  const user = userEvent.setup();
  const view = render(<App queryClient={createQueryClient()} />);
  return { user, ...view };
}
