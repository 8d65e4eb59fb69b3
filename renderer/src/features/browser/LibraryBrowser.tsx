import { lazy, useEffect } from 'react';
import { useActiveProfile } from '../../api/profiles';
import { firstScreenSettled } from '../../api/first-screen';
import { LibraryArea } from '../../ui/LibraryArea';
import { useBrowserStore } from '../../ui/browser-store';
import { FilesPane } from './FilesPane';
import { FolderTree } from './FolderTree';
import { matchesShortcut } from '../../ui/controls/shortcut';
import { useDialogStore } from './dialog-store';
import { LazyPart } from '../../ui/PartBoundary';
import './browser.css';

// The rename, delete, new-folder, transfer and preview dialogs load the first time one opens.
const BrowserDialogs = lazy(() => import('./BrowserDialogs').then((m) => ({ default: m.BrowserDialogs })));
// The Details panel (preview, player, facts, sections) has nothing to show until a file is selected:
// it loads once the first screen's data has arrived instead of before the tree can paint.
const DetailsPanel = lazy(() =>
  firstScreenSettled()
    .then(() => import('./DetailsPanel'))
    .then((m) => ({ default: m.DetailsPanel })),
);

function DetailsPanelSoon() {
  const empty = (
    <aside className="details-panel" aria-label="Details">
      <h2 className="pane-heading">Details</h2>
    </aside>
  );
  return (
    <LazyPart part="The Details panel" loading={empty}>
      <DetailsPanel />
    </LazyPart>
  );
}

/** The Library view: Folders tree, Files grid/list and the Details panel in resizable panes. */
export function LibraryBrowser() {
  const active = useActiveProfile();
  const profileId = useBrowserStore((s) => s.profileId);
  const resetForProfile = useBrowserStore((s) => s.resetForProfile);
  const dialogOpen = useDialogStore((s) => s.dialog !== null);

  // Another library was opened: its folders are not this one's.
  useEffect(() => {
    if (active && active.id !== profileId) resetForProfile(active.id);
  }, [active, profileId, resetForProfile]);

  // Mod+Shift+N: a new folder in the open folder (as listed in menus and the palette).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!matchesShortcut(e, 'Mod+Shift+N') || useDialogStore.getState().dialog) return;
      e.preventDefault();
      useDialogStore.getState().open({ kind: 'new-folder', parentFolderPath: useBrowserStore.getState().folderPath });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (!active) return <LibraryArea />;
  return (
    <>
      <LibraryArea folders={<FolderTree />} files={<FilesPane />} details={<DetailsPanelSoon />} />
      {dialogOpen && (
        <LazyPart part="The dialog">
          <BrowserDialogs />
        </LazyPart>
      )}
    </>
  );
}
