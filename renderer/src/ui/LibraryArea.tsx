import { useEffect, type ReactNode } from 'react';
import { Group, Panel, Separator, useDefaultLayout, usePanelRef, type PanelImperativeHandle } from 'react-resizable-panels';
import { useActiveProfile } from '../api/profiles';
import { usePaneStore, type CollapsiblePane } from './panes/pane-store';
import './library-area.css';

export interface LibrarySlots {
  /** Folder tree (a `tree` named "Folders"). */
  folders?: ReactNode;
  /** Files grid / list (a `grid` named "Files"). */
  files?: ReactNode;
  /** Details panel (a `complementary` named "Details"). */
  details?: ReactNode;
}

/**
 * Pane sizes. The files pane never goes below 56% of the panes' width, so at 1280 px with Details open
 * it keeps more than 55% of the window (over 704 px) whatever the side panes were dragged to; the side panes collapse to nothing.
 */
const FOLDERS = { defaultSize: '18%', minSize: '150px', maxSize: '30%' };
const FILES = { defaultSize: '58%', minSize: '56%' };
const DETAILS = { defaultSize: '24%', minSize: '240px', maxSize: '40%' };

/** Keeps a collapsible panel in step with the pane store (toolbar toggles and drags both ways). */
function useCollapsible(pane: CollapsiblePane, ref: React.RefObject<PanelImperativeHandle | null>) {
  const collapsed = usePaneStore((s) => s.collapsed[pane]);
  useEffect(() => {
    const panel = ref.current;
    if (!panel) return;
    if (collapsed && !panel.isCollapsed()) panel.collapse();
    if (!collapsed && panel.isCollapsed()) panel.expand();
  }, [collapsed, ref]);
}

/**
 * The Library's three panes (folders | files | details), resizable with the mouse or the keyboard on
 * the separators, sizes remembered between runs (localStorage), the side panes collapsible.
 */
export function LibraryArea({ folders, files, details }: LibrarySlots = {}) {
  const active = useActiveProfile();
  const layout = useDefaultLayout({ id: 'mediadesk.library-panes', storage: localStorage });
  const foldersRef = usePanelRef();
  const detailsRef = usePanelRef();
  const settle = usePaneStore((s) => s.settle);
  useCollapsible('folders', foldersRef);
  useCollapsible('details', detailsRef);

  if (!folders && !files && !details) {
    return (
      <div className="library-area">
        <div className="library-placeholder">
          <h1>{active ? active.name : 'MediaDesk'}</h1>
          <p className="muted">{active ? active.urlEndpoint : 'Choose or add a profile to open a library.'}</p>
        </div>
      </div>
    );
  }
  return (
    <Group className="library-area" orientation="horizontal" defaultLayout={layout.defaultLayout} onLayoutChanged={layout.onLayoutChanged}>
      <Panel
        id="folders"
        panelRef={foldersRef}
        collapsible
        {...FOLDERS}
        className="library-slot library-slot-folders"
        onResize={(size) => settle('folders', size.inPixels === 0)}
      >
        {folders}
      </Panel>
      <Separator className="library-separator" aria-label="Resize the folders pane" />
      <Panel id="files" {...FILES} className="library-slot library-slot-files">
        {files}
      </Panel>
      <Separator className="library-separator" aria-label="Resize the details pane" />
      <Panel
        id="details"
        panelRef={detailsRef}
        collapsible
        {...DETAILS}
        className="library-slot library-slot-details"
        onResize={(size) => settle('details', size.inPixels === 0)}
      >
        {details}
      </Panel>
    </Group>
  );
}
