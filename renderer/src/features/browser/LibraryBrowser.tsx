import { useEffect } from 'react';
import { useActiveProfile } from '../../api/profiles';
import { LibraryArea } from '../../ui/LibraryArea';
import { BrowserDialogs } from './BrowserDialogs';
import { useBrowserStore } from '../../ui/browser-store';
import { DetailsPanel } from './DetailsPanel';
import { FilesPane } from './FilesPane';
import { FolderTree } from './FolderTree';
import { matchesShortcut } from '../../ui/controls/shortcut';
import { useDialogStore } from './dialog-store';
import './browser.css';

/** The Library view: Folders tree, Files grid/list and the Details panel in resizable panes. */
export function LibraryBrowser() {
  const active = useActiveProfile();
  const profileId = useBrowserStore((s) => s.profileId);
  const resetForProfile = useBrowserStore((s) => s.resetForProfile);

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
      <LibraryArea folders={<FolderTree />} files={<FilesPane />} details={<DetailsPanel />} />
      <BrowserDialogs />
    </>
  );
}
