import { Sidebar } from './Sidebar';
import { StatusBar } from './StatusBar';
import { LibraryArea, type LibrarySlots } from './LibraryArea';
import { ProfileDialog } from '../profiles/ProfileDialog';
import { useConnectionEvents, useProfiles } from '../../api/profiles';
import './shell.css';

/** The window's frame: profiles sidebar, library area, status bar, and the Profile dialog. */
export function AppFrame(slots: LibrarySlots) {
  useConnectionEvents();
  const profiles = useProfiles();
  // Readiness marker for e2e and troubleshooting: the frame has its first data.
  return (
    <div className="app-frame" data-app-state={profiles.isSuccess ? 'loaded' : profiles.isError ? 'error' : 'loading'}>
      <Sidebar />
      <LibraryArea {...slots} />
      <StatusBar />
      <ProfileDialog />
    </div>
  );
}
