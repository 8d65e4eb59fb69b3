import { Sidebar } from './Sidebar';
import { StatusBar } from './StatusBar';
import { ViewTabs } from './ViewTabs';
import { featureOverlays } from '../../app/feature-views';
import { useConnectionEvents, useProfiles } from '../../api/profiles';
import './shell.css';

/** The window's frame: profiles sidebar, the views (Library first), the overlays (uploads, Profile dialog) and the status bar. */
export function AppFrame() {
  useConnectionEvents();
  const profiles = useProfiles();
  // Readiness marker for e2e and troubleshooting: the frame has its first data.
  return (
    <div className="app-frame" data-app-state={profiles.isSuccess ? 'loaded' : profiles.isError ? 'error' : 'loading'}>
      <Sidebar />
      <ViewTabs />
      {featureOverlays.map((Overlay, index) => (
        <Overlay key={index} />
      ))}
      <StatusBar />
    </div>
  );
}
