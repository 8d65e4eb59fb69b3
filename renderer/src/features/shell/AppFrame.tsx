import { Command } from 'lucide-react';
import { StatusBar } from './StatusBar';
import { ProfilesNav } from './ProfilesNav';
import { ViewPanel, ViewTabs } from './ViewTabs';
import { featureOverlays } from '../../app/feature-views';
import { useConnectionEvents, useProfiles } from '../../api/profiles';
import { IconButton } from '../../ui/controls/IconButton';
import { ThemeMenu } from '../../ui/theme/ThemeMenu';
import { ToastViewport } from '../../ui/toast/Toaster';
import { PALETTE_SHORTCUT } from '../../ui/commands/CommandPalette';
import { useCommandRegistry } from '../../ui/commands/command-registry';
import { useFrameCommands } from './frame-commands';
import './shell.css';

/**
 * The window's frame: a top bar (views, profiles, command palette, theme), the active view with
 * the toasts over it, the overlays (uploads drawer, Profile dialog) and the status bar.
 */
export function AppFrame() {
  useConnectionEvents();
  useFrameCommands();
  const profiles = useProfiles();
  const openPalette = useCommandRegistry((s) => s.setPaletteOpen);
  // Readiness marker for e2e and troubleshooting: the frame has its first data.
  return (
    <div className="app-frame" data-app-state={profiles.isSuccess ? 'loaded' : profiles.isError ? 'error' : 'loading'}>
      <header className="top-bar">
        <span className="brand" aria-hidden="true">
          <span className="brand-mark" />
          <span className="brand-name">MediaDesk</span>
        </span>
        <ViewTabs />
        <ProfilesNav />
        <div className="top-bar-tools">
          <IconButton label="Command palette" tooltip="All commands" shortcut={PALETTE_SHORTCUT} onClick={() => openPalette(true)}>
            <Command />
          </IconButton>
          <ThemeMenu />
        </div>
      </header>
      <main className="view-host" aria-label="MediaDesk">
        <ViewPanel />
        <ToastViewport />
      </main>
      {featureOverlays.map((Overlay, index) => (
        <Overlay key={index} />
      ))}
      <StatusBar />
    </div>
  );
}
