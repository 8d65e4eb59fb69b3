import { useEffect } from 'react';
import { useActiveProfile } from '../../api/profiles';
import { LibraryArea } from '../../ui/LibraryArea';
import { BrowserDialogs } from './BrowserDialogs';
import { useBrowserStore } from '../../ui/browser-store';
import { DetailsPanel } from './DetailsPanel';
import { FilesPane } from './FilesPane';
import { FolderTree } from './FolderTree';
import './browser.css';

/** The Library view (issue 5): Folders tree, Files grid/list and the Details panel. */
export function LibraryBrowser() {
  const active = useActiveProfile();
  const profileId = useBrowserStore((s) => s.profileId);
  const resetForProfile = useBrowserStore((s) => s.resetForProfile);

  // Another library was opened: its folders are not this one's.
  useEffect(() => {
    if (active && active.id !== profileId) resetForProfile(active.id);
  }, [active, profileId, resetForProfile]);

  if (!active) return <LibraryArea />;
  return (
    <>
      <LibraryArea folders={<FolderTree />} files={<FilesPane />} details={<DetailsPanel />} />
      <BrowserDialogs />
    </>
  );
}
